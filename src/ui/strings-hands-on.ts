/**
 * The TUI's words for hands-on and exam mode: the welcome question, Your turn, live checking, "do it for me",
 * copying commands and the lab complete card. Spread into S (strings.ts): one vocabulary for the interface.
 */
import type { Mode } from "../engine/contract.js";
import type { Text } from "../engine/text.js";

export const HANDS_ON_STRINGS = {
  // ── How the lab is taken ──
  modeQuestion: { vi: "Bạn muốn làm bài lab theo cách nào?", en: "How do you want to take the lab?" },
  modeHandsOnAbout: {
    vi: "Bạn tự làm từng bước trong terminal của mình (AWS CLI, boto3) hoặc trên console; genai-lab kiểm tra trực tiếp. Nên chọn.",
    en: "You do each step in your own terminal (AWS CLI, boto3) or the console; genai-lab checks your work live. Recommended.",
  },
  modeGuidedAbout: {
    vi: "genai-lab làm từng bước khi bạn nhấn Enter; bạn đọc và theo dõi.",
    en: "genai-lab does each step when you press Enter; you read and watch.",
  },
  modeExamAbout: {
    vi: "Bạn tự làm tất cả: genai-lab không làm giúp, không hiện lời giải; gợi ý được tính.",
    en: "You do everything yourself: nothing is done for you, no solutions shown; hints are counted.",
  },
  modeChange: { vi: "m: đổi", en: "m: change" },
  modeLockedNote: { vi: "giảng viên đặt, không đổi được", en: "set by your instructor, cannot change" },
  modeLocked: {
    vi: "Chế độ thi do giảng viên đặt (GENAI_LAB_MODE): không đổi được ở đây.",
    en: "Exam mode is set by your instructor (GENAI_LAB_MODE): it cannot be changed here.",
  },
  modeSaved: { vi: "Chế độ: {mode} (đã lưu cho bài lab này)", en: "Mode: {mode} (saved for this lab)" },
  modePanelClose: { vi: "↑↓ chọn · Enter đổi · Esc đóng", en: "↑↓ choose · Enter switch · Esc closes" },
  // ── Your turn ──
  yourTurn: { vi: "Đến lượt bạn", en: "Your turn" },
  yourTurnNone: {
    vi: "Bước này chưa có hướng dẫn tự làm; nhấn Enter để genai-lab làm giúp (được ghi là genai-lab làm).",
    en: "This step has no hands-on instructions yet; Enter does it for you (recorded as done by genai-lab).",
  },
  yourTurnNoneExam: {
    vi: "Bước này chưa có hướng dẫn tự làm. Đọc phần giới thiệu bên dưới; h hiện gợi ý (được tính).",
    en: "This step has no hands-on instructions yet. Read about it below; h reveals a hint (counted).",
  },
  yourTurnPreflight: {
    vi: "genai-lab làm bước này cho bạn: nó chỉ đọc và chọn model, không thay đổi gì. Nhấn Enter.",
    en: "genai-lab does this step for you: it only reads and chooses the model, changing nothing. Press Enter.",
  },
  yourTurnCleanup: {
    vi: "Dọn dẹp không được chấm điểm. Enter: genai-lab xoá những gì chính nó đã tạo (hỏi trước; ghi là genai-lab làm).",
    en: "Cleanup is not graded. Enter: genai-lab deletes what its own actions created (it asks first; recorded as done by genai-lab).",
  },
  wayConsole: { vi: "Giao diện console", en: "Console" },
  wayCli: { vi: "AWS CLI", en: "AWS CLI" },
  wayPython: { vi: "Python (boto3)", en: "Python (boto3)" },
  waysKey: { vi: "Tab: cách khác", en: "Tab: another way" },
  consoleForAws: {
    vi: "Console dành cho AWS thật; trên sandbox hãy dùng AWS CLI hoặc Python.",
    en: "The console is for real AWS; on the sandbox use the AWS CLI or Python.",
  },
  wayMissing: { vi: "Bước này chưa có cách làm bằng {way}.", en: "No {way} way for this step yet." },
  sandboxEndpoint: {
    vi: "Sandbox của bài lab nghe tại {endpoint}. Trong terminal của bạn, chạy trước:",
    en: "The lab's sandbox listens at {endpoint}. In your terminal, first run:",
  },
  awsEnv: {
    vi: "Trỏ terminal của bạn tới cùng tài khoản và Region:",
    en: "Point your terminal at the same account and Region:",
  },
  examHidden: {
    vi: "Chế độ thi: không hiện đường đi trên console, lệnh hay code (đó là lời giải). h hiện gợi ý (được tính).",
    en: "Exam mode: the console path, commands and code are not shown (they are the answer). h reveals a hint (counted).",
  },
  doItHint: {
    vi: "Enter: nhờ genai-lab làm giúp (sẽ ghi là genai-lab làm)",
    en: "Enter: do it for me (recorded as done by genai-lab)",
  },
  examNoDoIt: {
    vi: "Chế độ thi: genai-lab không làm bước nào thay bạn. Hãy tự làm trong terminal; h hiện gợi ý (được tính vào báo cáo).",
    en: "Exam mode: genai-lab does not do lab steps for you. Do it in your terminal; h reveals a hint (counted in your report).",
  },
  // ── Live checking ──
  liveTitle: { vi: "Kiểm tra trực tiếp", en: "Live check" },
  liveChecking: { vi: "đang kiểm tra phần bạn làm…", en: "checking your work…" },
  liveNotYet: { vi: "chưa đạt", en: "not yet" },
  liveMissingTitle: { vi: "Còn thiếu gì", en: "What is missing" },
  liveNext: { vi: "kiểm tra lại sau {s} giây · c: kiểm tra ngay", en: "next look in {s} s · c: check now" },
  liveCheckedAgo: { vi: "đã kiểm tra {s} giây trước", en: "checked {s} s ago" },
  liveAgain: { vi: "kiểm tra lại ngay", en: "looking again now" },
  livePaused: {
    vi: "Tạm dừng kiểm tra trực tiếp (đang chạy, hoặc có hộp thoại).",
    en: "Live checking paused (a run or a dialog is on).",
  },
  liveStart: {
    vi: "genai-lab kiểm tra phần bạn làm vài giây một lần; c: kiểm tra ngay.",
    en: "genai-lab checks your work every few seconds; c: check now.",
  },
  cleanupNothingYet: {
    vi: "Chưa có gì để dọn: chưa bước nào của bài lab được làm. Kiểm tra trực tiếp bắt đầu khi đã có.",
    en: "Nothing to clean up yet: no lab step has been done. Live checking starts once one has.",
  },
  liveNoChecks: {
    vi: "Bước này không có mục kiểm tra riêng: phần việc của nó được kiểm tra cùng bước sau.",
    en: "This step has no check of its own: its work is checked with the next step.",
  },
  doneByYou: { vi: "bạn tự làm", en: "done by you" },
  aboutStep: { vi: "Về bước này", en: "About this step" },
  codeHidden: { vi: "(chế độ thi: ẩn code)", en: "(exam mode: code hidden)" },
  // ── Do it for me ──
  doItTitle: { vi: "Nhờ genai-lab làm giúp?", en: "Do it for me?" },
  doItQuestion: {
    vi: "Để genai-lab làm bước {n} · {title} thay bạn?",
    en: "Let genai-lab do step {n} · {title} for you?",
  },
  doItDetail: {
    vi: "genai-lab chạy các thao tác của bước, như ở chế độ có hướng dẫn. Checklist và mọi báo cáo sẽ ghi các mục của bước này là do genai-lab làm giúp, không phải bạn.",
    en: "genai-lab runs the step's actions, as in guided mode. The checklist and every report will say this step's items were done by genai-lab, not by you.",
  },
  // ── Copying commands ──
  copied: {
    vi: "Đã chép {count} dòng lệnh của bước {n} vào clipboard. Dán không ra? Y in chúng ra để chọn bằng chuột, hoặc chạy genai-lab commands --step {n}.",
    en: "Step {n}'s commands ({count} lines) copied to the clipboard. Nothing pastes? Y prints them to select with the mouse; or run genai-lab commands --step {n}.",
  },
  copyAlsoClipboard: {
    vi: "Cũng đã gửi vào clipboard (OSC 52) nếu terminal của bạn cho phép: thử dán.",
    en: "Also sent to your clipboard (OSC 52), if your terminal allows it: try pasting.",
  },
  copyNoClipboard: {
    vi: "Terminal này không nhận bản chép từ genai-lab (OSC 52): chọn các dòng ở trên bằng chuột, hoặc chạy genai-lab commands --step {n} trong shell.",
    en: "This terminal cannot take a copy from genai-lab (OSC 52): select the lines above with the mouse, or run genai-lab commands --step {n} in your shell.",
  },
  copyExam: {
    vi: "Chế độ thi: không chép được lệnh (đó là lời giải). h hiện gợi ý (được tính).",
    en: "Exam mode: there are no commands to copy (they are the answer). h reveals a hint (counted).",
  },
  hintCounted: {
    vi: "Gợi ý {n}/{total} — đã ghi nhận vào báo cáo.",
    en: "Hint {n} of {total} — counted in your report.",
  },
  // ── Lab complete ──
  completeTitle: { vi: "Hoàn thành bài lab", en: "Lab complete" },
  completeChecklist: { vi: "checklist đạt {passed}/{items}", en: "{passed}/{items} checklist items passed" },
  completeTime: { vi: "Thời gian", en: "Time taken" },
  completeByYou: { vi: "Bạn tự làm", en: "Done by you" },
  completeByRunner: { vi: "genai-lab làm", en: "By genai-lab" },
  completeOf: { vi: "{n}/{total} mục", en: "{n} of {total} items" },
  completeHints: { vi: "Gợi ý đã xem", en: "Hints used" },
  completeNext: { vi: "Thử tiếp", en: "What to try next" },
  completeNextReport: {
    vi: "genai-lab check --format json: báo cáo ghi ai làm từng mục và số gợi ý đã xem.",
    en: "genai-lab check --format json: your report says who did each item and the hints used.",
  },
  completeNextExam: {
    vi: "Làm lại ở chế độ thi (m): không có trợ giúp ngoài gợi ý, mỗi gợi ý đều được tính.",
    en: "Take it again in exam mode (m): no help but hints, each one counted.",
  },
  completeNextCleanup: {
    vi: "Dọn dẹp những gì bài lab đã tạo: bước Dọn dẹp, hoặc genai-lab cleanup.",
    en: "Clean up what the lab created: the Clean up step, or genai-lab cleanup.",
  },
  completeClose: {
    vi: "Esc đóng · tóm tắt đã được lưu cùng tiến độ",
    en: "Esc closes · this summary is saved with your progress",
  },
  welcomeSummary: {
    vi: "bạn tự làm {you}/{total} · gợi ý {hints} · {time}",
    en: "by you {you}/{total} · hints {hints} · {time}",
  },
  // ── Keys ──
  helpMore: { vi: "↓ còn nữa · PgDn cuộn xuống", en: "↓ more · PgDn scrolls down" },
  helpEnd: { vi: "↑ PgUp cuộn lên · Esc đóng", en: "↑ PgUp scrolls up · Esc closes" },
  keyMode: { vi: "chế độ", en: "mode" },
  keyModeLong: {
    vi: "Đổi cách làm bài lab: tự làm, có hướng dẫn, thi (được lưu)",
    en: "Change how you take the lab: hands-on, guided, exam (saved)",
  },
  keyChoose: { vi: "chọn", en: "choose" },
  keyChooseLong: { vi: "Chọn mục đang trỏ", en: "Pick the highlighted choice" },
  keyWay: { vi: "cách làm", en: "way" },
  keyWayLong: {
    vi: "Đến lượt bạn: chuyển giữa console, AWS CLI và Python",
    en: "Your turn: switch between the console, the AWS CLI and Python",
  },
  keyPrint: { vi: "in lệnh", en: "print" },
  keyPrintLong: {
    vi: "In các lệnh của bước ra để chọn bằng chuột (khi clipboard không nhận)",
    en: "Print the step's commands to select with the mouse (when the clipboard does not take them)",
  },
  keyDoIt: { vi: "làm giúp", en: "do it for me" },
  keyPoke: { vi: "kiểm tra ngay", en: "check now" },
} satisfies Record<string, Text>;

/** A mode's name where room is short (the header). */
export const MODE_SHORT: Record<Mode, Text> = {
  "hands-on": { vi: "tự làm", en: "hands-on" },
  guided: { vi: "hướng dẫn", en: "guided" },
  exam: { vi: "thi", en: "exam" },
};
