/** The action area: every action outcome and check result, spinner and elapsed time, countdown, CLI line, problems. */
import { describe, expect, it } from "vitest";
import type { ActionOutcome } from "../../../src/engine/events.js";
import { ActivityList } from "../../../src/ui/components/Activity.js";
import type { ActionItem, CheckItem } from "../../../src/ui/state/lab-view.js";
import { render } from "../../helpers/render.js";

const action = (over: Partial<ActionItem>): ActionItem => ({
  kind: "action",
  id: "a",
  title: { vi: "Tạo log group", en: "Create the log group" },
  state: "done",
  startedAt: 0,
  durationMs: 1234,
  outputs: [],
  ...over,
});
const check = (over: Partial<CheckItem>): CheckItem => ({
  kind: "check",
  id: "c",
  label: { vi: "Có log", en: "Logs present" },
  state: "pass",
  startedAt: 0,
  durationMs: 40,
  outputs: [],
  ...over,
});

describe("ActivityList", () => {
  it("shows a running action with a spinner, its elapsed time, the CLI equivalent and a countdown", () => {
    const item = action({
      state: "running",
      startedAt: 1000,
      cli: "aws logs create-log-group --log-group-name /aws/bedrock/model-invocations",
      progress: {
        message: { vi: "Đang chờ log — còn 90 giây", en: "Waiting for the logs — 90 s left" },
        countdown: { remainingMs: 90_000, totalMs: 120_000 },
        at: 1,
      },
    });
    delete item.durationMs;
    const frame = render(<ActivityList items={[item]} now={3500} width={70} />).frame();
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Create the log group 2\.5 s/);
    expect(frame).toContain("CLI equivalent:");
    expect(frame).toMatch(/^ {2}[ ›] aws logs create-log-group/m); // as it runs: no "$ " before it
    expect(frame).not.toContain("$ aws");
    expect(frame).toContain("… Waiting for the logs — 90 s left");
    expect(frame).toMatch(/█+░+ 90 s left/);
  });

  it("shows a progress bar for a fraction", () => {
    const frame = render(
      <ActivityList
        items={[
          action({ state: "running", progress: { message: { vi: "x", en: "Calling 2/5" }, fraction: 0.4, at: 0 } }),
        ]}
        now={10}
        width={60}
      />,
    ).frame();
    expect(frame).toMatch(/Calling 2\/5\n\s+█{12}░{18}/);
  });

  it("shows every action outcome", () => {
    const expected: Record<ActionOutcome, RegExp> = {
      done: /✓ Create the log group 1\.2 s done/,
      skipped: /↷ Create the log group 1\.2 s skipped\s*$/m, // why is the summary's, not "already in place"
      failed: /✗ Create the log group 1\.2 s failed/,
      cancelled: /■ Create the log group 1\.2 s cancelled/,
      "timed-out": /⏱ Create the log group 1\.2 s timed out/,
    };
    for (const [state, pattern] of Object.entries(expected)) {
      expect(
        render(<ActivityList items={[action({ state: state as ActionOutcome })]} now={0} width={70} />).frame(),
      ).toMatch(pattern);
    }
  });

  it("shows a summary when done, and a failure's explanation, next step and request id", () => {
    const done = render(
      <ActivityList
        items={[action({ summary: { vi: "Đã tạo log group", en: "Log group created" } })]}
        now={0}
        width={70}
      />,
      { lang: "vi" },
    ).frame();
    expect(done).toMatch(/✓ Tạo log group 1\.2 s xong[\s\S]*Đã tạo log group/);
    const problem = {
      kind: "model-access" as const,
      title: { vi: "Chưa có quyền model", en: "No access to the model" },
      next: { vi: "Bật model access", en: "Enable model access" },
      message: "You don't have access to the model with the specified model ID.",
      requestId: "req-9",
      retryable: false,
    };
    const failed = render(<ActivityList items={[action({ state: "failed", problem })]} now={0} width={80} />).frame();
    expect(failed).toMatch(
      /No access to the model[\s\S]*You don't have access[\s\S]*Next: Enable model access[\s\S]*Request ID: req-9/,
    );
  });

  it("shows every check result: pass, fail with evidence and hint, error with its problem", () => {
    expect(render(<ActivityList items={[check({})]} now={0} width={70} />).frame()).toMatch(
      /✓ Check · Logs present 40 ms pass/,
    );
    const fail = render(
      <ActivityList
        items={[
          check({
            state: "fail",
            result: {
              status: "fail",
              evidence: { expected: "5 records", actual: { vi: "0 bản ghi", en: "0 records" } },
              hint: { vi: "Chạy bước 2", en: "Run step 2" },
            },
          }),
        ]}
        now={0}
        width={70}
      />,
      { lang: "vi" },
    ).frame();
    expect(fail).toMatch(
      /✗ Kiểm tra · Có log 40 ms chưa đạt[\s\S]*mong đợi: 5 records[\s\S]*thực tế: 0 bản ghi[\s\S]*gợi ý: Chạy bước 2/,
    );
    const problem = {
      kind: "throttled" as const,
      title: { vi: "Bị giới hạn", en: "Throttled" },
      next: { vi: "Thử lại", en: "Try again" },
      retryable: true,
    };
    expect(
      render(
        <ActivityList items={[check({ state: "error", result: { status: "error", problem } })]} now={0} width={70} />,
      ).frame(),
    ).toMatch(/! Check · Logs present 40 ms error[\s\S]*Throttled[\s\S]*Next: Try again/);
    const running = check({ state: "running", startedAt: 0 });
    delete running.durationMs;
    expect(render(<ActivityList items={[running]} now={120} width={70} />).frame()).toMatch(
      /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Check · Logs present 120 ms/,
    );
  });

  it("redacts account ids in CLI lines and outputs when presenting", () => {
    const item = action({
      cli: "aws iam get-role --role-name r # arn:aws:iam::123456789012:role/r",
      outputs: [
        { kind: "key-values", items: [{ label: { vi: "ARN", en: "ARN" }, value: "arn:aws:iam::123456789012:role/r" }] },
      ],
    });
    const frame = render(<ActivityList items={[item]} now={0} width={90} />, { presenter: true }).frame();
    expect(frame).not.toContain("123456789012");
    expect(frame).toContain("arn:aws:iam::************:role/r");
  });
});
