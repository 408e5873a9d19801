/**
 * The whole TUI (App + controller) over the fixture lab, in-process: a fake session around the fixture runner,
 * so component tests drive real runner events with real key presses.
 */
import type { ParsedArgs } from "../../src/cli/args.js";
import type { Session } from "../../src/cli/session.js";
import type { TargetInfo } from "../../src/engine/contract.js";
import type { Lang } from "../../src/engine/text.js";
import { TuiController } from "../../src/ui/app/controller.js";
import { explainError, explainSaveError } from "../../src/ui/app/explain.js";
import { App } from "../../src/ui/components/App.js";
import { createTheme } from "../../src/ui/theme/theme.js";
import { fixtureRunner, type FixtureRun } from "../helpers/fixture-runner.js";
import { render, type Rendered, type RenderOptions } from "../helpers/render.js";

export interface Harness extends Rendered {
  controller: TuiController;
  fixture: FixtureRun;
  saved: Lang[];
}

export async function renderTui(
  options: RenderOptions & {
    params?: Record<string, string | number>;
    target?: TargetInfo;
    connect?: boolean;
    /** Opens a session for the flags (default: the fixture's session); `session` is that default. */
    open?: (parsed: ParsedArgs, session: Session) => Promise<Session>;
    saveLang?: (lang: Lang) => void;
    stateDir?: string;
  } = {},
): Promise<Harness> {
  const fixture = await fixtureRunner({
    ...(options.params ? { params: options.params } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.stateDir ? { stateDir: options.stateDir } : {}),
    confirm: (request) => controller.confirm(request),
  });
  const session: Session = {
    lab: fixture.lab,
    runner: fixture.runner,
    store: fixture.store,
    target: options.target ?? fixture.runner["lab"] ? (options.target ?? defaultTarget) : defaultTarget,
    params: {},
    aws: undefined as never,
    close: () => Promise.resolve(),
  };
  const saved: Lang[] = [];
  const parsed: ParsedArgs = { command: "tui", rest: [], flags: {} };
  const controller: TuiController = new TuiController({
    parsed,
    lang: options.lang ?? "en",
    open: (args) => (options.open ? options.open(args, session) : Promise.resolve(session)),
    saveLang: (lang) => {
      options.saveLang?.(lang);
      saved.push(lang);
    },
    explain: explainError,
    explainSaveError,
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
    />,
    options,
  );
  if (options.connect !== false) await controller.connect();
  return { ...rendered, controller, fixture, saved };
}

const defaultTarget: TargetInfo = {
  kind: "sandbox",
  region: "us-east-1",
  accountId: "123456789012",
  principalArn: "arn:aws:iam::123456789012:user/tester",
};
