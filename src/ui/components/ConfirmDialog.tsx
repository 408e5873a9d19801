/** A confirmation: billable, destructive or a choice. The question, why it matters, and the answer keys. */
import { Box, Text } from "ink";
import type { ConfirmRequest } from "../../engine/contract.js";
import { useDisplay } from "../app/display.js";
import { BINDINGS } from "../key-bindings.js";
import { S } from "../strings.js";
import { unreachable } from "../theme/status.js";
import type { Token } from "../theme/theme.js";
import { Styled } from "./Styled.js";

function kindLook(kind: ConfirmRequest["kind"]): { token: Token; label: typeof S.confirmYes } {
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

export function ConfirmDialog(props: { request: ConfirmRequest; width: number }) {
  const { t, theme } = useDisplay();
  const look = kindLook(props.request.kind);
  return (
    <Box flexDirection="column" borderStyle="double" {...theme[look.token]} paddingX={1} width={props.width}>
      <Styled token={look.token}>⚠ {t(look.label)}</Styled>
      <Box marginTop={1}>
        <Text bold wrap="wrap">
          {t(props.request.question)}
        </Text>
      </Box>
      {props.request.detail ? (
        <Box marginTop={1}>
          <Text wrap="wrap">{t(props.request.detail)}</Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text>
          <Styled token="text.accent">[{keysOf("yes")}]</Styled> {t(S.confirmYes)}
          {"   "}
          <Styled token="text.accent">[{keysOf("no")}]</Styled> {t(S.confirmNo)}
        </Text>
      </Box>
    </Box>
  );
}

const keysOf = (command: "yes" | "no") => BINDINGS.find((b) => b.command === command)?.keys.join("/") ?? "";
