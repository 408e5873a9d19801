import { describe, expect, it } from "vitest";
import { ConfirmQueue, type Asked } from "../../../src/ui/app/confirm-queue.js";

const ask = (en: string) => ({ kind: "choice" as const, question: { vi: en, en } });

describe("ConfirmQueue", () => {
  it("asks one question at a time: a second waits behind the first instead of replacing it", async () => {
    const shown: (string | undefined)[] = [];
    let head: Asked | undefined;
    const queue = new ConfirmQueue((h) => {
      head = h;
      shown.push(h?.request.question.en);
    });
    const quit = queue.ask(ask("Quit?"));
    const del = queue.ask(ask("Delete?"));
    expect(head?.request.question.en).toBe("Quit?");
    head!.answer(false);
    expect(await quit).toBe(false);
    expect(head?.request.question.en).toBe("Delete?");
    head!.answer(true);
    expect(await del).toBe(true);
    expect(shown).toEqual(["Quit?", "Delete?", undefined]);
  });

  it("answers no when the run it belongs to is cancelled, on screen or waiting; at once if already cancelled", async () => {
    const queue = new ConfirmQueue(() => undefined);
    const run = new AbortController();
    const first = queue.ask(ask("first"), run.signal);
    const second = queue.ask(ask("second"), run.signal);
    run.abort();
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(queue.head).toBeUndefined();
    expect(await queue.ask(ask("late"), run.signal)).toBe(false);
    expect(queue.head).toBeUndefined();
  });

  it("declines everything on quit; a second answer to the same question changes nothing", async () => {
    const queue = new ConfirmQueue(() => undefined);
    const a = queue.ask(ask("a"));
    const b = queue.ask(ask("b"));
    const head = queue.head!;
    queue.declineAll();
    head.answer(true);
    expect([await a, await b]).toEqual([false, false]);
  });
});
