/**
 * The bare command: the interactive lab on a terminal. Without one (`genai-lab | tee x`, cron, CI) nothing can be
 * drawn and nothing can be asked, so it changes nothing at all: it says how to run the lab headless and exits 2
 * (bad usage). Running the whole lab unasked would make billable calls and could overwrite choices made earlier.
 */
import { builtInLabDir } from "../../engine/install.js";
import { readLabCard, type LabCard } from "../../engine/lab-card.js";
import { tr } from "../../engine/text.js";
import type { Command } from "../command.js";
import { isInteractive } from "../io.js";

export const NEEDS_TERMINAL = {
  vi: `genai-lab: bài lab tương tác cần một terminal (stdin và stdout), nên lần này không làm gì cả.
Chạy không cần tương tác:
  genai-lab run --yes          chạy cả bài lab rồi in checklist
  genai-lab run --step 2       chạy một bước
  genai-lab check              chỉ in checklist (không thay đổi gì)
Xem genai-lab --help.`,
  en: `genai-lab: the interactive lab needs a terminal (stdin and stdout), so nothing was done.
To run it headless:
  genai-lab run --yes          run the whole lab, then print the checklist
  genai-lab run --step 2       run one step
  genai-lab check              print the checklist only (changes nothing)
See genai-lab --help.`,
};

export const tui: Command = async (ctx) => {
  if (!isInteractive(ctx.io)) {
    ctx.io.stderr.write(`${tr(NEEDS_TERMINAL, ctx.lang)}\n`);
    return 2;
  }
  // The lab's card is read while the TUI's modules load: the first frame shows it, not a placeholder.
  const [{ runTui }, card] = await Promise.all([import("../../ui/run-tui.js"), labCard(ctx.parsed.flags.lab)]);
  return runTui({
    ...ctx,
    ...(card ? { card } : {}),
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
};

/** The card of the built-in lab, or of `--lab DIR` (its TypeScript loadable first: src/cli/lab/modules.ts). */
async function labCard(dir: string | undefined): Promise<LabCard | undefined> {
  if (dir === undefined) return readLabCard(builtInLabDir());
  const { allowLabModules } = await import("../lab/modules.js");
  allowLabModules(dir);
  return readLabCard(dir);
}
