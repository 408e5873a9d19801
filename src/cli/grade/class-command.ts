/**
 * `check --accounts FILE` / `check --profiles a,b,c`: grade a class and print the result.
 *
 * Output: without --out, stdout gets the chosen format for the whole class (text → the matrix; json → the
 * gradebook; csv → one row per learner; junit → one testsuite per learner; markdown → the matrix as a table).
 * With --out FILE, that document goes to FILE and stdout shows the matrix for people. Progress is on stderr.
 */
import { writeFileSync } from "node:fs";
import { loadChosenLab } from "../lab/load.js";
import { fill, tr } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { renderMatrix } from "../../report/matrix.js";
import { renderReport, type ReportFormat } from "../../report/render.js";
import { plainStyle } from "../../report/text.js";
import { S } from "../../ui/strings.js";
import { numberFlag } from "../args.js";
import { outPath } from "../paths.js";
import type { CommandContext } from "../command.js";
import { resolveMode } from "../mode.js";
import { chooseTarget } from "../target.js";
import { checkExitCode } from "./exit.js";
import { DEFAULT_CONCURRENCY, gradeClass, MAX_CONCURRENCY } from "./grade.js";
import { classProgress } from "./progress.js";
import { redactSalt, reportKey } from "./secrets.js";
import { profilesTargets, rosterTargets } from "./targets.js";

export async function checkClass(
  ctx: CommandContext,
  format: ReportFormat,
  failUnder: number | undefined,
): Promise<number> {
  const { io, lang, parsed } = ctx;
  const { flags } = parsed;
  if (flags.profiles !== undefined && flags.accounts !== undefined) {
    throw new UsageError({
      vi: "Chọn một trong --profiles hoặc --accounts, không dùng cả hai.",
      en: "Choose --profiles or --accounts, not both.",
    });
  }
  if (flags.profiles !== undefined && flags.profile !== undefined) {
    throw new UsageError({
      vi: "--profiles đã nêu các profile cần chấm; bỏ --profile (--profile dùng với --accounts, làm thông tin xác thực của người chấm).",
      en: "--profiles already names the profiles to grade; drop --profile (--profile goes with --accounts, as the grader's own credentials).",
    });
  }
  const targets =
    flags.profiles !== undefined ? profilesTargets(flags.profiles) : rosterTargets(flags.accounts ?? "", io.cwd);
  const concurrency = numberFlag("concurrency", flags.concurrency, 1, MAX_CONCURRENCY) ?? DEFAULT_CONCURRENCY;
  // Profiles are real AWS credentials unless a target or an endpoint says otherwise, as --profile is.
  const impliedAws =
    flags.profiles !== undefined && flags.target === undefined && !flags["endpoint-url"] && !io.env.AWS_ENDPOINT_URL;
  const choice = chooseTarget(impliedAws ? { ...flags, target: "aws" } : flags, io.env);
  const lab = await loadChosenLab(flags.lab);
  const progress = classProgress(io.stderr, lang, ctx.errStyle);
  progress.start(targets.length, concurrency);
  const book = await gradeClass({
    lab,
    choice,
    targets,
    concurrency,
    flags,
    env: io.env,
    stateDir: ctx.stateDir,
    lang,
    toolVersion: ctx.version,
    signal: ctx.signal,
    ...(flags.redact ? { redactSalt: redactSalt(io.env, ctx.stateDir) } : {}),
    ...(reportKeyOf(io.env) ?? {}),
    onTarget: progress.target,
    // A class is graded away from the learners' machines: the mode is only what the instructor declares.
    mode: resolveMode(flags, io.env, undefined).mode ?? null,
  });
  if (!book) return 130;
  if (flags.out) {
    const path = outPath(io.cwd, flags.out);
    writeFileSync(path, await renderReport(book, format, plainStyle));
    io.stdout.write(renderMatrix(book, ctx.style));
    io.stderr.write(`${tr(fill(S.reportWritten, { path }), lang)}\n`);
  } else {
    io.stdout.write(await renderReport(book, format, ctx.style));
  }
  return checkExitCode(book.targets, failUnder);
}

function reportKeyOf(env: NodeJS.ProcessEnv): { reportKey: Uint8Array } | undefined {
  const key = reportKey(env);
  return key ? { reportKey: key } : undefined;
}
