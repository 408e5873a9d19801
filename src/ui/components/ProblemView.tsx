/** A failure explained: what happened, the service's message, what to do next, and the request id. */
import { Box } from "ink";
import type { Problem } from "../../engine/problem.js";
import { useDisplay } from "../app/display.js";
import { S } from "../strings.js";
import { InlineText } from "./InlineText.js";
import { Styled } from "./Styled.js";

export function ProblemView(props: { problem: Problem; withRequestId?: boolean }) {
  const { t, s } = useDisplay();
  const { problem } = props;
  return (
    <Box marginLeft={2} flexDirection="column">
      <InlineText token="tone.error" text={t(problem.title)} />
      {problem.message && !t(problem.title).includes(problem.message) ? (
        <Styled token="text.muted" wrap="wrap">
          {t(S.originalMessage)}: {s(problem.message)}
        </Styled>
      ) : null}
      <InlineText prefix={<Styled token="text.accent">{t(S.next)}: </Styled>} text={t(problem.next)} />
      {problem.requestId && props.withRequestId !== false ? (
        <Styled token="text.muted">
          {t(S.requestId)}: {problem.requestId}
        </Styled>
      ) : null}
    </Box>
  );
}
