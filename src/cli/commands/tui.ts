/**
 * The bare command: the interactive lab on a terminal; with no TTY on either side, the plain printer runs the
 * lab instead (the same as `genai-lab run`).
 */
import type { Command } from "../command.js";

export const tui: Command = async (ctx) => {
  const interactive = ctx.io.stdout.isTTY === true && ctx.io.stdin.isTTY === true;
  if (interactive) {
    const { runTui } = await import("../../ui/run-tui.js");
    return runTui({
      ...ctx,
      // Loaded when the TUI asks, after its first frame: the session brings the lab loader, the SDK and the sandbox.
      open: async (args, confirm, signal) =>
        (await import("../session.js")).openSession(args, ctx.io, {
          lang: ctx.lang,
          stateDir: ctx.stateDir,
          signal,
          confirm,
          // The learner's own terminal reaches this sandbox (stable port, `genai-lab env`); --mode is remembered.
          serve: true,
          saveModeFlag: true,
        }),
    });
  }
  // Loaded only here: the lab session's modules (zod, the loader) must not delay the TUI's first frame.
  const { run } = await import("./run.js");
  return run(ctx);
};
