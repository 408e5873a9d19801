/** The lab's steps with their status and the n/N done; the selected step is highlighted. */
import { Box, Text } from "ink";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import type { StepInfo } from "../state/lab-view.js";
import { S } from "../strings.js";
import { stepLook, type StepStatus } from "../theme/status.js";
import { Styled } from "./Styled.js";

export interface StepRow {
  step: StepInfo;
  status: StepStatus;
}

export function StepList(props: { rows: StepRow[]; selected: number; width: number }) {
  const { t, theme } = useDisplay();
  const lab = props.rows.filter((row) => row.step.role !== "cleanup");
  const done = lab.filter((row) => row.status === "passed").length;
  return (
    <Box flexDirection="column" borderStyle="round" {...theme["border.normal"]} width={props.width} flexShrink={0} paddingX={1}>
      <Text wrap="truncate-end">
        <Styled token="text.heading">{t(S.stepsPanel)}</Styled>{" "}
        <Styled token="text.accent">{t(fill({ vi: "{done}/{total}", en: "{done}/{total}" }, { done, total: lab.length }))}</Styled>
      </Text>
      {props.rows.map((row, index) => {
        const look = stepLook(row.status);
        const selected = index === props.selected;
        return (
          <Text key={row.step.id} wrap="truncate-end" {...(selected ? theme["text.selected"] : {})}>
            <Text>{selected ? "▸" : " "}</Text>
            <Styled token={look.token}>{look.glyph}</Styled> {row.step.number} {t(row.step.title)}
          </Text>
        );
      })}
    </Box>
  );
}
