/** A TUI controller over a fake session around the fixture runner (no AWS, nothing rendered). */
import type { ParsedArgs } from "../../src/cli/args.js";
import type { Session } from "../../src/cli/session.js";
import type { TargetInfo } from "../../src/engine/contract.js";
import { TuiController, type ControllerDeps } from "../../src/ui/app/controller.js";
import { explainError, explainSaveError } from "../../src/ui/app/explain.js";
import { fakeTarget, fixtureRunner, type FixtureRun } from "../helpers/fixture-runner.js";

export type FakeSession = Session & { closed: () => boolean };

/** The fixture's runner and store as an open session on `target`; it records whether it was closed. */
export function sessionOf(fixture: FixtureRun, target: TargetInfo = fakeTarget): FakeSession {
  let closed = false;
  const saved = fixture.store.state.mode;
  let mode: Session["mode"] = saved ? { mode: saved, source: "saved" } : { mode: undefined, source: "none" };
  return {
    lab: fixture.lab,
    runner: fixture.runner,
    store: fixture.store,
    target,
    params: fixture.params,
    aws: undefined as never,
    get mode() {
      return mode;
    },
    setMode(chosen) {
      fixture.runner.saveMode(chosen);
      mode = { mode: chosen, source: "saved" };
    },
    requests: new Map(),
    close: async () => void (closed = true),
    closed: () => closed,
  };
}

export async function fakeSession(kind: "sandbox" | "aws" = "sandbox"): Promise<FakeSession> {
  return sessionOf(await fixtureRunner(), { ...fakeTarget, kind });
}

/** A controller for no flags, in English, that opens sessions with `open`; `over` replaces any dependency. */
export function controllerWith(
  open: ControllerDeps<ParsedArgs>["open"],
  over: Partial<ControllerDeps<ParsedArgs>> = {},
): TuiController<ParsedArgs> {
  return new TuiController({
    parsed: { command: "tui", rest: [], flags: {} },
    lang: "en",
    open,
    saveLang: () => undefined,
    explain: explainError,
    explainSaveError,
    ...over,
  });
}
