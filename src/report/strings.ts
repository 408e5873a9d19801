/** The words of the checklist reports, in both languages (the UI reuses them: one checklist, one vocabulary). */
import type { Text } from "../engine/text.js";

export const R = {
  checklistTitle: { vi: "Checklist kiểm tra", en: "Verification checklist" },
  checklistSummary: { vi: "{passed}/{total} mục đạt", en: "{passed}/{total} passed" },
  checklistScore: { vi: "điểm {score}/{max}", en: "score {score}/{max}" },
  pass: { vi: "đạt", en: "pass" },
  fail: { vi: "chưa đạt", en: "fail" },
  error: { vi: "lỗi", en: "error" },
  expected: { vi: "mong đợi", en: "expected" },
  actual: { vi: "thực tế", en: "actual" },
  hint: { vi: "gợi ý", en: "hint" },
  requestId: { vi: "Request ID", en: "Request ID" },
} satisfies Record<string, Text>;
