import { describe, expect, it } from "vitest";
import type { ParsedArgs } from "../../src/cli/args.js";
import type { Session } from "../../src/cli/session.js";
import { UsageError } from "../../src/engine/usage-error.js";
import { fixtureRunner } from "../helpers/fixture-runner.js";
import { controllerWith as makeController, fakeSession } from "./controller-harness.js";

const controllerWith = (open: (parsed: ParsedArgs) => Promise<Session>, saved: string[] = []) =>
  makeController(open, { lang: "vi", saveLang: (lang) => void saved.push(lang) });

describe("TuiController", () => {
  it("connects after construction, runs a step, and records the exit code on quit", async () => {
    const session = await fakeSession();
    const controller = controllerWith(() => Promise.resolve(session));
    expect(controller.getState().phase.kind).toBe("connecting");
    await controller.connect();
    expect(controller.getState().phase.kind).toBe("ready");
    await controller.runStep("make-thing");
    expect(controller.getState().view?.outcomes["make-thing"]).toBe("passed");
    await controller.quit(0);
    expect(controller.getState().exitCode).toBe(0);
    expect(session.closed()).toBe(true);
  });

  it("asks before switching to real AWS, says what may be billed, and reconnects only when accepted", async () => {
    const opened: ParsedArgs[] = [];
    const controller = controllerWith(async (parsed) => {
      opened.push(parsed);
      return fakeSession(parsed.flags.target === "aws" ? "aws" : "sandbox");
    });
    await controller.connect();
    const declined = controller.switchTarget();
    const ask = controller.getState().confirm!;
    expect(ask.request.kind).toBe("billable");
    expect(ask.request.detail?.en).toMatch(/billed/);
    ask.answer(false);
    expect(await declined).toBe(false);
    expect(opened).toHaveLength(1);

    const accepted = controller.switchTarget();
    controller.getState().confirm!.answer(true);
    expect(await accepted).toBe(true);
    expect(opened[1]!.flags.target).toBe("aws");
    // Back to the sandbox: no question.
    expect(await controller.switchTarget()).toBe(true);
    expect(opened[2]!.flags.target).toBe("sandbox");
  });

  it("shows why the session could not open", async () => {
    const controller = controllerWith(() => Promise.reject(new UsageError({ vi: "Sai --region", en: "Bad --region" })));
    await controller.connect();
    const phase = controller.getState().phase;
    expect(phase.kind === "failed" && phase.problem.title.en).toBe("Bad --region");
  });

  it("toggles and remembers the language; cancels a running step; a pending question is declined on cancel", async () => {
    const saved: string[] = [];
    const controller = controllerWith(() => fakeSession(), saved);
    controller.toggleLang();
    expect(controller.getState().lang).toBe("en");
    expect(saved).toEqual(["en"]);

    const slow = await fixtureRunner({ params: { slowMs: 10_000 } });
    const c2 = controllerWith(async () => ({ ...(await fakeSession()), runner: slow.runner, store: slow.store }));
    await c2.connect();
    const run = c2.runStep("make-thing");
    expect(c2.getState().running).toBe(true);
    const question = c2.confirm({ kind: "destructive", question: { vi: "?", en: "?" } });
    expect(c2.cancel()).toBe(true);
    await run;
    expect(await question).toBe(false);
    expect(c2.getState()).toMatchObject({ running: false, cancelling: false });
    expect(c2.getState().view?.outcomes["make-thing"]).toBe("cancelled");
  });
});

describe("TuiController: quitting while the session opens", () => {
  it("closes the session that finishes opening after the learner quit", async () => {
    const session = await fakeSession();
    let release: () => void = () => undefined;
    const controller = controllerWith(() => new Promise((resolve) => (release = () => resolve(session))));
    const connecting = controller.connect();
    await controller.quit(130);
    release();
    await connecting;
    expect(session.closed()).toBe(true);
    expect(controller.getState()).toMatchObject({ exitCode: 130, phase: { kind: "connecting" } });
  });
});
