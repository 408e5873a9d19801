/**
 * `genai-lab run` in hands-on mode, without the TUI: for each step, what to do and the commands (with the
 * learner's values), then its checks re-run live (watchStep) while the learner works in another terminal, until
 * they pass. Enter re-checks at once on a terminal. Preflight steps only read and choose, so genai-lab runs them;
 * a step with no check of its own is shown and its work is checked with the next step's.
 *
 *   ▶ Step 1 · Enable invocation logging
 *     Turn on model invocation logging to the group …
 *     Commands, to paste as they are (or save them: genai-lab commands --step 1 > step1.sh):
 * aws logs create-log-group …
 *     ✗ not yet · Model invocation logging enabled — no logging configuration in this Region
 *       hint: …
 *     ✓ Step passed — done by you (3 looks, 41 s)
 */
import type { Step } from "../../engine/contract.js";
import type { RunnerEvent } from "../../engine/events.js";
import { plainProse } from "../../engine/prose.js";
import { fill, tr, type Text } from "../../engine/text.js";
import { enCount } from "../../kit/words.js";
import { renderText } from "../../report/text.js";
import { formatDuration } from "../../ui/plain/format.js";
import { createPlainPrinter } from "../../ui/plain/printer.js";
import { S } from "../../ui/strings.js";
import { bonusOfRun, checklistReport, exitCodeFor, type CommandContext } from "../command.js";
import { stepNumbers, type Session } from "../session.js";
import { applyHint, shellOptions } from "../shell-lines.js";
import { selfCommand } from "../self-command.js";
import { envArgs } from "./env.js";

export const HO = {
  intro: {
    vi: "Chế độ tự làm (hands-on): bạn tự làm từng bước trong terminal của mình, genai-lab kiểm tra trực tiếp. Ở terminal khác, chạy {env} rồi các lệnh bên dưới (hoặc dùng console, boto3). Enter: kiểm tra ngay · Ctrl+C: dừng (tiến độ được giữ).",
    en: "Hands-on mode: you do each step in your own terminal and genai-lab checks it live. In another terminal run {env}, then the commands below (or use the console, or boto3). Enter: check now · Ctrl+C: stop (progress is kept).",
  },
  notYet: { vi: "chưa đạt", en: "not yet" },
  noChecks: {
    vi: "Bước này không có mục kiểm tra riêng: phần việc của nó được kiểm tra cùng bước sau.",
    en: "This step has no check of its own: its work is checked with the next step.",
  },
  passedBy: {
    vi: "Bước đã hoàn thành — {who} ({looks}, {time})",
    en: "Step passed — {who} ({looks}, {time})",
  },
  byYou: { vi: "bạn tự làm", en: "done by you" },
  byRunner: { vi: "do genai-lab làm giúp", en: "done by genai-lab" },
  next: { vi: "kiểm tra lại sau {s} giây", en: "next look in {s} s" },
  commands: {
    vi: "Các lệnh, dán nguyên văn (hoặc lưu lại: {save}):",
    en: "Commands, to paste as they are (or save them: {save}):",
  },
} satisfies Record<string, Text>;

export async function runHandsOn(ctx: CommandContext, session: Session, stepIds: string[]): Promise<number> {
  const { io, lang, style, signal } = ctx;
  const say = (text: Text) => tr(text, lang);
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const numbers = stepNumbers(session.lab);
  const startedAt = new Date().toISOString();
  // Looked up once (PATH and the launcher's real path): the intro and every step's "save them" line use it.
  const self = selfCommand("bash", io.env);
  write("");
  write(say(fill(HO.intro, { env: applyHint("bash", envArgs(ctx.parsed.flags), self) })));
  for (const stepId of stepIds) {
    const step = session.lab.steps.find((s) => s.step.id === stepId)!.step;
    if (step.role === "preflight") {
      // It only reads and chooses (identity, the model): genai-lab does it, as in guided mode.
      const off = session.runner.subscribe(
        createPlainPrinter({ out: io.stdout, lang, style, stepNumbers: numbers, redact: false }),
      );
      const summary = await session.runner.runSteps([stepId], signal, { checklist: false }).finally(off);
      if (summary.outcome !== "passed") return exitCodeFor(summary.outcome);
      continue;
    }
    const number = numbers.get(stepId) ?? 0;
    write("");
    write(style.heading(`▶ ${say(fill(S.stepHeading, { n: number, title: say(step.title) }))}`));
    showYourTurn(ctx, session, step, number, self);
    if (step.checks.length === 0) {
      write(style.muted(`  ${say(HO.noChecks)}`));
      continue;
    }
    const outcome = await watchOne(ctx, session, step);
    if (outcome === "cancelled") {
      io.stderr.write(`\n${ctx.errStyle.warn(say(S.runCancelled))}\n`);
      return 130;
    }
  }
  const checklist = await session.runner.runChecklist(signal);
  if (signal.aborted) return 130;
  const bonus = await bonusOfRun(session, stepIds, signal);
  if (signal.aborted) return 130;
  const report = checklistReport(ctx, session, checklist, startedAt, { mode: "hands-on", ...bonus });
  io.stdout.write(`\n${renderText(report, style)}`);
  return 0; // as a guided run: every step it was asked for passed (the checklist may still wait for later steps)
}

/**
 * The step's task, then its commands at the start of the line, unprefixed: copied with the mouse they run as they
 * are (a `$ ` prompt or an indent on each line did not: a heredoc's closing EOF must start its line).
 */
function showYourTurn(ctx: CommandContext, session: Session, step: Step, number: number, self: string): void {
  const turn = session.runner.yourTurn(step.id);
  // The task is Markdown (your-turn.*.md): read as text, as the guided run's printer reads a step's page.
  if (turn?.task) ctx.io.stdout.write(`  ${plainProse(tr(turn.task, ctx.lang))}\n`);
  const blocks = session.runner.commands(step.id);
  if (blocks.length === 0) return;
  // With the session's options (--state-dir above all), as the env line has them: else the default state's values.
  const options = shellOptions(envArgs(ctx.parsed.flags));
  const save = `${self} commands --step ${number}${options ? ` ${options}` : ""} > step${number}.sh`;
  ctx.io.stdout.write(`${ctx.style.muted(`  ${tr(fill(HO.commands, { save }), ctx.lang)}`)}\n`);
  for (const block of blocks) for (const line of block.split("\n")) ctx.io.stdout.write(`${ctx.style.code(line)}\n`);
}

/** Watches one step to the end, printing each check's result when it changes; Enter on a terminal re-checks now. */
async function watchOne(ctx: CommandContext, session: Session, step: Step): Promise<"passed" | "cancelled"> {
  const { io, lang, style } = ctx;
  const say = (text: Text) => tr(text, lang);
  const lastSeen = new Map<string, string>();
  // "… next look in 5 s" stays on its line (stderr) until the next round: erased before anything else is printed.
  let status = false;
  const clearStatus = () => {
    if (status) io.stderr.write("\r\x1b[K");
    status = false;
  };
  const onEvent = (event: RunnerEvent) => {
    if (event.type === "check-finished" && event.live && event.stepId === step.id) {
      const { result } = event;
      const actual = result.status === "fail" ? result.evidence.actual : undefined;
      const line =
        result.status === "pass"
          ? `  ${style.pass(`✓ ${say(S.pass)}`)} · ${say(event.label)}`
          : result.status === "fail"
            ? `  ${style.fail(`✗ ${say(HO.notYet)}`)} · ${say(event.label)} — ${typeof actual === "string" ? actual : say(actual!)}`
            : `  ${style.warn(`! ${say(S.error)}`)} · ${say(event.label)} — ${say(result.problem.title)}`;
      if (lastSeen.get(event.checkId) === line) return;
      lastSeen.set(event.checkId, line);
      clearStatus();
      io.stdout.write(`${line}\n`);
      if (result.status === "fail")
        io.stdout.write(`${style.muted(`    ${say(S.hint)}: ${plainProse(say(result.hint))}`)}\n`);
    }
    if (event.type === "watch" && event.phase === "round-finished" && io.stderr.isTTY && event.nextRoundInMs > 0) {
      io.stderr.write(`\r\x1b[K… ${say(fill(HO.next, { s: Math.round(event.nextRoundInMs / 1000) }))}`);
      status = true;
    }
  };
  const off = session.runner.subscribe(onEvent);
  const started = Date.now();
  const watch = session.runner.watchStep(step.id, ctx.signal);
  const stdin = io.stdin;
  const poke = () => watch.poke();
  if (stdin.isTTY) stdin.on("data", poke);
  try {
    const result = await watch.done;
    clearStatus();
    if (result.outcome !== "passed") return "cancelled";
    const who = say(result.by === "runner" ? HO.byRunner : HO.byYou);
    const time = formatDuration(Date.now() - started);
    // "1 look", "3 looks": the count is worded in the language shown.
    const looks = lang === "vi" ? `${result.rounds} lần kiểm tra` : enCount(result.rounds, "look");
    io.stdout.write(`  ${style.pass(say(fill(HO.passedBy, { who, looks, time })))}\n`);
    return "passed";
  } finally {
    off();
    if (stdin.isTTY) {
      stdin.off("data", poke);
      stdin.pause();
    }
  }
}
