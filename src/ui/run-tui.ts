/**
 * Entry point of the interactive TUI. Interim: until the Ink interface lands (issue 6), the bare command runs
 * the lab with the plain printer, as `genai-lab run` does.
 */
import type { CommandContext } from "../cli/command.js";
import { run } from "../cli/commands/run.js";

export function runTui(ctx: CommandContext): Promise<number> {
  return run(ctx);
}
