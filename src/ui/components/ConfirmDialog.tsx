/** A confirmation: billable, destructive or a choice. The question, why it matters, and the answer keys. */
import { Box } from "ink";
import type { Text as Bilingual } from "../../engine/text.js";
import type { Question } from "../app/confirm-queue.js";
import { useDisplay } from "../app/display.js";
import { keysOf } from "../key-bindings.js";
import { S } from "../strings.js";
import { unreachable } from "../theme/status.js";
import type { Token } from "../theme/theme.js";
import { InlineText } from "./InlineText.js";
import { Styled } from "./Styled.js";

function kindLook(kind: Question["kind"]): { token: Token; label: Bilingual } {
  switch (kind) {
    case "billable":
      return { token: "tone.warning", label: S.confirmBillable };
    case "destructive":
      return { token: "tone.error", label: S.confirmDestructive };
    case "choice":
      return { token: "tone.info", label: S.confirmChoice };
    default:
      return unreachable(kind);
  }
}

export function ConfirmDialog(props: { request: Question; width: number }) {
  const { t, theme } = useDisplay();
  const look = kindLook(props.request.kind);
  // From the bindings: only y says yes (c and k never answer a dialog).
  const answer = (command: "yes" | "no", word: Bilingual) => `${keysOf(command).join("/")} = ${t(word)}`;
  return (
    <Box flexDirection="column" borderStyle="double" {...theme[look.token]} paddingX={1} width={props.width}>
      {/* The answer keys sit on the title line: a long explanation may be cut at the bottom, they never are. */}
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Styled token={look.token} wrap="truncate-end">
            {props.request.kind === "choice" ? "?" : "⚠"} {t(props.request.title ?? look.label)}
          </Styled>
        </Box>
        <Box flexShrink={0} marginLeft={2}>
          <Styled token="text.accent">
            {answer("yes", S.keyYes)} · {answer("no", S.keyNo)}
          </Styled>
        </Box>
      </Box>
      <Box marginTop={1}>
        <InlineText bold text={t(props.request.question)} />
      </Box>
      {props.request.detail ? (
        <Box marginTop={1}>
          <InlineText text={t(props.request.detail)} />
        </Box>
      ) : null}
    </Box>
  );
}
