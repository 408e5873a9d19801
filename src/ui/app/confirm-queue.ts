/**
 * Questions to the learner, asked one at a time. A question that arrives while another is on screen waits its
 * turn: replacing the open one would make the next `y` answer a question the learner has not read, and leave
 * the replaced one unanswered forever. A question tied to a run (its AbortSignal) is answered "no" when the run
 * is cancelled, whether it is on screen or still waiting.
 */
import type { ConfirmRequest } from "../../engine/contract.js";
import type { Text } from "../../engine/text.js";

/** A confirmation; the TUI's own questions (quit?) may carry a title of their own. */
export type Question = ConfirmRequest & { title?: Text };

export interface Asked {
  request: Question;
  answer(yes: boolean): void;
}

export class ConfirmQueue {
  readonly #waiting: Asked[] = [];
  readonly #onChange: (head: Asked | undefined) => void;

  /** `onChange` hears the question now on screen (undefined: none). */
  constructor(onChange: (head: Asked | undefined) => void) {
    this.#onChange = onChange;
  }

  get head(): Asked | undefined {
    return this.#waiting[0];
  }

  ask(request: Question, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const asked: Asked = {
        request,
        answer: (yes) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          const index = this.#waiting.indexOf(asked);
          const wasHead = index === 0;
          if (index >= 0) this.#waiting.splice(index, 1);
          if (wasHead) this.#onChange(this.head);
          resolve(yes);
        },
      };
      const onAbort = () => asked.answer(false);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiting.push(asked);
      if (this.#waiting.length === 1) this.#onChange(asked);
    });
  }

  /** Answers every question "no" (quitting). */
  declineAll(): void {
    for (const asked of [...this.#waiting]) asked.answer(false);
  }
}
