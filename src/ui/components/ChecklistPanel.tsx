/** The verification checklist, always on screen, ticking as checks finish. */
import { Text } from "ink";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { shortTime } from "../state/standing.js";
import { itemStatus, passedCount, type ChecklistItemView } from "../state/lab-view.js";
import { S } from "../strings.js";
import { itemLook } from "../theme/status.js";
import { LeftPanel } from "./LeftPanel.js";
import { PanelTitle } from "./PanelTitle.js";
import { Styled } from "./Styled.js";

/**
 * `completedAt`: the lab was completed then, and has been cleaned up since (the items show how it ended).
 * `marks` (hands-on, exam): an item genai-lab's own work passed is `[✓]*`, as in the reports.
 */
export function ChecklistPanel(props: {
  items: ChecklistItemView[];
  width: number;
  completedAt?: string;
  compact?: boolean;
  marks?: boolean;
}) {
  const { t } = useDisplay();
  const passed = passedCount(props.items);
  return (
    <LeftPanel width={props.width} compact={props.compact}>
      <PanelTitle title={t(S.checklistTitle)} count={`${passed}/${props.items.length}`} />
      {props.items.map((item) => {
        const look = itemLook(itemStatus(item));
        return (
          <Text key={item.id} wrap="truncate-end">
            <Styled token={look.token}>{look.glyph}</Styled>
            {props.marks ? <Styled token="text.muted">{byRunner(item) ? "*" : " "}</Styled> : null} {t(item.label)}
          </Text>
        );
      })}
      {props.items.length === 0 ? <Styled token="text.muted">{t(S.noData)}</Styled> : null}
      {props.completedAt ? (
        <Styled token="text.muted" wrap="truncate-end">
          {t(fill(S.checklistCompleted, { at: shortTime(props.completedAt) }))}
        </Styled>
      ) : null}
    </LeftPanel>
  );
}

function byRunner(item: ChecklistItemView): boolean {
  return item.result?.status === "pass" && item.result.doneBy === "runner";
}
