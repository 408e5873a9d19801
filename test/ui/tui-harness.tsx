/**
 * The whole TUI (App + controller) over the fixture lab, in-process: a fake session around the fixture runner,
 * so component tests drive real runner events with real key presses.
 */
import type { ParsedArgs } from "../../src/cli/args.js";
import type { Session } from "../../src/cli/session.js";
import type { Mode, TargetInfo } from "../../src/engine/contract.js";
import type { Lang } from "../../src/engine/text.js";
import type { TuiController } from "../../src/ui/app/controller.js";
import { App } from "../../src/ui/components/App.js";
import type { Clipboard } from "../../src/ui/terminal/clipboard.js";
import { createTheme } from "../../src/ui/theme/theme.js";
import { fixtureRunner, type FixtureRun } from "../helpers/fixture-runner.js";
import { KEY, render, type Rendered, type RenderOptions } from "../helpers/render.js";
import { controllerWith, sessionOf } from "./controller-harness.js";

export interface Harness extends Rendered {
  controller: TuiController;
  fixture: FixtureRun;
  saved: Lang[];
}

export type TuiOptions = RenderOptions & {
  params?: Record<string, string | number>;
  target?: TargetInfo;
  connect?: boolean;
  /** Opens a session for the flags (default: the fixture's session); `session` is that default. */
  open?: (parsed: ParsedArgs, session: Session) => Promise<Session>;
  saveLang?: (lang: Lang) => void;
  stateDir?: string;
  /**
   * The mode saved before the TUI opens: guided by default (Enter runs a step, as most tests drive it); "ask"
   * leaves none saved, so the welcome card asks.
   */
  mode?: Mode | "ask";
  /** Where `y` copies to (nowhere by default). */
  clipboard?: Clipboard;
};

/** Every TUI rendered and not yet unmounted. */
const live = new Set<Harness>();

export async function renderTui(options: TuiOptions = {}): Promise<Harness> {
  const fixture = await fixtureRunner({
    ...(options.params ? { params: options.params } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.stateDir ? { stateDir: options.stateDir } : {}),
    confirm: (request) => controller.confirm(request),
  });
  const mode = options.mode ?? "guided";
  if (mode !== "ask") fixture.runner.saveMode(mode);
  const session = sessionOf(fixture, options.target);
  const saved: Lang[] = [];
  const controller = controllerWith((args) => (options.open ? options.open(args, session) : Promise.resolve(session)), {
    lang: options.lang ?? "en",
    saveLang: (lang) => {
      options.saveLang?.(lang);
      saved.push(lang);
    },
  });
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const rendered = render(
    <App
      controller={controller}
      theme={createTheme({ colors: options.colors ?? false, presenter: options.presenter ?? false })}
      redact={options.redact ?? options.presenter ?? false}
      hyperlinks={options.hyperlinks ?? false}
      size={{ columns, rows }}
      {...(options.clipboard ? { clipboard: options.clipboard } : {})}
    />,
    options,
  );
  if (options.connect !== false) await controller.connect();
  const harness: Harness = {
    ...rendered,
    controller,
    fixture,
    saved,
    unmount: () => {
      live.delete(harness);
      rendered.unmount();
    },
  };
  live.add(harness);
  return harness;
}

/** For afterEach: unmounts every TUI a test rendered. */
export function unmountAll(): void {
  for (const harness of [...live]) harness.unmount();
}

/** The TUI on the lab screen, step 1 selected (past the welcome card). */
export async function startedTui(options: TuiOptions = {}): Promise<Harness> {
  const ui = await renderTui(options);
  await ui.waitFor("Goal"); // the lab card is up (on a short terminal its last lines are cut)
  await ui.press(KEY.enter);
  await ui.waitFor("Step 1 · Make a thing");
  return ui;
}

/** Nothing runs: the footer is the idle one. */
export const idle = (frame: string) => frame.includes("q quit") && !frame.includes("Running —");

export async function waitUntil(test: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
