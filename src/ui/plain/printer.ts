/**
 * The plain printer: the runner's event stream as readable lines, for CI logs, pipes and screen readers, and
 * for `genai-lab run`. On a TTY the live progress line is redrawn in place; otherwise a progress message is
 * printed once (a countdown does not print a line per second). A streamed answer is echoed as it arrives on a TTY,
 * printed whole once it has ended otherwise (stream-echo.ts).
 */
import type { CheckResult } from "../../engine/contract.js";
import type { ActionOutcome, RunnerEvent, RunnerListener } from "../../engine/events.js";
import type { Problem } from "../../engine/problem.js";
import { redactText } from "../../engine/redact.js";
import { plainProse } from "../../engine/prose.js";
import { fill, tr, type Lang, type Text } from "../../engine/text.js";
import { S } from "../strings.js";
import { actionLook, checkResultLook } from "../theme/status.js";
import { formatDuration, formatOutput } from "./format.js";
import { markdownLines } from "./markdown.js";
import type { PlainStyle } from "./style.js";
import { createStreamEcho } from "./stream-echo.js";

export interface PlainPrinterOptions {
  out: { write(chunk: string): unknown; isTTY?: boolean };
  lang: Lang;
  style: PlainStyle;
  redact?: boolean;
  /** Step number (as in its file name) by step id. */
  stepNumbers: ReadonlyMap<string, number>;
  /** The step's page as it reads now, printed under its heading (left out for headless automation, `run --yes`). */
  stepBody?: (stepId: string) => Text;
}

/** The plain colour of each outcome (glyphs and words are the TUI's: theme/status.ts). */
const OUTCOME_TONE: Record<ActionOutcome, "pass" | "fail" | "muted" | "warn"> = {
  done: "pass",
  skipped: "muted",
  failed: "fail",
  cancelled: "warn",
  "timed-out": "fail",
};

export function createPlainPrinter(options: PlainPrinterOptions): RunnerListener {
  const { out, lang, style } = options;
  const t = (text: Text) => tr(text, lang);
  /** Prose written in Markdown (hints, problems, summaries), read as plain text. */
  const p = (text: Text) => plainProse(tr(text, lang));
  const live = out.isTTY === true;
  let liveLine = false;
  let lastProgress = "";
  let lastProgressAt = 0;
  // Checks run after the steps (the checklist pass) are not printed one by one: the checklist report follows.
  let inStep = false;
  const clean = (text: string) => (options.redact ? redactText(text) : text);
  const echo = createStreamEcho({ out, live, lang, style, clean });

  const write = (line: string) => {
    clearLive();
    echo.close();
    out.write(`${clean(line)}\n`);
  };
  const clearLive = () => {
    if (liveLine) out.write("\r\x1b[K");
    liveLine = false;
  };
  const problemLines = (problem: Problem, indent: string) => {
    write(`${indent}${style.fail(p(problem.title))}`);
    if (problem.message && !t(problem.title).includes(problem.message))
      write(`${indent}${style.muted(`${t(S.originalMessage)}: ${problem.message}`)}`);
    write(`${indent}${t(S.next)}: ${p(problem.next)}`);
    if (problem.requestId) write(style.muted(`${indent}${t(S.requestId)}: ${problem.requestId}`));
  };
  const checkLines = (label: Text, result: CheckResult) => {
    const look = checkResultLook(result.status);
    write(`  ${style[result.status](`${look.glyph} ${t(look.label)}`)}  ${p(label)}`);
    const str = (v: string | Text) => (typeof v === "string" ? v : t(v));
    if (result.status === "fail") {
      write(style.muted(`      ${t(S.expected)}: ${str(result.evidence.expected)}`));
      write(style.muted(`      ${t(S.actual)}: ${str(result.evidence.actual)}`));
      write(`      ${t(S.hint)}: ${p(result.hint)}`);
    } else if (result.status === "error") {
      problemLines(result.problem, "      ");
    }
  };

  return (event: RunnerEvent) => {
    switch (event.type) {
      case "run-started":
      case "check-started":
      case "run-finished":
      case "watch": // live watching is printed by the hands-on run itself (cli/commands/run-hands-on.ts)
        return;
      case "step-started": {
        inStep = true;
        const n = options.stepNumbers.get(event.stepId) ?? 0;
        write("");
        write(style.heading(`▶ ${t(fill(S.stepHeading, { n, title: "" })).trimEnd()} ${t(event.title)}`));
        if (event.resumed) write(style.muted(`  ↷ ${t(S.stepResumed)}`));
        if (options.stepBody) {
          for (const line of markdownLines(t(options.stepBody(event.stepId)), style)) write(line ? `  ${line}` : "");
          write("");
        }
        return;
      }
      case "action-started":
        write(`  • ${p(event.title)}`);
        if (event.cli) for (const line of event.cli.split("\n")) write(style.code(`    $ ${line}`));
        return;
      case "progress": {
        if (event.stream) {
          clearLive();
          echo.update(p(event.message), event.stream);
          return;
        }
        const message = `    … ${p(event.message)}`;
        if (live) {
          clearLive();
          echo.close();
          out.write(clean(message));
          liveLine = true;
        } else {
          // Without a TTY a countdown would print a line a second: print a message when it changes, and a long
          // wait again every 30 s, so a CI log shows it is still alive.
          const shape = message.replace(/\d+/g, "#");
          if (shape !== lastProgress || Date.now() - lastProgressAt >= 30_000) {
            write(style.muted(message));
            lastProgressAt = Date.now();
          }
          lastProgress = shape;
        }
        return;
      }
      case "output":
        for (const line of formatOutput(event.output, lang, style)) write(`    ${line}`);
        return;
      case "action-finished": {
        const look = actionLook(event.outcome);
        const summary = event.summary ? ` — ${p(event.summary)}` : "";
        write(
          `    ${style[OUTCOME_TONE[event.outcome]](`${look.glyph} ${t(look.label)}`)}${summary} ${style.muted(`(${formatDuration(event.durationMs)})`)}`,
        );
        if (event.problem && event.outcome !== "cancelled") problemLines(event.problem, "      ");
        return;
      }
      case "check-finished":
        if (inStep) checkLines(event.label, event.result);
        return;
      case "step-finished": {
        inStep = false;
        const text = { passed: S.stepPassed, failed: S.stepFailed, cancelled: S.stepCancelled }[event.outcome];
        const paint = { passed: style.pass, failed: style.fail, cancelled: style.warn }[event.outcome];
        write(`  ${paint(t(text))} ${style.muted(`(${formatDuration(event.durationMs)})`)}`);
        return;
      }
    }
  };
}
