/**
 * "Your turn" at the top of a step's page in hands-on and exam mode: the task in a sentence or two, the live
 * check of the learner's work, then one of three ways to do it — the console path (real AWS), AWS CLI lines, a
 * boto3 snippet — each with the learner's real values, switched with Tab so one fits 60×18. Under the CLI and
 * Python ways: where the lab's sandbox listens and the `eval "$(genai-lab env)"` line that points a shell at it.
 * Exam mode shows the task only (the ways are the answer).
 */
import { Box, Text } from "ink";
import { isByHandStep, type Mode, type TargetKind } from "../../engine/contract.js";
import { fill, tr, type Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import type { StepInfo } from "../state/lab-view.js";
import { WAYS, type Way } from "../state/ui-state.js";
import { S } from "../strings.js";
import { CodeBlock } from "./CodeBlock.js";
import { LiveDetails, LiveStatus, type LiveStatusProps } from "./LiveStatus.js";
import { Markdown } from "./Markdown.js";
import { Styled } from "./Styled.js";

/** What Your turn needs besides the step: the mode, the way shown, and how the learner's shell reaches the target. */
export interface HandsOnInfo {
  mode?: Mode;
  way: Way;
  target: TargetKind;
  /** The sandbox's loopback address (the TUI's own sandbox). */
  endpoint?: string;
  /** `eval "$(genai-lab env …)"` for this state directory and target. */
  envCommand?: string;
}

const WAY_NAMES: Record<Way, Bilingual> = { console: S.wayConsole, cli: S.wayCli, python: S.wayPython };

export function YourTurn(props: {
  step: StepInfo;
  info: HandsOnInfo;
  live: LiveStatusProps | undefined;
  width: number;
}) {
  const { t } = useDisplay();
  const { step, info, width } = props;
  // Cleanup is not graded: exam mode shows its commands too.
  const exam = info.mode === "exam" && isByHandStep(step);
  // The actions' own shell lines count: a step without Your turn content still shows how to do it by hand.
  const has = [step.task, step.console, step.cli, step.python].some((part) => part !== undefined) || !!step.commands;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Styled token="text.accent">── {t(S.yourTurn)} ──</Styled>
      {step.task ? <Markdown source={t(step.task)} width={width} /> : null}
      {!has ? (
        <Styled token="text.muted" wrap="wrap">
          {t(exam ? S.yourTurnNoneExam : S.yourTurnNone)}
        </Styled>
      ) : null}
      {props.live ? (
        <LiveStatus {...props.live} />
      ) : (
        <Styled token="text.muted" wrap="wrap">
          {t(step.role === "cleanup" ? S.cleanupNothingYet : S.liveNoChecks)}
        </Styled>
      )}
      {exam ? (
        <Box marginTop={1}>
          <Styled token="text.muted" wrap="wrap">
            {t(S.examHidden)}
          </Styled>
        </Box>
      ) : has ? (
        <Ways step={step} info={info} width={width} />
      ) : null}
      {props.live ? <LiveDetails {...props.live} /> : null}
      {exam ? null : (
        <Box marginTop={1}>
          <Styled token="text.accent" wrap="wrap">
            ▶ {t(step.role === "cleanup" ? S.yourTurnCleanup : S.doItHint)}
          </Styled>
        </Box>
      )}
    </Box>
  );
}

/** The tab row and the way shown. */
function Ways(props: { step: StepInfo; info: HandsOnInfo; width: number }) {
  const { t, theme, lang } = useDisplay();
  const { step, info, width } = props;
  // The commands in the language on screen (their comments differ), unredacted here: CodeBlock redacts.
  const cli = step.cli ? tr(step.cli, lang) : step.commands?.[lang].join("\n");
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        {WAYS.map((way, i) => (
          <Text key={way}>
            {i > 0 ? <Styled token="text.muted"> │ </Styled> : null}
            {way === info.way ? (
              <Text bold {...theme["text.selected"]}>
                {t(WAY_NAMES[way])}
              </Text>
            ) : (
              <Styled token="text.muted">{t(WAY_NAMES[way])}</Styled>
            )}
          </Text>
        ))}
        <Styled token="text.muted"> · {t(S.waysKey)}</Styled>
      </Text>
      {info.way === "console" ? (
        <Box flexDirection="column">
          {info.target === "sandbox" ? (
            <Styled token="text.muted" wrap="wrap">
              {t(S.consoleForAws)}
            </Styled>
          ) : null}
          {step.console ? <Markdown source={t(step.console)} width={width} /> : <Missing way="console" />}
        </Box>
      ) : (
        <Box flexDirection="column">
          {info.way === "cli" ? (
            cli ? (
              <CodeBlock code={cli} language="bash" width={width} />
            ) : (
              <Missing way="cli" />
            )
          ) : step.python ? (
            <CodeBlock code={tr(step.python, lang)} language="python" width={width} />
          ) : (
            <Missing way="python" />
          )}
          <ShellSetup info={info} width={width} />
        </Box>
      )}
    </Box>
  );
}

function Missing(props: { way: Way }) {
  const { t } = useDisplay();
  return (
    <Styled token="text.muted" wrap="wrap">
      {t(fill(S.wayMissing, { way: t(WAY_NAMES[props.way]) }))}
    </Styled>
  );
}

/** Where the learner's shell must point first: the sandbox's endpoint and `genai-lab env`, or the account. */
function ShellSetup(props: { info: HandsOnInfo; width: number }) {
  const { t } = useDisplay();
  const { info } = props;
  if (!info.envCommand) return null;
  const says =
    info.target === "sandbox" && info.endpoint ? fill(S.sandboxEndpoint, { endpoint: info.endpoint }) : S.awsEnv;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Styled token="text.muted" wrap="wrap">
        {t(says)}
      </Styled>
      <CodeBlock code={info.envCommand} language="text" width={props.width} />
    </Box>
  );
}
