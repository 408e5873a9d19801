/** The words of the checklist reports, in both languages (the UI reuses them: one checklist, one vocabulary). */
import type { Mode } from "../engine/contract.js";
import { fill, type Text } from "../engine/text.js";

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
  sameAsItem: { vi: "(như mục {n})", en: "(as for item {n})" },
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
  item: { vi: "Mục", en: "Item" },
  result: { vi: "Kết quả", en: "Result" },
  actualColumn: { vi: "Thực tế", en: "Actual" },
  doneByColumn: { vi: "Người làm", en: "Done by" },
  hintsColumn: { vi: "Gợi ý đã xem", en: "Hints" },
  byLearner: { vi: "học viên", en: "learner" },
  byRunner: { vi: "genai-lab làm giúp", en: "genai-lab" },
  doneByRunner: { vi: "do genai-lab làm giúp", en: "done by genai-lab" },
  hintsOne: { vi: "đã xem {n} gợi ý", en: "{n} hint used" },
  hintsMany: { vi: "đã xem {n} gợi ý", en: "{n} hints used" },
  mode: { vi: "Chế độ", en: "Mode" },
  bonusTitle: { vi: "Phần thêm (không tính vào checklist)", en: "Bonus (not part of the checklist)" },
  runnerLegend: {
    vi: "* do genai-lab làm giúp (chính các thao tác của nó), không phải học viên tự làm",
    en: "* done by genai-lab (its own actions), not by the learner",
  },
} satisfies Record<string, Text>;

/** A mode's name in reports and messages (the flag's value stays in brackets: it is what one types). */
export const MODE_NAMES = {
  "hands-on": { vi: "tự làm (hands-on)", en: "hands-on" },
  guided: { vi: "có hướng dẫn (guided)", en: "guided" },
  exam: { vi: "thi (exam)", en: "exam" },
} satisfies Record<Mode, Text>;

/** "2 hints used" / "đã xem 2 gợi ý". */
export function hintsUsedText(n: number): Text {
  return fill(n === 1 ? R.hintsOne : R.hintsMany, { n });
}
