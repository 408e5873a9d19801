/** The whole TUI in-process over the fixture lab: every key binding, pressed. */
import { afterEach, describe, expect, it } from "vitest";
import { KEY } from "../helpers/render.js";
import { idle, renderTui, startedTui as started, unmountAll, waitUntil } from "./tui-harness.js";

afterEach(unmountAll);

describe("App", () => {
  it("runs the selected step with Enter and ticks the checklist live; the transcript keeps the finished run", async () => {
    const tui = await started();
    await tui.press(KEY.enter);
    const frame = await tui.waitFor((f) => f.includes("[✓] The thing exists") && idle(f));
    expect(frame).toContain("[ ] The thing was used"); // a later step's item stays unchecked, not failed, until it runs or `c`
    expect(frame).toContain("▸✓ 1 Make a thing");
    expect(frame).toMatch(/▶ Step 1 · Make a thing \(\d+ ms\)\n {2}✓ Create the thing — Thing created/);
    expect(frame.split("\n").filter((line) => line.includes("genai-lab · ")).length).toBe(1);
  });

  it("moves with ↑/↓ and j/k, goes to the next step with n, and runs the rest of the lab", async () => {
    const tui = await started();
    await tui.press("j");
    await tui.waitFor("▸○ 2 Use the thing");
    await tui.press("k");
    await tui.waitFor("▸○ 1 Make a thing");
    await tui.press(KEY.down);
    await tui.waitFor("▸○ 2 Use the thing");
    await tui.press(KEY.up);
    await tui.waitFor("▸○ 1 Make a thing");
    await tui.press(KEY.enter);
    await tui.waitFor((f) => f.includes("▸✓ 1") && idle(f));
    await tui.press("n");
    await tui.waitFor("Step 2 · Use the thing");
    await tui.press(KEY.enter);
    await tui.waitFor("Lab complete");
    await tui.press(KEY.escape);
    const done = await tui.waitFor((f) => f.includes("▸✓ 2") && idle(f));
    expect(done).toContain("[✓] The thing exists");
    expect(done).toContain("[✓] The thing was used");
    expect(done).toContain("Steps 2/2");
  });

  it("shows hints one by one with h, and re-checks everything with c", async () => {
    const tui = await started();
    await tui.press("h");
    await tui.waitFor(/› Hint 1\/1[\s\S]{0,80}Try again\./);
    await tui.press("h");
    await tui.waitFor("No more hints.");
    await tui.press("n");
    await tui.press("h");
    await tui.waitFor("This step has no hints.");
    await tui.press("c");
    const frame = await tui.waitFor((f) => f.includes("[✗] The thing exists") && idle(f));
    expect(frame).toContain("[✗] The thing was used");
  });

  it("toggles the language live with l and remembers it", async () => {
    const tui = await started();
    await tui.press("l");
    await tui.waitFor("Bước 1 · Tạo một thứ");
    expect(tui.frame()).toMatch(/l\s+English\s*\/\s*Tiếng Việt/);
    await tui.press("l");
    await tui.waitFor("Step 1 · Make a thing");
    expect(tui.saved).toEqual(["vi", "en"]);
  });

  it("opens details of a failed check with d (d again for the next), and the help with ?", async () => {
    const tui = await started();
    await tui.press("c");
    await tui.waitFor((f) => f.includes("[✗] The thing exists") && idle(f));
    await tui.press("d");
    await tui.waitFor(
      /Check details \(1\/2\)[\s\S]*expected: widget[\s\S]*actual: \(nothing\)[\s\S]*hint: Run step 1\./,
    );
    await tui.press("d");
    await tui.waitFor(/Check details \(2\/2\)[\s\S]*The thing was used/);
    await tui.press(KEY.escape);
    await tui.waitFor("Step 1 · Make a thing");
    await tui.press("?");
    await tui.waitFor(/Keys · Press Esc or \? to close[\s\S]*Re-check the whole checklist/);
    await tui.press("?");
    await tui.waitFor("Step 1 · Make a thing");
  });

  it("locks what would start AWS calls while a step runs; Ctrl+C cancels it, and Ctrl+C again quits", async () => {
    const tui = await started({ params: { slowMs: 30_000 } });
    await tui.press(KEY.enter);
    await tui.waitFor("Running — Enter, c and t are locked until it ends (Ctrl+C cancels)");
    expect(tui.frame()).toMatch(/Ctrl\+C cancel\s+PgUp\/PgDn scroll\s+\? help\s+q quit/); // the footer lists what still works
    await tui.press("j"); // looking around still works
    await tui.waitFor(" ◐ 1 Make a thing");
    await tui.press("k");
    await tui.waitFor("▸◐ 1 Make a thing");
    await tui.press(KEY.ctrlC);
    const cancelled = await tui.waitFor((f) => f.includes("■ Create the thing") && idle(f));
    expect(cancelled).toContain("! 1 Make a thing");
    await tui.press(KEY.ctrlC);
    await waitUntil(() => tui.controller.getState().exitCode === 130);
  });

  it("asks before quitting with q while a step runs, and quits at once when idle", async () => {
    const tui = await started({ params: { slowMs: 30_000 } });
    await tui.press(KEY.enter);
    await tui.waitFor("Running —");
    await tui.press("q");
    await tui.waitFor(/\? Quit genai-lab\?[\s\S]*An action is running\. Cancel it and quit\?/);
    await tui.press("n");
    await tui.waitFor((f) => !f.includes("Cancel it and quit?"));
    expect(tui.controller.getState().running).toBe(true);
    await tui.press("q");
    await tui.waitFor("Cancel it and quit?");
    await tui.press("y");
    await waitUntil(() => tui.controller.getState().exitCode === 130);

    const other = await renderTui();
    await other.waitFor("Press Enter to start");
    await other.press("q");
    await waitUntil(() => other.controller.getState().exitCode === 0);
  });

  it("answers dialogs with y only: c (re-check) and k (up) pressed by habit never answer one", async () => {
    const tui = await started();
    let answered: boolean | undefined;
    const yes = tui.controller
      .confirm({ kind: "destructive", question: { vi: "Xoá?", en: "Delete the log group?" } })
      .then((a) => (answered = a));
    await tui.waitFor(/Cannot be undone\s+y = yes · n\/Esc = no[\s\S]*Delete the log group\?/);
    await tui.press("ck\r");
    expect(answered).toBeUndefined();
    expect(tui.frame()).toContain("Delete the log group?");
    await tui.press("y");
    expect(await yes).toBe(true);
    const no = tui.controller.confirm({ kind: "billable", question: { vi: "Gọi?", en: "Call the model?" } });
    await tui.waitFor("Call the model?");
    await tui.press("n");
    expect(await no).toBe(false);
    const esc = tui.controller.confirm({ kind: "billable", question: { vi: "Gọi?", en: "Call the model?" } });
    await tui.waitFor("Call the model?");
    await tui.press(KEY.escape);
    expect(await esc).toBe(false);
  });

  it("switches to real AWS only after a confirmation that says what may be billed", async () => {
    const ui = await renderTui();
    await ui.waitFor("Press Enter to start");
    await ui.press("t");
    await ui.waitFor(
      /May be billed[\s\S]*Switch to your real AWS account\?[\s\S]*may be billed\. Each billable action/,
    );
    await ui.press(KEY.escape);
    await ui.waitFor("Press Enter to start");
  });

  it("says in the lab's own words what its steps may bill, when the lab declares it (notes.aws)", async () => {
    const billing = { vi: "Gọi model tính tiền theo token.", en: "Model calls are billed per token." };
    const ui = await renderTui({
      open: (_parsed, session) =>
        Promise.resolve({
          ...session,
          lab: { ...session.lab, manifest: { ...session.lab.manifest, notes: { aws: billing } } },
        }),
    });
    await ui.waitFor("Press Enter to start");
    await ui.press("t");
    await ui.waitFor(/Switch to your real AWS account\?[\s\S]*Model calls are billed per token\./);
    await ui.press(KEY.escape);
  });

  it("fits 80×24 and adapts to a resize", async () => {
    const tui = await started();
    const lines = tui.frame().split("\n");
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it("scrolls the step page with PgDn/PgUp", async () => {
    const tui = await started({ rows: 18 });
    await tui.press(KEY.enter);
    await tui.waitFor((f) => f.includes("▸✓ 1") && idle(f));
    for (let i = 0; i < 5 && !tui.frame().includes("Step 1 · Make a thing · passed"); i++) await tui.press(KEY.pageUp);
    await tui.waitFor((f) => f.includes("Step 1 · Make a thing · passed") && !/↑ \d+ ·/.test(f));
    await tui.press(KEY.pageDown);
    await tui.waitFor((f) => /↑ \d+ · PgUp\/PgDn/.test(f));
  });
});
