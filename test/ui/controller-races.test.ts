/** The controller's review fixes: questions tied to the run, queued dialogs, one connect at a time, cleanup, exit codes. */
import { describe, expect, it } from "vitest";
import { ConnectError } from "../../src/cli/connect.js";
import type { Session } from "../../src/cli/session.js";
import type { ConfirmRequest } from "../../src/engine/contract.js";
import { UsageError } from "../../src/engine/usage-error.js";
import type { TuiController } from "../../src/ui/app/controller.js";
import { explainError } from "../../src/ui/app/explain.js";
import { perform, type AppInput } from "../../src/ui/hooks/use-app-input.js";
import { initialUiState } from "../../src/ui/state/ui-state.js";
import { NO_CLIPBOARD } from "../../src/ui/terminal/clipboard.js";
import { controllerWith, fakeSession } from "./controller-harness.js";

type Confirm = (request: ConfirmRequest) => Promise<boolean>;

const billable: ConfirmRequest = { kind: "billable", question: { vi: "Gọi model?", en: "Call the model?" } };
const input = (controller: TuiController): AppInput => ({
  controller,
  state: controller.getState(),
  ui: { ...initialUiState, screen: "main" },
  dispatch: () => undefined,
  scroll: { offset: 0, max: 0, page: 10 },
  clipboard: NO_CLIPBOARD,
});

describe("TuiController: a question on a step's first action", () => {
  it("is tied to the run: Ctrl+C answers it no, and the action never runs", async () => {
    let confirm: Confirm = () => Promise.resolve(false);
    let ran: boolean | undefined;
    const session = await fakeSession();
    // A runner whose first action asks at once, synchronously inside runSteps (as a billable action does).
    const runner = {
      ...session.runner,
      subscribe: () => () => undefined,
      yourTurn: () => undefined,
      commands: () => [],
      runSteps: () => confirm(billable).then((yes) => (ran = yes)),
    };
    const controller = controllerWith(async (_parsed, c) => {
      confirm = c;
      return { ...session, runner: runner as unknown as Session["runner"] };
    });
    await controller.connect();
    const run = controller.runStep("make-thing");
    expect(controller.getState().confirm?.request.question.en).toBe("Call the model?");
    expect(controller.cancel()).toBe(true);
    await run;
    expect(ran).toBe(false);
    expect(controller.getState()).toMatchObject({ running: false, cancelling: false });
    expect(controller.getState().confirm).toBeUndefined();
  });
});

describe("TuiController: dialogs", () => {
  it("queue: a runner question behind an open Quit? waits; y answers only the question on screen", async () => {
    const controller = controllerWith(() => fakeSession());
    await controller.connect();
    const quit = controller.confirm({ kind: "choice", question: { vi: "Thoát?", en: "Quit?" } });
    const del = controller.confirm({ kind: "destructive", question: { vi: "Xoá?", en: "Delete the log group?" } });
    expect(controller.getState().confirm?.request.question.en).toBe("Quit?");
    perform("yes", input(controller));
    expect(await quit).toBe(true);
    expect(controller.getState().confirm?.request.question.en).toBe("Delete the log group?");
    perform("no", input(controller));
    expect(await del).toBe(false);
    expect(controller.getState().confirm).toBeUndefined();
  });
});

describe("TuiController: one session at a time", () => {
  it("does not switch targets while a session is opening", async () => {
    let release: (s: Session) => void = () => undefined;
    let opened = 0;
    const controller = controllerWith(() => {
      opened += 1;
      return new Promise((resolve) => (release = resolve));
    });
    const connecting = controller.connect();
    expect(await controller.switchTarget()).toBe(false);
    expect(controller.getState().confirm).toBeUndefined();
    expect(opened).toBe(1);
    release(await fakeSession());
    await connecting;
    expect(controller.getState().phase.kind).toBe("ready");
  });

  it("closes a session that finishes opening after a newer connect began", async () => {
    const sessions = [await fakeSession(), await fakeSession()];
    const releases: (() => void)[] = [];
    let n = 0;
    const controller = controllerWith(() => {
      const session = sessions[n++]!;
      return new Promise((resolve) => releases.push(() => resolve(session)));
    });
    const first = controller.connect();
    const second = controller.connect();
    releases[1]!();
    await second;
    releases[0]!();
    await first;
    expect(sessions[0]!.closed()).toBe(true);
    expect(sessions[1]!.closed()).toBe(false);
    const phase = controller.getState().phase;
    expect(phase.kind === "ready" && phase.session).toBe(sessions[1]);
  });

  it("aborts the open when the learner quits while it runs", async () => {
    let seen: AbortSignal | undefined;
    const controller = controllerWith((_parsed, _confirm, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) =>
        signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }),
      );
    });
    const connecting = controller.connect();
    await controller.quit(130);
    await connecting;
    expect(seen?.aborted).toBe(true);
    expect(controller.getState()).toMatchObject({ exitCode: 130, phase: { kind: "connecting" } });
  });
});

describe("TuiController: cleanup", () => {
  it("re-reads the whole checklist as soon as cleanup finishes", async () => {
    const controller = controllerWith(() => fakeSession());
    await controller.connect();
    await controller.runStep("make-thing");
    await controller.runStep("use-thing");
    const passed = () => controller.getState().view!.checklist.map((item) => item.result?.status);
    expect(passed()).toEqual(["pass", "pass"]);
    await controller.runStep("tidy-up");
    expect(passed()).toEqual(["fail", "fail"]);
    expect(controller.getState().view!.finished.map((run) => run.mode)).toEqual(["run", "run", "run", "check"]);
  });
});

describe("TuiController: configuration problems", () => {
  it("quits with 2 when the session failed on a configuration problem (as the CLI would), 1 on others", async () => {
    const bad = controllerWith(() =>
      Promise.reject(new UsageError({ vi: "Tệp tiến độ bị hỏng", en: "The progress file is damaged" })),
    );
    await bad.connect();
    perform("quit", input(bad));
    await waitFor(() => bad.getState().exitCode !== undefined);
    expect(bad.getState().exitCode).toBe(2);
    const down = controllerWith(() =>
      Promise.reject(
        new ConnectError({ kind: "network", title: { vi: "x", en: "x" }, next: { vi: "y", en: "y" }, retryable: true }),
      ),
    );
    await down.connect();
    perform("quit", input(down));
    await waitFor(() => down.getState().exitCode !== undefined);
    expect(down.getState().exitCode).toBe(1);
  });

  it("says no AWS credentials were found (no request made), and how to give some", () => {
    const error = new ConnectError({
      kind: "credentials",
      code: "CredentialsProviderError",
      message: "Could not load credentials from any providers",
      title: { vi: "x", en: "AWS did not accept the credentials" },
      next: { vi: "y", en: "y" },
      retryable: false,
    });
    const { problem, exitCode } = explainError(error);
    expect(exitCode).toBe(2);
    expect(problem.title.en).toBe("No AWS credentials found, so no call was made to AWS.");
    expect(problem.next.en).toMatch(/aws configure[\s\S]*--profile[\s\S]*AWS_ACCESS_KEY_ID/);
    const refused = new ConnectError({
      kind: "credentials",
      code: "InvalidClientTokenId",
      title: { vi: "x", en: "AWS did not accept the credentials" },
      next: { vi: "y", en: "y" },
      retryable: false,
    });
    expect(explainError(refused).problem.title.en).toBe("AWS did not accept the credentials");
  });

  it("keeps the language for the session when it cannot be saved, and says why in one line", () => {
    const controller = controllerWith(() => fakeSession(), {
      saveLang: () => {
        throw new UsageError({ vi: "settings.json từ phiên bản mới hơn", en: "settings.json is from a newer version" });
      },
    });
    const why = controller.toggleLang();
    expect(controller.getState().lang).toBe("vi");
    expect(why?.en).toBe("Language changed for this session but not saved: settings.json is from a newer version");
    expect(why?.vi).toContain("chưa được lưu: settings.json từ phiên bản mới hơn");
  });
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
