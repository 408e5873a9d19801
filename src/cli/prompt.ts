/** Yes/no questions on the terminal, in the learner's language. Without a TTY, the answer is no (use --yes). */
import { createInterface } from "node:readline/promises";
import type { ConfirmRequest } from "../engine/contract.js";
import { tr, type Lang } from "../engine/text.js";
import { S } from "../ui/strings.js";
import type { Io } from "./io.js";

export function terminalConfirm(
  io: Io,
  lang: Lang,
  signal?: AbortSignal,
): (request: ConfirmRequest) => Promise<boolean> {
  return async (request) => {
    if (!io.stdin.isTTY) {
      // The detail (what may be billed or lost) is what the learner must read before passing --yes.
      const detail = request.detail ? `${tr(request.detail, lang)}\n` : "";
      io.stderr.write(`${tr(request.question, lang)}\n${detail}${tr(S.confirmNeedsYes, lang)}\n`);
      return false;
    }
    if (request.detail) io.stderr.write(`${tr(request.detail, lang)}\n`);
    const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
    // readline swallows Ctrl+C on a TTY; hand it to the program's one SIGINT handler (cli.tsx), so that it
    // interrupts the command (exit 130) instead of counting as "no".
    rl.on("SIGINT", () => {
      rl.close();
      process.emit("SIGINT", "SIGINT");
    });
    try {
      const answer = await rl.question(
        `${tr(request.question, lang)} ${tr(S.confirmSuffix, lang)} `,
        signal ? { signal } : {},
      );
      // Only yes means yes: "c" is a key of its own elsewhere (re-check) and must never delete anything by habit.
      return /^(y|yes)$/i.test(answer.trim());
    } catch {
      return false;
    } finally {
      rl.close();
    }
  };
}
