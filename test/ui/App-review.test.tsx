/** The whole TUI over the fixture lab: the behaviours two reviewers asked for (issue 6 follow-up). */
import { afterEach, describe, expect, it } from "vitest";
import { ConnectError } from "../../src/cli/connect.js";
import { UsageError } from "../../src/engine/usage-error.js";
import { KEY } from "../helpers/render.js";
import { idle, renderTui, startedTui as started, unmountAll, waitUntil } from "./tui-harness.js";

afterEach(unmountAll);

describe("keys typed fast", () => {
  it("moves once per key when several arrive in one chunk", async () => {
    const tui = await started();
    await tui.type("jj");
    await tui.waitFor("▸○ 3 Tidy up");
    await tui.type("kk");
    await tui.waitFor("▸○ 1 Make a thing");
  });

  it("reads Esc then a key in one chunk as Esc (no) and then the key", async () => {
    const tui = await started();
    const answer = tui.controller.confirm({
      kind: "destructive",
      question: { vi: "Xoá?", en: "Delete the log group?" },
    });
    const dialog = await tui.waitFor("Delete the log group?");
    // As tall as its text, not stretched down the whole page.
    expect(dialog.split("\n").filter((line) => line.includes("║")).length).toBeLessThan(6);
    await tui.type("\u001Bj");
    expect(await answer).toBe(false);
    await tui.waitFor((f) => f.includes("▸○ 2 Use the thing") && !f.includes("Delete the log group?"));
  });
});

describe("after cleanup", () => {
  // Cleanup re-checks the checklist by itself (everything it deleted fails now); a lab completed before reads as
  // completed, not failed (issue 11 item 6): the items as they passed, and when.
  it("re-checks the checklist by itself; a completed lab still reads as completed", async () => {
    const tui = await started();
    await tui.press(KEY.enter);
    await tui.waitFor((f) => f.includes("▸✓ 1") && idle(f));
    await tui.press("n");
    await tui.press(KEY.enter);
    // The checklist's first all-pass opens the lab complete card (credited to genai-lab: its actions did both).
    const card = await tui.waitFor("Lab complete · 2/2 checklist items passed");
    expect(card).toMatch(/By genai-lab\s+2 of 2 items/);
    await tui.press(KEY.escape);
    await tui.waitFor((f) => f.includes("✓ 2/2") && f.includes("▸✓ 2") && idle(f));
    await tui.press("n");
    await tui.press(KEY.enter);
    const after = await tui.waitFor((f) => f.includes("▸✓ 3") && idle(f) && f.includes("all passed at"));
    expect(after).toContain("✓ 2/2");
    expect(after).toContain("[✓] The thing was used");
    expect(after).toContain("cleanup: passed");
    const checks = tui.fixture.store.state.checks;
    expect(Object.values(checks).map((check) => check.result.status)).toEqual(["fail", "fail"]);
  });
});

describe("the step counter", () => {
  it("counts the lab's passed steps and never drops while a step runs again", async () => {
    const tui = await started({ params: { slowMs: 400 } });
    await tui.press(KEY.enter);
    await tui.waitFor((f) => f.includes("▸✓ 1") && idle(f));
    expect(tui.frame()).toContain("Steps 1/2");
    await tui.press(KEY.enter);
    const running = await tui.waitFor("▸◐ 1");
    expect(running).toContain("Steps 1/2");
    await tui.waitFor((f) => f.includes("▸✓ 1") && idle(f));
  });
});

describe("hints and panels", () => {
  it("answers d with nothing failed in the footer, without opening an empty panel", async () => {
    const tui = await started();
    await tui.press("d");
    const frame = await tui.waitFor("There is no failed check to show details for.");
    expect(frame).not.toContain("Check details");
    expect(frame).toContain("Step 1 · Make a thing");
  });

  it("ignores d under the help opened on the welcome screen", async () => {
    const ui = await renderTui();
    await ui.waitFor("Press Enter to start");
    await ui.press("?");
    await ui.waitFor("Keys · Press Esc or ? to close");
    await ui.press("d");
    expect(ui.frame()).not.toContain("Check details");
    expect(ui.frame()).toContain("Keys · Press Esc or ? to close");
    await ui.press(KEY.escape);
    await ui.waitFor("Press Enter to start");
  });

  it("scrolls the help with PgDn/PgUp where it is taller than the screen (60×18, 80×24), in both languages", async () => {
    for (const [columns, rows, lang] of [
      [60, 18, "en"],
      [80, 24, "vi"],
    ] as const) {
      const ui = await renderTui({ columns, rows, lang });
      await ui.waitFor((f) => f.includes("? ") && f.includes("m "));
      await ui.press("?");
      const top = await ui.waitFor(lang === "en" ? "↓ more · PgDn scrolls down" : "↓ còn nữa · PgDn cuộn xuống");
      expect(top.split("\n").length).toBeLessThanOrEqual(rows);
      expect(top).toContain(lang === "en" ? "Keys · Press Esc" : "Phím tắt · Nhấn Esc");
      for (let i = 0; i < 4; i++) await ui.press(KEY.pageDown);
      const end = await ui.waitFor(lang === "en" ? "Close the open panel" : "Đóng cửa sổ đang mở");
      expect(end).toContain(lang === "en" ? "↑ PgUp scrolls up" : "↑ PgUp cuộn lên");
      expect(end.split("\n").length).toBeLessThanOrEqual(rows);
      for (let i = 0; i < 4; i++) await ui.press(KEY.pageUp);
      await ui.waitFor(lang === "en" ? "Keys · Press Esc" : "Phím tắt · Nhấn Esc");
      ui.unmount();
    }
  });

  it("says continue in the footer when the welcome card says continue", async () => {
    const first = await renderTui();
    await first.waitFor("Press Enter to start");
    expect(first.frame()).toContain("Enter start");
    await first.controller.runStep("make-thing");
    const stateDir = first.fixture.stateDir;
    first.unmount();
    const ui = await renderTui({ stateDir });
    const frame = await ui.waitFor("Press Enter to continue");
    expect(frame).toContain("Enter continue");
  });

  it("hides Enter on a session that could not open, and offers t and the way back", async () => {
    const ui = await renderTui({
      open: () => Promise.reject(new UsageError({ vi: "--region sai", en: "--region: bad value" })),
    });
    const frame = await ui.waitFor("Could not open the lab");
    expect(frame).toContain("--region: bad value");
    expect(frame).not.toContain("Enter start");
    expect(frame).toMatch(/t target\s+l Tiếng Việt \/ English\s+\? help\s+q quit/);
    await ui.press("q");
    await waitUntil(() => ui.controller.getState().exitCode === 2);
  });
});

describe("switching to real AWS without credentials", () => {
  it("says none were found and how to give some, offers no Enter, and t goes back to the sandbox", async () => {
    const none = new ConnectError({
      kind: "credentials",
      code: "CredentialsProviderError",
      message: "Could not load credentials from any providers",
      title: { vi: "x", en: "AWS did not accept the credentials" },
      next: { vi: "y", en: "y" },
      retryable: false,
    });
    const ui = await renderTui({
      open: (parsed, session) => (parsed.flags.target === "aws" ? Promise.reject(none) : Promise.resolve(session)),
    });
    await ui.waitFor("Press Enter to start");
    await ui.press("t");
    await ui.waitFor("Switch to your real AWS account?");
    await ui.press("y");
    const failed = await ui.waitFor("Could not connect");
    expect(failed).toContain("No AWS credentials found, so no call was made to AWS.");
    expect(failed).not.toContain("did not accept");
    expect(failed.replace(/\s+/g, " ")).toContain("Press t to go back to the sandbox, or q to quit.");
    expect(failed).not.toContain("Enter start");
    await ui.press("t");
    await ui.waitFor("Press Enter to start");
    expect(ui.controller.getState().confirm).toBeUndefined(); // coming back asks nothing
  });
});

describe("language", () => {
  it("keeps the switch for the session when it cannot be saved, and says why in the footer", async () => {
    const tui = await started({
      saveLang: () => {
        throw new UsageError({ vi: "settings.json hỏng", en: "settings.json is damaged" });
      },
    });
    await tui.press("l");
    const frame = await tui.waitFor("Bước 1 · Tạo một thứ");
    expect(frame).toContain("Ngôn ngữ đã đổi cho phiên này nhưng chưa được lưu: settings.json hỏng");
  });
});

describe("small terminals", () => {
  it("says, in both languages, how big the terminal must be; q still quits", async () => {
    const ui = await renderTui({ columns: 50, rows: 15 });
    const frame = (await ui.waitFor("Terminal too small")).replace(/\s+/g, " ");
    expect(frame).toContain("Cửa sổ terminal quá nhỏ (50×15) — hãy mở rộng ít nhất 60×18");
    expect(frame).toContain("Terminal too small (50×15) — make it at least 60×18");
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain("Terminal too small");
    await ui.press("q");
    await waitUntil(() => ui.controller.getState().exitCode === 0);
  });

  it("draws the lab at 60×18 with the footer's units whole", async () => {
    const tui = await started({ columns: 60, rows: 18 });
    const lines = tui.frame().split("\n");
    expect(lines.length).toBeLessThanOrEqual(17);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(tui.frame()).toMatch(/l Tiếng Việt \/ English/);
  });
});
