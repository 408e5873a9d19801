import { describe, expect, it } from "vitest";
import { fixtureRunner } from "../helpers/fixture-runner.js";
import { controllerWith, sessionOf } from "./controller-harness.js";

describe("the mode, for the TUI", () => {
  it("is read from the session once open (none yet: the welcome card asks), and setMode saves it at once", async () => {
    const fixture = await fixtureRunner();
    const controller = controllerWith(() => Promise.resolve(sessionOf(fixture)));
    expect(controller.getState().mode).toBeUndefined(); // still connecting
    await controller.connect();
    expect(controller.getState().mode).toEqual({ mode: undefined, source: "none" });
    let notified = 0;
    controller.subscribe(() => (notified += 1));
    controller.setMode("hands-on");
    expect(controller.getState().mode).toEqual({ mode: "hands-on", source: "saved" });
    expect(fixture.store.state.mode).toBe("hands-on");
    expect(notified).toBeGreaterThan(0);
  });

  it("cannot leave exam mode set by the instructor (GENAI_LAB_MODE); any other mode can change", async () => {
    const fixture = await fixtureRunner();
    const exam = { ...sessionOf(fixture), mode: { mode: "exam", source: "env" } } as ReturnType<typeof sessionOf>;
    const locked = controllerWith(() => Promise.resolve(exam));
    await locked.connect();
    expect(locked.setMode("guided")).toBe(false);
    expect(locked.getState().mode).toEqual({ mode: "exam", source: "env" });
    expect(fixture.store.state.mode).toBeUndefined();

    const free = controllerWith(() => Promise.resolve(sessionOf(fixture)));
    await free.connect();
    expect(free.setMode("exam")).toBe(true);
    expect(free.setMode("guided")).toBe(true); // exam chosen by the learner is theirs to leave
    expect(fixture.store.state.mode).toBe("guided");
  });

  it("exam refuses a step done by hand and runs the ungraded ones (cleanup; the preflight likewise)", async () => {
    const fixture = await fixtureRunner();
    const exam = { ...sessionOf(fixture), mode: { mode: "exam", source: "env" } } as ReturnType<typeof sessionOf>;
    const controller = controllerWith(() => Promise.resolve(exam));
    await controller.connect();
    expect(await controller.doStep("make-thing")).toBe("refused");
    expect(fixture.events.some((e) => e.type === "action-started")).toBe(false);
    const started = () => fixture.events.filter((e) => e.type === "action-started").length;
    expect(await controller.doStep("tidy-up")).toBe("ran");
    expect(started()).toBeGreaterThan(0);
  });

  it("a shell set up by genai-lab env (GENAI_LAB_TARGET=sandbox) still opens the sandbox, not an endpoint", () => {
    const open = () => new Promise<never>(() => undefined);
    const env = { GENAI_LAB_TARGET: "sandbox", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" };
    expect(controllerWith(open, { env }).getState().phase).toMatchObject({ kind: "connecting", target: "sandbox" });
  });
});
