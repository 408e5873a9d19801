/**
 * The commands a step page shows, as plain text to copy: the step's shell code blocks (its Markdown), then for each
 * action of its last run its CLI equivalent and the code and addresses it printed, each under a `#` comment naming
 * it (harmless when pasted). Nothing is
 * added inside a command line: `y` prints this above a short screen, where the terminal wraps long lines itself and
 * a mouse selection copies each one whole.
 *
 *   # Step 1 · Enable model invocation logging
 *   aws logs create-log-group --log-group-name /aws/bedrock/model-invocations
 *   # Create the log group (the lab ran it as)
 *   aws logs create-log-group --region us-east-1 --log-group-name /aws/bedrock/model-invocations --tags …
 */
import { marked, type Tokens } from "marked";
import { fill, tr, type Lang } from "../../engine/text.js";
import { languageOf } from "../markdown/highlight.js";
import type { StepInfo, StepRun } from "../state/lab-view.js";
import { S } from "../strings.js";

export function stepCommands(step: StepInfo, run: StepRun | undefined, lang: Lang): string[] {
  const blocks = marked
    .lexer(tr(step.body, lang))
    .filter(
      (token): token is Tokens.Code => token.type === "code" && languageOf((token as Tokens.Code).lang) === "bash",
    )
    .map((token) => token.text);
  const lines: string[] = [];
  if (blocks.length > 0) {
    lines.push(`# ${tr(fill(S.stepHeading, { n: step.number, title: tr(step.title, lang) }), lang)}`);
    for (const block of blocks) lines.push(...block.split("\n"));
  }
  for (const item of run?.items ?? []) {
    if (item.kind === "action" && item.cli)
      lines.push(`# ${tr(item.title, lang)} ${tr(S.copyAsRun, lang)}`, ...item.cli.split("\n"));
    // What the run printed to be copied: code (a policy, a dashboard body) and addresses.
    for (const output of item.outputs) {
      if (output.kind === "code")
        lines.push(`# ${output.title ? tr(output.title, lang) : output.language}`, ...output.code.split("\n"));
      if (output.kind === "link") lines.push(`# ${tr(output.label, lang)}`, output.url);
    }
  }
  return lines;
}
