/**
 * `genai-lab reset`: start this target's lab over, after asking. Deletes no AWS resources, and keeps the ledger of
 * what the lab created, so that cleanup can still remove it; `--forget-resources` forgets that too, after a
 * warning naming what becomes untracked. A damaged progress file is moved aside, never deleted: the ledger in it
 * may still be read. (The lab's steps also recognise the lab's own resources by its tag.)
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import type { LedgerEntry } from "../../engine/contract.js";
import { loadChosenLab } from "../lab/load.js";
import { progressPath } from "../../engine/state-dir.js";
import { ProgressStore } from "../../engine/store.js";
import { fill, tr, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { historyPath } from "../../ui/app/run-history.js";
import { S } from "../../ui/strings.js";
import { targetShort, type Command } from "../command.js";
import { connect } from "../connect.js";
import { describeEntries } from "../ledger-names.js";
import { terminalConfirm } from "../prompt.js";
import { chooseTarget, labDefaultRegion } from "../target.js";

type Plan =
  | { kind: "reset"; store: ProgressStore; owned: LedgerEntry[] }
  | { kind: "forget"; owned: LedgerEntry[] }
  | { kind: "damaged"; reason: Text };

export const reset: Command = async (ctx) => {
  const { io, lang, parsed } = ctx;
  const lab = await loadChosenLab(parsed.flags.lab);
  const connection = await connect(chooseTarget(parsed.flags, io.env), {
    stateDir: ctx.stateDir,
    env: io.env,
    defaultRegion: labDefaultRegion(lab.manifest),
    signal: ctx.signal,
  });
  await connection.close();
  const target = connection.target;
  const where = targetShort(target);
  const path = progressPath(ctx.stateDir, lab.manifest.id, target);
  if (!existsSync(path)) {
    io.stdout.write(`${tr(fill(S.resetNothing, { target: where }), lang)}\n`);
    return 0;
  }
  const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  const plan = planReset(path, lab.manifest.id, target, parsed.flags["forget-resources"] ?? false);
  const { question, detail } = promptFor(plan, where, path, aside);
  const confirmed =
    parsed.flags.yes ||
    (await terminalConfirm(io, lang, ctx.signal)({ kind: "destructive", question, ...(detail ? { detail } : {}) }));
  if (ctx.signal.aborted) return 130;
  if (!confirmed) return 1;

  const history = historyPath(path);
  if (history) rmSync(history, { force: true });
  switch (plan.kind) {
    case "reset":
      plan.store.dispatch({ type: "reset", at: new Date().toISOString() });
      io.stdout.write(`${tr(fill(S.resetDone, { target: where }), lang)}\n`);
      if (plan.owned.length > 0)
        io.stdout.write(`${tr(fill(S.resetKeptLedger, { count: plan.owned.length }), lang)}\n`);
      return 0;
    case "forget":
      rmSync(path);
      io.stdout.write(`${tr(fill(S.resetDone, { target: where }), lang)}\n`);
      return 0;
    case "damaged":
      renameSync(path, aside);
      io.stdout.write(`${tr(fill(S.resetMovedAside, { path: aside }), lang)}\n`);
      return 0;
  }
};

function planReset(
  path: string,
  labId: string,
  target: Parameters<typeof ProgressStore.open>[2],
  forget: boolean,
): Plan {
  try {
    const store = ProgressStore.open(path, labId, target);
    const owned = store.state.ledger.filter((entry) => entry.state === "created" || entry.state === "creating");
    return forget ? { kind: "forget", owned } : { kind: "reset", store, owned };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { kind: "damaged", reason: error.text };
  }
}

function promptFor(plan: Plan, where: string, path: string, aside: string): { question: Text; detail?: Text } {
  switch (plan.kind) {
    case "reset":
      return {
        question: fill(S.resetQuestion, { target: where }),
        ...(plan.owned.length > 0 ? { detail: naming(S.resetKeepsLedger, plan.owned) } : {}),
      };
    case "forget":
      return {
        question: fill(S.resetForgetQuestion, { target: where }),
        ...(plan.owned.length > 0 ? { detail: naming(S.resetOwnsResources, plan.owned) } : {}),
      };
    case "damaged":
      return {
        question: fill(S.resetCorrupt, { path, aside }),
        detail: {
          vi: `${plan.reason.vi} ${S.resetCorruptDetail.vi}`,
          en: `${plan.reason.en} ${S.resetCorruptDetail.en}`,
        },
      };
  }
}

/** `text` with {count} and {names}: the resources, each named in its language. */
function naming(text: Text, owned: LedgerEntry[]): Text {
  const names = describeEntries(owned);
  const count = String(owned.length);
  const apply = (line: string, list: string) => line.replace("{names}", list).replace("{count}", count);
  return { vi: apply(text.vi, names.vi), en: apply(text.en, names.en) };
}
