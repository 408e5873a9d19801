/**
 * Every user-facing string of the interface, in both languages, in one place. Step content lives in the step
 * modules; AWS error explanations in src/aws/hints.ts.
 */
import type { Text } from "../engine/text.js";
import { R } from "../report/strings.js";

export const S = {
  ...R,
  stepHeading: { vi: "Bước {n} · {title}", en: "Step {n} · {title}" },
  stepPassed: { vi: "Bước đã hoàn thành", en: "Step passed" },
  stepFailed: { vi: "Bước chưa đạt", en: "Step failed" },
  stepCancelled: { vi: "Bước đã bị huỷ", en: "Step cancelled" },
  actionDone: { vi: "xong", en: "done" },
  actionSkipped: { vi: "bỏ qua (đã có sẵn)", en: "skipped (already in place)" },
  actionFailed: { vi: "thất bại", en: "failed" },
  actionCancelled: { vi: "đã huỷ", en: "cancelled" },
  actionTimedOut: { vi: "hết thời gian", en: "timed out" },
  whatToDo: { vi: "Nên làm", en: "Next" },
  checklistSummary: { vi: "{passed}/{total} mục đạt", en: "{passed}/{total} passed" },
  checklistScore: { vi: "điểm {score}/{max}", en: "score {score}/{max}" },
  runCancelled: { vi: "Đã dừng theo yêu cầu (Ctrl+C). Chạy lại để tiếp tục: các bước sẽ hội tụ.", en: "Stopped on request (Ctrl+C). Run again to carry on: the steps converge." },
  target: { vi: "Target", en: "Target" },
  account: { vi: "Account", en: "Account" },
  region: { vi: "Region", en: "Region" },
  sandboxTarget: { vi: "sandbox (AWS offline, model mô phỏng)", en: "sandbox (offline AWS, simulated model)" },
  awsTarget: { vi: "AWS thật", en: "real AWS" },
  endpointTarget: { vi: "endpoint tương thích AWS", en: "AWS-compatible endpoint" },
  confirmSuffix: { vi: "[c/K] (có/không)", en: "[y/N]" },
  confirmNeedsYes: {
    vi: "Cần xác nhận nhưng không có terminal để hỏi: chạy lại với --yes nếu bạn đồng ý.",
    en: "Confirmation needed but there is no terminal to ask on: run again with --yes if you agree.",
  },
  usageErrorPrefix: { vi: "Lỗi", en: "Error" },
  resetDone: { vi: "Đã quên tiến độ của {target}.", en: "Progress on {target} forgotten." },
  resetNothing: { vi: "Chưa có tiến độ nào cho {target}.", en: "There is no progress for {target} yet." },
  resetQuestion: {
    vi: "Quên toàn bộ tiến độ của bài lab trên {target}? Tài nguyên AWS không bị xoá.",
    en: "Forget all lab progress on {target}? No AWS resources are deleted.",
  },
  resetOwnsResources: {
    vi: "Bài lab vẫn đang giữ {count} tài nguyên ({names}); sau khi reset, cleanup sẽ không còn biết chúng. Hãy chạy genai-lab cleanup trước.",
    en: "The lab still owns {count} resource(s) ({names}); after a reset, cleanup no longer knows them. Run genai-lab cleanup first.",
  },
  resetCorrupt: {
    vi: "Tệp tiến độ bị hỏng. Xoá nó để bắt đầu lại? {path}",
    en: "The progress file is damaged. Delete it and start over? {path}",
  },
  reportWritten: { vi: "Đã ghi báo cáo vào {path}", en: "Report written to {path}" },
  simulatedNote: {
    vi: "Câu trả lời của model trên sandbox là mô phỏng, không phải từ model thật.",
    en: "On the sandbox the model's replies are simulated, not from a real model.",
  },
} satisfies Record<string, Text>;
