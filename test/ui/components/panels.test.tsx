/** Every status of every panel: step list, checklist, header (targets, presenter), footer, welcome, dialogs. */
import { Box } from "ink";
import { describe, expect, it } from "vitest";
import type { Session } from "../../../src/cli/session.js";
import type { TargetInfo } from "../../../src/engine/contract.js";
import type { Phase } from "../../../src/ui/app/controller.js";
import { ChecklistPanel } from "../../../src/ui/components/ChecklistPanel.js";
import { ConfirmDialog } from "../../../src/ui/components/ConfirmDialog.js";
import { DetailsOverlay } from "../../../src/ui/components/DetailsOverlay.js";
import { Footer, packUnits } from "../../../src/ui/components/Footer.js";
import { Header } from "../../../src/ui/components/Header.js";
import { HelpOverlay } from "../../../src/ui/components/HelpOverlay.js";
import { StepList } from "../../../src/ui/components/StepList.js";
import { Welcome } from "../../../src/ui/components/Welcome.js";
import { IDLE } from "../../../src/ui/key-bindings.js";
import { footerItems, helpSections } from "../../../src/ui/key-hints.js";
import { ITEM_STATUSES, STEP_STATUSES, itemLook, stepLook } from "../../../src/ui/theme/status.js";
import type { ChecklistItemView, LabView, StepInfo } from "../../../src/ui/state/lab-view.js";
import { tr } from "../../../src/engine/text.js";
import { S } from "../../../src/ui/strings.js";
import { fakeTarget } from "../../helpers/fixture-runner.js";
import { render } from "../../helpers/render.js";

const step = (n: number, title: string): StepInfo => ({
  id: `s${n}`,
  number: n,
  title: { vi: `Bước ${title}`, en: title },
  body: { vi: "", en: "" },
  role: "lab",
  hints: [],
  checkIds: [],
});

describe("StepList", () => {
  it("shows every step status with its glyph and counts the passed lab steps", () => {
    const statuses = ["pending", "running", "passed", "failed", "attention"] as const;
    // The count reads the last outcomes: the running step passed before and still counts while it runs again.
    const rows = statuses.map((status, i) => ({
      step: step(i, status),
      status,
      ...(status === "running" || status === "passed" ? { outcome: "passed" as const } : {}),
    }));
    const ui = render(<StepList rows={rows} selected={1} width={40} />);
    const frame = ui.frame();
    expect(frame).toContain("Steps 2/5");
    expect(frame).toContain("○ 0 pending");
    expect(frame).toContain("▸◐ 1 running");
    expect(frame).toContain("✓ 2 passed");
    expect(frame).toContain("✗ 3 failed");
    expect(frame).toContain("! 4 attention");
  });
});

describe("StepList and ChecklistPanel after a resize", () => {
  it("draw the same frame after leaving the compact layout as a fresh render does", () => {
    const rows = [
      { step: step(1, "One"), status: "passed" as const, outcome: "passed" as const },
      { step: step(2, "Two"), status: "pending" as const },
    ];
    const items: ChecklistItemView[] = [
      { id: "a", label: { vi: "A", en: "Alpha" }, stepId: "s", running: false, result: { status: "pass" } },
    ];
    const panels = (compact: boolean) => (
      <Box flexDirection="column">
        <StepList rows={rows} selected={0} width={30} compact={compact} />
        <ChecklistPanel items={items} width={30} compact={compact} />
      </Box>
    );
    const fresh = render(panels(false)).frame();
    expect(fresh).toContain("│ Steps 1/2");
    // 60×18 and back to 120×40: the compact layout's left padding, left set on the way out, took precedence over
    // the bordered layout's paddingX (Yoga: an edge's own value wins over the horizontal one), one column off.
    const resized = render(panels(true));
    resized.rerender(panels(false));
    expect(resized.frame()).toBe(fresh);
  });
});

describe("StepList: cleanup", () => {
  it("sets cleanup apart under a rule saying where it stands, and does not count it", () => {
    const cleanup: StepInfo = { ...step(3, "Clean up"), role: "cleanup" };
    const rows = [
      { step: step(1, "One"), status: "passed" as const, outcome: "passed" as const },
      { step: step(2, "Two"), status: "passed" as const, outcome: "passed" as const },
      { step: cleanup, status: "pending" as const },
    ];
    const frame = render(<StepList rows={rows} selected={0} width={28} />, { lang: "vi" }).frame();
    expect(frame).toMatch(/Các bước 2\/2[\s\S]*2 Bước Two[\s\S]*╌╌ dọn dẹp: chưa chạy ╌+[\s\S]*○ 3 Bước Clean up/);
    const en = render(
      <StepList rows={[rows[0]!, { ...rows[2]!, status: "passed", outcome: "passed" }]} selected={0} width={28} />,
    ).frame();
    expect(en).toContain("Steps 1/1");
    expect(en).toContain("cleanup: passed");
    // Compact (60×18): the rule's row goes to the checklist; the cleanup row still shows where it stands.
    const compact = render(<StepList rows={rows} selected={0} width={28} compact />).frame();
    expect(compact).not.toContain("cleanup:");
    expect(compact).toMatch(/✓ 2 Two\n\s*○ 3 Clean up/);
  });
});

describe("ChecklistPanel", () => {
  it("shows never checked, checking, passed, failed and could-not-check items", () => {
    const problem = {
      kind: "iam-permission" as const,
      title: { vi: "x", en: "x" },
      next: { vi: "y", en: "y" },
      retryable: false,
    };
    const items: ChecklistItemView[] = [
      { id: "a", label: { vi: "A", en: "Alpha" }, stepId: "s", running: false },
      { id: "b", label: { vi: "B", en: "Beta" }, stepId: "s", running: true },
      { id: "c", label: { vi: "C", en: "Gamma" }, stepId: "s", running: false, result: { status: "pass" } },
      {
        id: "d",
        label: { vi: "D", en: "Delta" },
        stepId: "s",
        running: false,
        result: { status: "fail", evidence: { expected: "1", actual: "0" }, hint: { vi: "h", en: "h" } },
      },
      { id: "e", label: { vi: "E", en: "Eps" }, stepId: "s", running: false, result: { status: "error", problem } },
    ];
    const frame = render(<ChecklistPanel items={items} width={40} />, { lang: "vi" }).frame();
    expect(frame).toContain("Checklist kiểm tra 1/5");
    for (const line of ["[ ] A", "[◐] B", "[✓] C", "[✗] D", "[!] E"]) expect(frame).toContain(line);
  });

  it("keeps its count in view on a narrow panel (the title gives way)", () => {
    const frame = render(
      <ChecklistPanel
        items={[{ id: "a", label: { vi: "A", en: "Alpha" }, stepId: "s", running: false, result: { status: "pass" } }]}
        width={24}
      />,
    ).frame();
    expect(frame).toMatch(/Verification ch… 1\/1/);
  });
});

describe("Header", () => {
  const aws: TargetInfo = { ...fakeTarget, kind: "aws", profile: "learner", accountId: "210987654321" };
  it("labels the sandbox as simulated, names the AWS profile, and shows an endpoint", () => {
    expect(render(<Header target={fakeTarget} />, { columns: 100 }).frame()).toMatch(
      /sandbox\s+simulated.*us-east-1 · 123456789012 · EN/,
    );
    expect(render(<Header target={fakeTarget} />).frame()).not.toContain("123456789012");
    expect(render(<Header target={aws} />, { lang: "vi" }).frame()).toContain("AWS (profile learner)");
    expect(
      render(<Header target={{ ...fakeTarget, kind: "endpoint", endpoint: "http://127.0.0.1:4566" }} />).frame(),
    ).toContain("http://127.0.0.1:4566");
  });

  it("labels a sandbox answered by a real model as such, in both languages", () => {
    const real = { ...fakeTarget, realModel: "http://localhost:11434/v1" };
    expect(render(<Header target={real} />, { columns: 100 }).frame()).toMatch(/sandbox\s+real model /);
    expect(render(<Header target={real} />, { columns: 100, lang: "vi" }).frame()).toMatch(/sandbox\s+model thật /);
  });

  it("redacts the account id and says so in presenter mode", () => {
    const frame = render(<Header target={aws} />, { presenter: true, columns: 120 }).frame();
    expect(frame).not.toContain("210987654321");
    expect(frame).toContain("************");
    expect(frame).toContain("presenter");
  });
});

describe("Footer and help", () => {
  it("are generated from the key bindings", () => {
    const footer = render(<Footer scope="main" context={IDLE} width={200} />, { columns: 200 }).frame();
    for (const item of footerItems("main", IDLE)) expect(footer).toContain(`${item.keys} ${tr(item.label, "en")}`);
    const help = render(<HelpOverlay width={100} />, { lang: "vi", rows: 40 }).frame();
    for (const line of helpSections().flatMap((s) => s.lines)) {
      expect(help).toContain(line.keys.join(" "));
      expect(help).toContain(tr(line.long, "vi"));
    }
  });

  it("explains every status glyph in the help, from the status table", () => {
    const help = render(<HelpOverlay width={100} />, { rows: 40 }).frame();
    for (const status of STEP_STATUSES)
      expect(help).toContain(`${stepLook(status).glyph} ${tr(stepLook(status).label, "en")}`);
    for (const status of ITEM_STATUSES)
      expect(help).toContain(`${itemLook(status).glyph} ${tr(itemLook(status).label, "en")}`);
  });

  it("draws the whole help where it has the rows (the TUI scrolls it where it has not)", () => {
    for (const lang of ["vi", "en"] as const) {
      const help = render(<HelpOverlay width={80} />, { lang, rows: 60 }).frame();
      expect(help.split("\n").length).toBeLessThanOrEqual(32);
      expect(help).toContain(tr(S.keyCloseLong, lang));
    }
  });

  it("keeps each key with its label, wrapping between units", () => {
    for (const lang of ["vi", "en"] as const) {
      const frame = render(<Footer scope="main" context={IDLE} width={80} />, { lang }).frame();
      const rows = frame.split("\n");
      expect(rows.length).toBe(2);
      const units = footerItems("main", IDLE).map((item) => `${item.keys} ${tr(item.label, lang)}`);
      for (const unit of units)
        expect(
          rows.some((row) => row.includes(unit)),
          unit,
        ).toBe(true);
    }
    expect(packUnits([10, 10, 10], 23)).toEqual([[0, 1], [2]]);
    expect(packUnits([30, 5], 20)).toEqual([[0], [1]]);
  });

  it("lists the keys that still work while a step runs", () => {
    const frame = render(
      <Footer
        scope="main"
        context={{ ...IDLE, running: true }}
        note="Running — other keys wait until it ends"
        width={80}
      />,
    ).frame();
    expect(frame).toMatch(
      /Running — other keys wait until it ends\nCtrl\+C cancel\s+PgUp\/PgDn scroll\s+\? help\s+q quit/,
    );
    expect(frame).not.toContain("Enter run");
  });
});

describe("ConfirmDialog", () => {
  it("shows billable, destructive and choice questions with the answer keys", () => {
    const ask = (kind: "billable" | "destructive" | "choice") =>
      render(
        <ConfirmDialog
          request={{
            kind,
            question: { vi: "Xoá log group?", en: "Delete the log group?" },
            detail: { vi: "Mất log.", en: "Logs are lost." },
          }}
          width={60}
        />,
        { lang: "vi" },
      ).frame();
    expect(ask("billable")).toContain("Có thể phát sinh chi phí");
    expect(ask("destructive")).toContain("Không hoàn tác được");
    expect(ask("choice")).toContain("? Cần bạn quyết định");
    // Only y says yes, in both languages; the Vietnamese screen says "y = có".
    expect(ask("choice")).toMatch(/Cần bạn quyết định\s+y = có · n\/Esc = không[\s\S]*Xoá log group\?[\s\S]*Mất log\./);
    const quit = render(
      <ConfirmDialog
        request={{
          kind: "choice",
          title: { vi: "Thoát genai-lab?", en: "Quit genai-lab?" },
          question: { vi: "Huỷ và thoát?", en: "Cancel and quit?" },
        }}
        width={60}
      />,
    ).frame();
    expect(quit).toMatch(/\? Quit genai-lab\?\s+y = yes · n\/Esc = no[\s\S]*Cancel and quit\?/);
    expect(quit).not.toContain("Your decision");
  });

  it("keeps the answer keys in view when a long explanation is cut at the bottom", () => {
    const detail = { vi: "Chi phí. ".repeat(80), en: "Costs. ".repeat(80) };
    const frame = render(
      <Box height={8} overflow="hidden">
        <ConfirmDialog
          request={{ kind: "billable", question: { vi: "Gọi model?", en: "Call the model?" }, detail }}
          width={50}
        />
      </Box>,
      { lang: "vi" },
    ).frame();
    expect(frame).toContain("y = có · n/Esc = không");
  });
});

describe("DetailsOverlay", () => {
  const failed: ChecklistItemView = {
    id: "d",
    label: { vi: "D", en: "Dashboard shows metrics" },
    stepId: "s",
    running: false,
    durationMs: 12,
    result: {
      status: "fail",
      evidence: { expected: "5 datapoints", actual: "0", requestIds: ["req-1"] },
      hint: { vi: "Chạy bước 4", en: "Run step 4" },
    },
  };
  const errored: ChecklistItemView = {
    id: "e",
    label: { vi: "E", en: "Logging enabled" },
    stepId: "s",
    running: false,
    result: {
      status: "error",
      problem: {
        kind: "iam-permission",
        title: { vi: "Thiếu quyền", en: "Not allowed" },
        next: { vi: "Xin quyền", en: "Ask for it" },
        code: "AccessDeniedException",
        httpStatus: 403,
        requestId: "req-2",
        retryable: false,
      },
    },
  };

  it("shows expected vs actual, the hint and request ids; `d` again moves to the next; none when all pass", () => {
    const first = render(<DetailsOverlay items={[failed, errored]} index={0} width={70} />).frame();
    expect(first).toMatch(/Check details \(1\/2\)[\s\S]*✗ fail Dashboard shows metrics/);
    expect(first).toMatch(/expected: 5 datapoints[\s\S]*actual: 0[\s\S]*hint: Run step 4[\s\S]*Request ID: req-1/);
    const second = render(<DetailsOverlay items={[failed, errored]} index={1} width={70} />).frame();
    expect(second).toMatch(
      /! error Logging enabled[\s\S]*Not allowed[\s\S]*Next: Ask for it[\s\S]*AccessDeniedException \(HTTP 403\)[\s\S]*Request ID: req-2/,
    );
    expect(second.match(/req-2/g)).toHaveLength(1);
    const none = render(
      <DetailsOverlay
        items={[{ ...failed, result: { ...failed.result, evidence: { expected: "1", actual: "0" } } as never }]}
        index={0}
        width={70}
      />,
    ).frame();
    expect(none).toContain("Request ID: none (this check recorded no AWS request)");
    expect(
      render(<DetailsOverlay items={[{ ...failed, result: { status: "pass" } }]} index={0} width={70} />).frame(),
    ).toContain("no failed check");
  });
});

describe("Welcome", () => {
  const manifest = {
    id: "lab",
    title: { vi: "Giám sát GenAI", en: "Monitoring GenAI" },
    goal: { vi: "Bật logging", en: "Enable logging" },
    durationMinutes: 15,
    examDomain: { vi: "Domain 4", en: "Domain 4" },
    prerequisites: [{ vi: "Tài khoản AWS", en: "An AWS account" }],
    parameters: {},
    checklist: [],
  };
  const steps = [step(1, "One"), step(2, "Two")];
  const view = (outcomes: LabView["outcomes"]): LabView => ({
    steps,
    outcomes,
    doneBy: {},
    finishedAt: {},
    removed: [],
    hints: {},
    runs: {},
    checklist: [],
    finished: [],
  });
  const ready = (target: TargetInfo): Phase => ({
    kind: "ready",
    session: { lab: { manifest }, target } as unknown as Session,
  });

  it("shows the connecting and failed phases", () => {
    expect(
      render(<Welcome phase={{ kind: "connecting", target: "sandbox" }} now={0} width={80} />, { lang: "vi" }).frame(),
    ).toContain("Đang khởi động sandbox (AWS offline)");
    const problem = {
      kind: "credentials" as const,
      title: { vi: "Không có thông tin xác thực", en: "No credentials" },
      next: { vi: "Chạy `aws configure`", en: "Run `aws configure`" },
      retryable: false,
    };
    const aws = render(
      <Welcome phase={{ kind: "failed", target: "aws", problem, exitCode: 2 }} now={0} width={80} />,
    ).frame();
    // Inline code is drawn as code, without its backticks; the way back to the sandbox is named.
    expect(aws).toMatch(
      /Could not connect[\s\S]*No credentials[\s\S]*Next: Run aws configure[\s\S]*Press t to go back to the sandbox, or q to quit\./,
    );
    const sandbox = render(
      <Welcome phase={{ kind: "failed", target: "sandbox", problem, exitCode: 2 }} now={0} width={80} />,
    ).frame();
    expect(sandbox).not.toContain("go back to the sandbox");
  });

  it("says who answers on the sandbox: a real model via its URL when there is one", () => {
    const real = { ...fakeTarget, realModel: "http://localhost:11434/v1" };
    const card = render(<Welcome phase={ready(real)} view={view({})} now={0} width={110} />).frame();
    expect(card).toMatch(/sandbox\s+real model/);
    expect(card.replace(/\s+/g, " ")).toContain(
      "The model's replies come from a real model via http://localhost:11434/v1",
    );
    expect(card).not.toContain("simulated");
  });

  it("shows the lab card, the target, the language and where to resume", () => {
    const fresh = render(<Welcome phase={ready(fakeTarget)} view={view({})} now={0} width={90} />).frame();
    expect(fresh).toMatch(/Monitoring GenAI[\s\S]*Enable logging[\s\S]*~15 min[\s\S]*Domain 4[\s\S]*An AWS account/);
    expect(fresh).toMatch(/sandbox\s+simulated/);
    expect(fresh).toContain("English (en · l: Tiếng Việt / English)");
    expect(fresh).toContain("Not started yet");
    expect(fresh).toContain("Press Enter to start");
    const resumed = render(
      <Welcome
        phase={ready({ ...fakeTarget, kind: "aws", profile: "p" })}
        view={view({ s1: "passed" })}
        now={0}
        width={90}
      />,
      { lang: "vi" },
    ).frame();
    expect(resumed).toContain("1/2 bước đã xong");
    expect(resumed).toContain("tiếp tục ở bước 2: Bước Two");
    expect(resumed).toContain("AWS (profile p)");
    expect(
      render(
        <Welcome phase={ready(fakeTarget)} view={view({ s1: "passed", s2: "passed" })} now={0} width={90} />,
      ).frame(),
    ).toContain("Every step done");
  });
});
