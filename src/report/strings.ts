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
  partialCredit: { vi: "điểm một phần {score}/{points}", en: "partial credit {score}/{points}" },
  classSummary: {
    vi: "{targets} học viên · {complete} hoàn thành · {partial} làm một phần · {zero} chưa có điểm · {unreachable} không chấm được · trung bình {mean}%",
    en: "{targets} learners · {complete} complete · {partial} partial · {zero} no points · {unreachable} not graded · mean {mean}%",
  },
  learner: { vi: "Học viên", en: "Learner" },
  account: { vi: "Tài khoản", en: "Account" },
  score: { vi: "Điểm", en: "Score" },
  items: { vi: "Các mục", en: "Items" },
  notGraded: { vi: "Không chấm được", en: "Could not grade" },
  next: { vi: "Nên làm", en: "Next" },
  digest: { vi: "SHA-256 của báo cáo", en: "Report SHA-256" },
  verifyWith: { vi: "kiểm tra bằng genai-lab verify-report", en: "check with genai-lab verify-report" },
} satisfies Record<string, Text>;
