/**
 * Issue 11 item 7: the details panel (`d`) said "none (this check recorded no AWS request)" while the JSON report
 * of the same checks listed GetDashboard / GetMetricData with their request ids. It now lists every AWS call the
 * check's latest run made, with the request id AWS answered, as the reports do.
 */
import { afterEach, describe, expect, it } from "vitest";
import { S } from "../../src/ui/strings.js";
import { KEY } from "../helpers/render.js";
import { realTui, type RealTui } from "./real-tui.js";

let ui: RealTui | undefined;
afterEach(async () => {
  await ui?.quit();
  ui = undefined;
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe("the details panel", () => {
  for (const lang of ["en", "vi"] as const) {
    it(`names the AWS calls of a failed check and their request ids (${lang})`, async () => {
      ui = await realTui({ lang, columns: 100, rows: 30 });
      await ui.waitFor(lang === "en" ? "Press Enter to start" : "Nhấn Enter để bắt đầu");
      await ui.press(KEY.enter);
      await ui.press("c"); // re-check on a fresh lab: every item fails, after calling AWS
      await ui.waitFor((frame) => (frame.match(/\[✗\]/g) ?? []).length === 4, 30_000);
      await ui.press("d");
      const frame = await ui.waitFor(S.detailsCalls[lang]);
      expect(frame).not.toContain(S.detailsNoRequestId[lang]);
      expect(frame).toContain("GetModelInvocationLoggingConfiguration");
      expect(frame).toMatch(UUID);
      // The same ids the session recorded for the report.
      const recorded = ui.session().requests.get("logging-enabled") ?? [];
      expect(recorded.length).toBeGreaterThan(0);
      for (const call of recorded) expect(frame).toContain(call.requestId);
      // The last check: the dashboard's calls.
      await ui.press("ddd");
      expect(await ui.waitFor("GetDashboard")).toMatch(UUID);
    });
  }
});
