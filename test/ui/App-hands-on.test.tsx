/**
 * Hands-on and exam mode in the whole TUI over the fixture lab: the welcome question, Your turn with the learner's
 * values, live checking that ticks the learner's own work (a second actor changes the fixture's world file, as a
 * learner's terminal would change the cloud), the hint ladder counted, "do it for me" asked and credited to
 * genai-lab, the lab complete card, and exam mode offering no help but hints.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Clipboard } from "../../src/ui/terminal/clipboard.js";
import { writeWorld } from "../fixtures/fixture-lab/world.js";
import { ProgressStore } from "../../src/engine/store.js";
import { fakeTarget } from "../helpers/fixture-runner.js";
import { KEY } from "../helpers/render.js";
import { idle, renderTui, unmountAll, type Harness, type TuiOptions } from "./tui-harness.js";

afterEach(unmountAll);

function fakeClipboard(): Clipboard & { copies: string[] } {
  const copies: string[] = [];
  return { support: "yes", copy: (text) => void copies.push(text), copies };
}

/** The TUI past its welcome card (Enter on "Press Enter"), once `until` is on screen. */
async function pastWelcome(options: TuiOptions, until: string): Promise<Harness> {
  const tui = await renderTui(options);
  await tui.waitFor("Press Enter");
  await tui.press(KEY.enter);
  await tui.waitFor(until);
  return tui;
}

describe("hands-on mode in the TUI", () => {
  it("asks the mode, shows Your turn, ticks the learner's own work live, and credits each item to who did it", async () => {
    const clipboard = fakeClipboard();
    const tui = await renderTui({ mode: "ask", clipboard });
    const welcome = await tui.waitFor("How do you want to take the lab?");
    expect(welcome).toMatch(/▸● hands-on/);
    await tui.press(KEY.enter); // hands-on is the pre-selected choice
    const page = await tui.waitFor((f) => f.includes("Your turn") && f.includes("not yet · The thing exists"));
    expect(tui.fixture.store.state.mode).toBe("hands-on");
    expect(page).toContain("hands-on"); // the header names the mode
    expect(page).toMatch(/Make a thing with fixture, named as the lab\s+│[\s\S]*│ says\. Its name: widget\./);
    expect(page).toContain("fixture create --name widget"); // the CLI way, with the learner's value
    expect(page).toContain("c check now");
    expect(page).toMatch(/checked \d+ s ago/); // the live check's state: when it last looked, when it looks next

    // Under the ways: what is missing, as the check found it, with its hint naming the cause.
    const missing = /What is missing ──[\s\S]*expected: widget[\s\S]*actual: \(nothing\)[\s\S]*hint: Run step 1\./;
    for (let i = 0; i < 5 && !missing.test(tui.frame()); i++) await tui.press(KEY.pageDown);
    await tui.waitFor(/What is missing ──[\s\S]*expected: widget[\s\S]*actual: \(nothing\)[\s\S]*hint: Run step 1\./);
    await tui.press(KEY.pageUp);

    // y copies the step's commands whole (OSC 52 in a real terminal), under a comment naming the step.
    await tui.press("y");
    await tui.waitFor("copied to the clipboard");
    expect(clipboard.copies).toHaveLength(1);
    expect(clipboard.copies[0]).toMatch(/^# Step 1 · Make a thing\nfixture create --name widget\n/);

    // Tab switches the way: Python shows the boto3 snippet (with the value), and y then copies that.
    await tui.press("\t");
    await tui.waitFor('fixture.create(name="widget")');
    await tui.press("y");
    await tui.waitFor(() => clipboard.copies.length === 2);
    expect(clipboard.copies[1]).toBe('# Step 1 · Make a thing\nfixture.create(name="widget")\n');
    await tui.press("\t"); // the console way: the path, and on the sandbox a word that it is for real AWS
    await tui.waitFor(/The console is for real AWS[\s\S]*Console → Things → Create/);
    await tui.press("\t");
    await tui.waitFor("fixture create --name widget");

    // h reveals a rung of the ladder and says it is counted; the progress counts it.
    await tui.press("h");
    await tui.waitFor("Hint 1 of 1 — counted in your report.");
    expect(tui.fixture.store.state.hints?.["make-thing"]).toBe(1);

    // The learner's own terminal makes the thing; `c` looks at once; the step and its item tick, credited to them.
    writeWorld(tui.fixture.params.worldFile as string, { things: ["widget"] });
    await tui.press("c");
    const passed = await tui.waitFor((f) => f.includes("▸✓  1 Make a thing") && /\[✓\]\s+The thing exists/.test(f));
    expect(passed).toContain("c re-check"); // nothing left to watch on this step
    for (let i = 0; i < 3; i++) await tui.press(KEY.pageUp);
    await tui.waitFor(/Step 1 · Make a thing · passed · done by you[\s\S]*✓ Step passed · done by you/);
    expect(tui.fixture.store.state.steps["make-thing"]?.doneBy).toBe("learner");

    // Enter on the next step asks first: genai-lab will be recorded as having done it.
    await tui.press("n");
    await tui.waitFor("Step 2 · Use the thing");
    await tui.press(KEY.enter);
    const ask = await tui.waitFor("Do it for me?");
    expect(ask).toMatch(/every report will say[\s\S]*done by genai-lab, not by/);
    await tui.press("y");
    const card = await tui.waitFor("Lab complete · 2/2 checklist items passed");
    expect(card).toMatch(/Done by you\s+1 of 2 items/);
    expect(card).toMatch(/By genai-lab\s+1 of 2 items: The thing was used/);
    expect(card).toMatch(/Hints used\s+1/);
    const completion = tui.fixture.store.state.completion;
    expect(completion?.items.map((item) => [item.id, item.doneBy])).toEqual([
      ["thing-exists", "learner"],
      ["thing-used", "runner"],
    ]);
    // `l` works on the card too: it reads in the other language at once, and Esc still closes it.
    await tui.press("l");
    const vi = await tui.waitFor("★ Hoàn thành bài lab");
    expect(vi).toMatch(/Bạn tự làm\s+1\/2 mục/);
    await tui.press("l");
    await tui.waitFor("Lab complete · 2/2 checklist items passed");
    await tui.press(KEY.escape);
    const after = await tui.waitFor((f) => f.includes("▸✓* 2") && idle(f));
    expect(after).toContain("✓  1 Make a thing"); // the learner's own step carries no mark
  });

  it("declines do it for me with n: nothing runs and the step stays the learner's to do", async () => {
    const tui = await pastWelcome({ mode: "hands-on" }, "not yet · The thing exists");
    await tui.press(KEY.enter);
    await tui.waitFor("Do it for me?");
    await tui.press("n");
    await tui.waitFor((f) => !f.includes("Do it for me?") && f.includes("Your turn"));
    expect(tui.fixture.store.state.steps["make-thing"]).toBeUndefined();
  });
});

describe("hints counted in another terminal (genai-lab hint)", () => {
  it("are the TUI's count too: h shows what is left, never counting a rung twice", async () => {
    const tui = await pastWelcome({ mode: "hands-on" }, "not yet · The thing exists");
    // The learner's other terminal: `genai-lab hint` opens the same progress file and counts the one rung.
    const cli = ProgressStore.open(tui.fixture.store.path, "fixture-lab", fakeTarget);
    cli.dispatch({ type: "hint-revealed", stepId: "make-thing", at: new Date().toISOString() });
    await tui.press("h");
    await tui.waitFor("No more hints.");
    expect(tui.frame()).toContain("› Hint 1/1"); // the rung the other terminal showed, brought into view
    expect(tui.fixture.store.state.hints?.["make-thing"]).toBe(1);
    expect(ProgressStore.open(tui.fixture.store.path, "fixture-lab", fakeTarget).state.hints?.["make-thing"]).toBe(1);
  });
});

describe("the lab complete card on a small terminal", () => {
  it("fits whole at 60×18 in Vietnamese: the counts, the mode and how to close it", async () => {
    const tui = await renderTui({ mode: "guided", columns: 60, rows: 18, lang: "vi" });
    await tui.waitFor("Nhấn Enter");
    await tui.press(KEY.enter);
    await tui.press(KEY.enter);
    await tui.waitFor((f) => /▸✓\s+1/.test(f) && f.includes("q thoát"));
    await tui.press("n");
    await tui.press(KEY.enter);
    // The screen: the frame's last 17 rows (one short of the terminal; the finished runs are printed above it).
    const card = (await tui.waitFor("★ Hoàn thành bài lab")).split("\n").slice(-17).join("\n");
    expect(card).toMatch(/^genai-lab · /);
    expect(card).toMatch(/genai-lab làm\s+2\/2 mục/);
    expect(card).toMatch(/Chế độ\s+hướng dẫn/);
    expect(card).toContain("Esc đóng");
    expect(card).toContain("╚"); // the card's bottom border: nothing cut
  });
});

describe("the mode question on a 24-row welcome card", () => {
  it("shows the highlighted mode's description whole, and the next one's as the choice moves", async () => {
    const tui = await renderTui({ mode: "ask", columns: 80, rows: 24 });
    const first = await tui.waitFor("How do you want to take the lab?");
    expect(first).toMatch(/▸● hands-on\s+○ guided\s+○ exam/);
    expect(first.replace(/[│\s]+/g, " ")).toContain("genai-lab checks your work live. Recommended.");
    expect(first).not.toMatch(/hands-on.*…/);
    await tui.press(KEY.down);
    const second = await tui.waitFor("▸● guided");
    expect(second).toContain("genai-lab does each step when you press Enter; you read and watch.");
    expect(second).not.toContain("Recommended");
  });
});

describe("the mode chooser (m)", () => {
  it("opens on the mode in effect, switches with ↓ and Enter, saves it, and the page follows at once", async () => {
    const tui = await pastWelcome({ mode: "guided" }, "Step 1 · Make a thing");
    expect(tui.frame()).not.toContain("Your turn");
    await tui.press("m");
    await tui.waitFor(/How do you want to take the lab\?[\s\S]*▸● guided/);
    await tui.press(KEY.up);
    await tui.waitFor("▸● hands-on");
    await tui.press(KEY.enter);
    const page = await tui.waitFor((f) => f.includes("Mode: hands-on (saved for this lab)") && f.includes("Your turn"));
    expect(page).toContain("hands-on · sandbox");
    expect(tui.fixture.store.state.mode).toBe("hands-on");
  });
});

describe("exam mode in the TUI", () => {
  it("offers no do it for me and no commands, and says so; hints are still counted", async () => {
    const clipboard = fakeClipboard();
    const tui = await renderTui({ mode: "exam", clipboard });
    await tui.waitFor("Press Enter");
    await tui.press(KEY.enter);
    const page = await tui.waitFor("not yet · The thing exists");
    expect(page).toMatch(
      /Exam mode: the console path, commands and code\s+│[\s\S]*│ are not shown \(they are the answer\)/,
    );
    expect(page).not.toContain("fixture create --name widget");
    expect(page).not.toContain("Enter do it for me");
    await tui.press(KEY.enter);
    await tui.waitFor("Exam mode: genai-lab does not do lab steps for you.");
    expect(tui.fixture.store.state.steps["make-thing"]).toBeUndefined();
    await tui.press("y");
    await tui.waitFor("Exam mode: there are no commands to copy");
    expect(clipboard.copies).toEqual([]);
    await tui.press("h");
    await tui.waitFor("Hint 1 of 1 — counted in your report.");
    expect(tui.fixture.store.state.hints?.["make-thing"]).toBe(1);
  });
});
