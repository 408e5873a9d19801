/** `genai-lab reset`: forget this target's progress, after asking. Deletes no AWS resources. */
import { existsSync, rmSync } from "node:fs";
import { loadChosenLab } from "../lab/load.js";
import { progressPath } from "../../engine/state-dir.js";
import { ProgressStore } from "../../engine/store.js";
import { fill, tr, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { S } from "../../ui/strings.js";
import { targetShort, type Command } from "../command.js";
import { connect } from "../connect.js";
import { terminalConfirm } from "../prompt.js";
import { chooseTarget, labDefaultRegion } from "../target.js";

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
  let question: Text = fill(S.resetQuestion, { target: where });
  let detail: Text | undefined;
  try {
    const owned = ProgressStore.open(path, lab.manifest.id, target)
      .state.ledger.filter((entry) => entry.state === "created" || entry.state === "creating")
      .map((entry) => entry.name);
    if (owned.length > 0) detail = fill(S.resetOwnsResources, { count: owned.length, names: owned.join(", ") });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    question = fill(S.resetCorrupt, { path });
  }
  const confirmed =
    parsed.flags.yes ||
    (await terminalConfirm(io, lang, ctx.signal)({ kind: "destructive", question, ...(detail ? { detail } : {}) }));
  if (ctx.signal.aborted) return 130;
  if (!confirmed) return 1;
  rmSync(path);
  io.stdout.write(`${tr(fill(S.resetDone, { target: where }), lang)}\n`);
  return 0;
};
