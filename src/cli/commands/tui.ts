/**
 * The bare command: the interactive lab on a terminal; with no TTY on either side, the plain printer runs the
 * lab instead (the same as `genai-lab run`).
 */
import type { Command } from "../command.js";
import { run } from "./run.js";

export const tui: Command = async (ctx) => {
  const interactive = ctx.io.stdout.isTTY === true && ctx.io.stdin.isTTY === true;
  if (interactive) {
    const { runTui } = await import("../../ui/run-tui.js");
    return runTui(ctx);
  }
  return run(ctx);
};
