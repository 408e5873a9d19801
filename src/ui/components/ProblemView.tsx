/** A failure explained: what happened, the service's message, what to do next, and the request id. */
import { Box, Text } from "ink";
import type { Problem } from "../../engine/problem.js";
import { useDisplay } from "../app/display.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

export function ProblemView(props: { problem: Problem }) {
  const { t, s } = useDisplay();
  const { problem } = props;
  return (
    <Box marginLeft={2} flexDirection="column">
      <Styled token="tone.error" wrap="wrap">
        {t(problem.title)}
      </Styled>
      {problem.message && !t(problem.title).includes(problem.message) ? (
        <Styled token="text.muted" wrap="wrap">
          {s(problem.message)}
        </Styled>
      ) : null}
      <Text wrap="wrap">
        <Styled token="text.accent">{t(S.whatToDo)}:</Styled> {t(problem.next)}
      </Text>
      {problem.requestId ? (
        <Styled token="text.muted">
          {t(S.requestId)}: {problem.requestId}
        </Styled>
      ) : null}
    </Box>
  );
}
