/**
 * `genai-lab lab check DIR`: is this lab ready for learners? Like rustlings' `dev check`, it runs the lab for real
 * on a fresh in-memory sandbox and reports every finding:
 *
 *   loads        the loader's checks (files, ids, Markdown in both languages, placeholders)
 *   languages    every text in both languages, translated; each page's code blocks and links alike in both
 *   fresh        every checklist item FAILS before any step ran (a check that passes on an empty account
 *                proves nothing)
 *   step N       its actions complete, then its checks PASS; its pages render with nothing left unfilled (a
 *                "bonus" step is not run: its commands are checked, its pages rendered)
 *   commands     every command it prints (action lines, Your turn lines, the pages' bash blocks) parses
 *   cleanup      after the cleanup steps, no checklist item passes any more
 */
import { spawnSync } from "node:child_process";
import { classifyAwsError } from "../../aws/classify.js";
import { realClock } from "../../engine/clock.js";
import type { CheckContext, LabParams, TargetInfo } from "../../engine/contract.js";
import type { LoadedLab } from "../../engine/loader.js";
import { valueContext } from "../../engine/render.js";
import { Runner } from "../../engine/runner.js";
import { ProgressStore } from "../../engine/store.js";
import { tr, type Text } from "../../engine/text.js";
import { freshSandbox } from "./fresh-sandbox.js";
import { codeBlocks, pageProblems, textProblems, textsIn } from "./languages.js";

export interface Finding {
  /** What was checked: "languages", "fresh", "step 2 (use-thing)", "commands"… */
  area: string;
  ok: boolean;
  /** One line each; empty when it passed. */
  problems: string[];
}

/** `overrides`: parameters given with --param (a lab whose defaults point outside the sandbox, e.g. at a file). */
export async function checkLab(lab: LoadedLab, signal: AbortSignal, overrides: LabParams = {}): Promise<Finding[]> {
  const findings: Finding[] = [{ area: "loads", ok: true, problems: [] }];
  const { sandbox, aws, close } = await freshSandbox(lab.manifest.clients ?? {}, { maxAttempts: 2 });
  try {
    const target: TargetInfo = {
      kind: "sandbox",
      region: sandbox.region,
      accountId: sandbox.accountId,
      principalArn: `arn:aws:iam::${sandbox.accountId}:user/lab-check`,
    };
    const params = {
      ...lab.manifest.parameters,
      ...("region" in lab.manifest.parameters ? { region: target.region } : {}),
      ...overrides,
    };
    const store = ProgressStore.inMemory(lab.manifest.id, target);
    const runner = new Runner({
      lab,
      aws,
      target,
      params,
      lang: "en",
      store,
      classify: (error) => classifyAwsError(error, lab.manifest.errors),
      confirm: () => Promise.resolve(true),
      yes: true,
    });
    const printed: string[] = [];
    runner.subscribe((event) => {
      if (event.type === "action-started" && event.cli) printed.push(event.cli);
    });
    const pages = () => lab.steps.map(({ step }) => ({ id: step.id, texts: runner.stepTexts(step.id) }));
    const statuses = async () => (await runner.runChecklist(signal)).map((item) => ({ id: item.id, item }));

    findings.push(languages(lab, pages()));
    const fresh = await statuses();
    findings.push({
      area: "fresh sandbox: every checklist item fails",
      ok: fresh.every(({ item }) => item.result.status === "fail"),
      problems: fresh
        .filter(({ item }) => item.result.status !== "fail")
        .map(
          ({ id, item }) =>
            `${id}: ${item.result.status === "pass" ? "passes before any step ran" : errorLine(item.result)}`,
        ),
    });

    const ctx = checkContext(aws, params, target, store);
    for (const { step, number } of lab.steps.filter(({ step }) => step.role !== "cleanup")) {
      if (step.role === "bonus") {
        // An optional step is not run here (it may wait on the clock, e.g. for an alarm's next evaluation): its
        // commands are still checked. The lab's own tests run it.
        for (const action of step.actions) {
          const line = action.cli?.(ctx);
          if (line) printed.push(line);
        }
      } else {
        findings.push(
          await stepFinding(runner, step.id, `step ${number} (${step.id}): actions complete, checks pass`, signal),
        );
      }
      if (step.yourTurn?.cli) printed.push(step.yourTurn.cli(ctx));
      findings.push(unfilled(pages(), `pages after step ${number}`));
    }
    for (const { texts } of pages())
      for (const lang of ["vi", "en"] as const)
        for (const text of [texts.body, ...(texts.hints ?? [])]) printed.push(...codeBlocks(text[lang], "bash"));
    findings.push(commands(printed));

    const cleanups = lab.steps.filter(({ step }) => step.role === "cleanup");
    for (const { step, number } of cleanups) {
      findings.push(await stepFinding(runner, step.id, `step ${number} (${step.id}): cleanup completes`, signal));
    }
    if (cleanups.length > 0) {
      const after = await statuses();
      const passing = after.filter(({ item }) => item.result.status === "pass").map(({ id }) => id);
      findings.push({
        area: "after cleanup: no checklist item passes",
        ok: passing.length === 0,
        problems: passing.map((id) => `${id}: still passes (something the lab made is left behind)`),
      });
    }
    return findings;
  } finally {
    await close();
  }
}

function languages(lab: LoadedLab, pages: { id: string; texts: { body: Text; hints?: Text[] } }[]): Finding {
  const texts = textsIn([lab.manifest, lab.steps.map(({ step }) => step)]);
  const problems = [...new Set(texts.flatMap(textProblems))];
  for (const { id, texts: page } of pages) {
    problems.push(...pageProblems(page.body).map((p) => `${id}: ${p}`));
    page.hints?.forEach((hint, i) => problems.push(...pageProblems(hint).map((p) => `${id} (hint ${i + 1}): ${p}`)));
  }
  return { area: "both languages complete", ok: problems.length === 0, problems };
}

async function stepFinding(runner: Runner, stepId: string, area: string, signal: AbortSignal): Promise<Finding> {
  const problems: string[] = [];
  const off = runner.subscribe((event) => {
    if (event.type === "action-finished" && event.problem)
      problems.push(`${event.actionId}: ${tr(event.problem.title, "en")}`);
    if (event.type === "check-finished" && event.result.status !== "pass") {
      problems.push(
        `${event.checkId}: ${event.result.status === "fail" ? `fails: ${tr(event.result.hint, "en")}` : errorLine(event.result)}`,
      );
    }
  });
  const summary = await runner.runSteps([stepId], signal, { checklist: false });
  off();
  const ok = summary.outcome === "passed";
  if (!ok && problems.length === 0) problems.push(`the step ${summary.outcome}`);
  return { area, ok, problems: ok ? [] : problems };
}

function unfilled(
  pages: { id: string; texts: { body: Text; task?: Text; console?: Text; hints?: Text[] } }[],
  area: string,
): Finding {
  const problems: string[] = [];
  for (const { id, texts } of pages) {
    for (const text of [texts.body, texts.task, texts.console, ...(texts.hints ?? [])]) {
      for (const lang of ["vi", "en"] as const) {
        const left = text?.[lang].match(/\{\{[^}]*\}\}/g);
        if (left) problems.push(`${id} (${lang}): ${[...new Set(left)].join(", ")} left unfilled (its value failed)`);
      }
    }
  }
  return { area, ok: problems.length === 0, problems: [...new Set(problems)] };
}

/** Every printed command is valid bash, and each `aws` line names a service and an operation. */
function commands(printed: string[]): Finding {
  const problems: string[] = [];
  for (const command of new Set(printed)) {
    const parsed = spawnSync("bash", ["-n", "-c", command], { encoding: "utf8" });
    if (parsed.error) return { area: "printed commands parse", ok: true, problems: [] }; // no bash: nothing to judge
    if (parsed.status !== 0) problems.push(`does not parse: ${command.slice(0, 120)} (${parsed.stderr.trim()})`);
    for (const line of command.split("\n").filter((l) => /^\s*aws\s/.test(l))) {
      if (!/^\s*aws\s+[a-z0-9-]+\s+[a-z0-9-]+(\s|$)/.test(line))
        problems.push(`not "aws SERVICE OPERATION …": ${line.slice(0, 120)}`);
    }
  }
  return { area: "printed commands parse", ok: problems.length === 0, problems };
}

function errorLine(result: { status: string; problem?: { title: Text } }): string {
  return result.problem ? `error: ${tr(result.problem.title, "en")}` : result.status;
}

/** What a Your turn line is computed from: the run's values, nothing that changes anything. */
function checkContext(
  aws: unknown,
  params: CheckContext["params"],
  target: TargetInfo,
  store: ProgressStore,
): CheckContext {
  const values = valueContext(store, params, target);
  return {
    ...values,
    aws,
    lang: "en",
    report: { progress: () => undefined, output: () => undefined, note: () => undefined },
    signal: new AbortController().signal,
    clock: realClock,
    liveCheck: false,
    poll: () => Promise.reject(new Error("a Your turn line does not poll")),
  };
}
