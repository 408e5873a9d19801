/**
 * One line on top: the lab, the checklist count, how the lab is taken (hands-on, guided, exam), the target (the
 * sandbox labelled as simulated), Region, account and language.
 */
import { Box, Text } from "ink";
import type { Mode, TargetInfo } from "../../engine/contract.js";
import type { Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { S } from "../strings.js";
import { MODE_SHORT } from "../strings-hands-on.js";
import { Styled } from "./Styled.js";

export function Header(props: { title?: Bilingual; target?: TargetInfo; progress?: string; mode?: Mode }) {
  const { t, s, lang, theme, columns } = useDisplay();
  const { target } = props;
  return (
    <Box flexShrink={0} justifyContent="space-between">
      <Box flexShrink={1}>
        <Text wrap="truncate-end">
          <Styled token="text.heading">genai-lab</Styled>
          {props.title ? <Text> · {t(props.title)}</Text> : null}
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        {props.progress ? <Styled token="text.accent">{props.progress} </Styled> : null}
        {props.mode ? <Styled token="text.accent">{t(MODE_SHORT[props.mode])} · </Styled> : null}
        {target ? <TargetBadge target={target} /> : null}
        {/* Below 72 columns the Region (on the welcome card) gives way to the mode, so the line stays one line. */}
        {target && (columns >= 72 || !props.mode) ? <Styled token="text.muted"> · {target.region}</Styled> : null}
        {/* The account id is on the welcome card; on a narrow terminal the lab's title needs the room more. */}
        {target && columns >= 100 ? <Styled token="text.muted"> · {s(target.accountId)}</Styled> : null}
        <Styled token="text.muted"> · {lang.toUpperCase()}</Styled>
        {theme.presenter ? <Styled token="text.accent"> · {t(S.presenterBadge)}</Styled> : null}
      </Box>
    </Box>
  );
}

export function TargetBadge(props: { target: TargetInfo }) {
  const { t } = useDisplay();
  const { target } = props;
  switch (target.kind) {
    case "sandbox":
      return (
        <Text>
          sandbox <Styled token="badge.simulated">{` ${t(target.realModel ? S.realModel : S.simulated)} `}</Styled>
        </Text>
      );
    case "aws":
      return <Styled token="tone.warning">AWS{target.profile ? ` (${t(S.profile)} ${target.profile})` : ""}</Styled>;
    case "endpoint":
      return <Text>{target.endpoint ?? "endpoint"}</Text>;
  }
}
