/**
 * `--help` for every command, in Vietnamese and English. Each command's options are generated from the flag table
 * (src/cli/args.ts: which commands a flag applies to, and its line of help), so the help cannot list a flag the
 * command refuses or miss one it accepts. What is written here is what a table cannot say: what the command is
 * for, how to call it, examples, exit codes. Plain text with no colour: it must read well in a terminal, in a pipe
 * and through a screen reader. Loaded at start-up, so it imports nothing heavy.
 */
import type { Lang, Text } from "../engine/text.js";
import { FLAGS, type CommandName } from "./args.js";
import { HANDS_ON_HELP } from "./help-hands-on.js";

type Topic = Exclude<CommandName, "help">;

export interface CommandHelp {
  /** "genai-lab run — …": what the command does, in a line. */
  title: Text;
  usage: string[];
  /** Paragraphs between the usage and the options. */
  about?: Text;
  examples?: string[];
  exit?: Text;
}

const EXIT: Text = {
  vi: "Mã thoát: 0 thành công · 1 một bước hoặc mục kiểm tra thất bại · 2 dùng sai / cấu hình sai · 130 bị ngắt (Ctrl+C)",
  en: "Exit codes: 0 success · 1 a step or a check failed · 2 bad usage or configuration · 130 interrupted (Ctrl+C)",
};

/** Column widths: names padded to these (a longer one gets two spaces), so the texts line up. */
const COMMAND_COLUMN = 11;
const FLAG_COLUMN = 25;

const HEADINGS = {
  usage: { vi: "Cách dùng", en: "Usage" },
  options: { vi: "Tuỳ chọn", en: "Options" },
  examples: { vi: "Ví dụ", en: "Examples" },
  more: { vi: "Xem thêm: genai-lab <lệnh> --help", en: "More: genai-lab <command> --help" },
};

const COMMAND_LIST: Record<Exclude<Topic, "tui">, Text> = {
  run: { vi: "Chạy các bước không cần tương tác, rồi in checklist", en: "Run the steps, then print the checklist" },
  check: {
    vi: "Chỉ chạy checklist kiểm tra (text, json, junit, markdown, csv)",
    en: "Run the verification checklist only (text, json, junit, markdown, csv)",
  },
  cleanup: {
    vi: "Xoá những gì bài lab đã tạo (theo sổ ghi tài nguyên)",
    en: "Delete what the lab created (from its resource ledger)",
  },
  doctor: { vi: "Kiểm tra trước khi làm lab (bước preflight)", en: "Preflight: the lab's preflight step" },
  reset: { vi: "Xoá tiến độ đã lưu (hỏi trước)", en: "Delete the saved progress (asks first)" },
  sandbox: {
    vi: "Chạy AWS offline cho AWS CLI, boto3, SDK",
    en: "Serve the offline AWS for the AWS CLI, boto3 and SDKs",
  },
  env: {
    vi: "In các dòng để terminal của bạn (AWS CLI, boto3) dùng đúng target của bài lab",
    en: "Print the lines that point your terminal (AWS CLI, boto3) at the lab's target",
  },
  commands: {
    vi: "In các lệnh để tự làm một bước, với giá trị thật của bạn",
    en: "Print the commands that do a step by hand, with your real values",
  },
  hint: {
    vi: "Hiện gợi ý tiếp theo của một bước (được tính vào báo cáo)",
    en: "Show a step's next hint (counted in the report)",
  },
  "verify-report": { vi: "Kiểm tra một báo cáo JSON có bị sửa không", en: "Check whether a JSON report was edited" },
  lab: {
    vi: "Cho tác giả: tạo bài lab mới, kiểm tra một bài lab",
    en: "For authors: scaffold a new lab, check a lab",
  },
};

const HELP: Record<Topic, CommandHelp> = {
  tui: {
    title: {
      vi: "genai-lab — bài lab có hướng dẫn về AWS ngay trên terminal",
      en: "genai-lab — guided AWS labs in your terminal",
    },
    usage: ["genai-lab [options]", "genai-lab <command> [options]"],
    about: {
      vi: `Không có lệnh: mở bài lab tương tác (cần terminal; không có thì chỉ hướng dẫn).

Ba chế độ (--mode, hoặc GENAI_LAB_MODE; được nhớ cho từng bài lab và target):
  hands-on   Bạn tự làm từng bước trong terminal của mình; genai-lab kiểm tra trực tiếp
  guided     genai-lab làm từng bước khi bạn yêu cầu (run --yes luôn là guided)
  exam       genai-lab không bao giờ làm thay; gợi ý được đếm
  Báo cáo ghi rõ ai đã làm từng mục: học viên hay genai-lab.

Tự làm trong terminal thứ hai:
  eval "$(genai-lab env)"       Trỏ AWS CLI, boto3 tới sandbox (hoặc profile AWS) của bài lab
  genai-lab commands --step 1   Các lệnh của bước 1
  genai-lab hint                Gợi ý tiếp theo cho bước đang làm

Bắt đầu nhanh (không cần tài khoản AWS, không tốn phí):
  genai-lab                     Học từng bước trên sandbox
  genai-lab run --yes           Chạy cả bài lab
  genai-lab check               Xem checklist

Với tài khoản AWS thật:
  genai-lab doctor --profile learner
  genai-lab run --profile learner --region us-east-1`,
      en: `No command: open the interactive lab (needs a terminal; without one it only explains).

Three modes (--mode, or GENAI_LAB_MODE; remembered per lab and target):
  hands-on   You do each step in your own terminal; genai-lab checks it live
  guided     genai-lab does each step when you ask (run --yes is always guided)
  exam       genai-lab never does a step for you; hints are counted
  Reports say who did each item's work: the learner or genai-lab.

Doing it yourself, in a second terminal:
  eval "$(genai-lab env)"       Point the AWS CLI and boto3 at the lab's sandbox (or AWS profile)
  genai-lab commands --step 1   Step 1's commands
  genai-lab hint                The next hint for the step you are on

Quick start (no AWS account, no cost):
  genai-lab                     Learn step by step on the sandbox
  genai-lab run --yes           Run the whole lab
  genai-lab check               See the checklist

On a real AWS account:
  genai-lab doctor --profile learner
  genai-lab run --profile learner --region us-east-1`,
    },
  },
  run: {
    title: {
      vi: "genai-lab run — chạy các bước của bài lab không cần tương tác, in tiến trình, rồi in checklist",
      en: "genai-lab run — run the lab's steps without interaction, print progress, then the checklist",
    },
    usage: ["genai-lab run [--step <n|id>] [--again] [--yes] [--mode M] [options]"],
    about: {
      vi: `Không có --yes, trang của mỗi bước được in trước các thao tác của nó.
Chạy lại sẽ tiếp tục ở bước đầu tiên chưa xong: các bước đã xong chỉ được kiểm tra lại, không làm lại (không gọi
model thêm lần nào); --again hoặc --step làm lại có chủ đích. Chạy lại nhiều lần vẫn an toàn.
Trên AWS thật, genai-lab hỏi trước khi tạo thứ có thể tính phí.

Các bước genai-lab làm được ghi là "genai-lab làm giúp" trong báo cáo; bước bạn tự làm được ghi cho bạn.`,
      en: `Without --yes, each step's page is printed before its actions.
Running again carries on at the first step not yet done: steps already done are re-checked, not redone (no new
model calls); --again or --step redoes on purpose. Running again is always safe.
On a real account, genai-lab asks before creating anything that may be billed.

Steps genai-lab performs are reported as "done by genai-lab"; steps you do yourself are credited to you.`,
    },
    examples: [
      "genai-lab run --yes",
      "genai-lab run --mode hands-on --step 1",
      "genai-lab run --step 3 --lang vi",
      "genai-lab run --lab ./my-lab --yes",
    ],
  },
  check: {
    title: {
      vi: "genai-lab check — chạy checklist kiểm tra của bài lab (chỉ đọc, không thay đổi gì), cho một học viên hay cả lớp",
      en: "genai-lab check — run the lab's verification checklist (read-only: changes nothing), for one learner or a class",
    },
    usage: [
      "genai-lab check [--format text|json|junit|markdown|csv] [--out FILE] [options]",
      "genai-lab check --accounts FILE | --profiles a,b,c [--concurrency N] [options]",
    ],
    about: {
      vi: `Các mục là checklist của bài lab, theo thứ tự của nó. Mỗi mục ghi ai đã làm phần việc nó kiểm tra
(doneBy: học viên hay genai-lab) và số gợi ý đã xem; xem docs/grading.md về điều doneBy chứng minh được và
không chứng minh được. Khi chấm cả lớp (xem docs/grading.md), tiến trình in ra
stderr; một học viên lỗi thông tin xác thực nhận các mục "lỗi", những người khác vẫn được chấm.

Báo cáo JSON có SHA-256 của nội dung (kiểm tra bằng genai-lab verify-report FILE); đặt GENAI_LAB_REPORT_KEY
hoặc GENAI_LAB_REPORT_KEY_FILE để ký thêm HMAC bằng khoá của giảng viên.`,
      en: `The items are the lab's checklist, in its order. Each item says who did the work it verified (doneBy: the
learner or genai-lab) and how many hints were used; docs/grading.md says what doneBy proves and what it cannot.
For a class (see docs/grading.md), progress goes to stderr; a
learner whose credentials fail gets "error" items, the others are still graded.

JSON reports carry a SHA-256 of their content (check it with genai-lab verify-report FILE); set
GENAI_LAB_REPORT_KEY or GENAI_LAB_REPORT_KEY_FILE to also sign them with the instructor's key (HMAC).`,
    },
    examples: [
      "genai-lab check",
      "genai-lab check --format json --out result.json",
      "genai-lab check --profile learner --format junit > junit.xml",
      "genai-lab check --accounts class.csv --format csv --out grades.csv",
      "genai-lab check --profiles an,binh,chi --fail-under 75",
    ],
    exit: {
      vi: "Mã thoát: 0 mọi mục đạt (hoặc điểm ≥ --fail-under) · 1 có mục không đạt · 2 dùng sai / cấu hình sai · 130 bị ngắt",
      en: "Exit codes: 0 every item passes (or the score ≥ --fail-under) · 1 an item failed · 2 bad usage or configuration · 130 interrupted",
    },
  },
  cleanup: {
    title: {
      vi: "genai-lab cleanup — xoá những gì bài lab đã tạo, và chỉ những thứ đó (theo sổ ghi tài nguyên)",
      en: "genai-lab cleanup — delete what the lab created, and only that (from its resource ledger)",
    },
    usage: ["genai-lab cleanup [--dry-run] [--yes] [options]"],
    about: {
      vi: "Chạy (các) bước dọn dẹp của bài lab. --yes: không hỏi lại, kể cả những câu hỏi về dữ liệu của bạn.",
      en: "Runs the lab's cleanup step(s). --yes: do not ask, not even about your own data.",
    },
  },
  doctor: {
    title: {
      vi: "genai-lab doctor — kiểm tra trước khi làm lab: chạy (các) bước preflight của bài lab, và chỉ chúng",
      en: "genai-lab doctor — preflight: runs the lab's preflight step(s), and nothing else",
    },
    usage: ["genai-lab doctor [options]"],
    about: {
      vi: "Với bài lab có sẵn: bạn là ai (account, Region), model có gọi được không, và IAM policy tối thiểu cần gắn.",
      en: "For the built-in lab: who you are (account, Region), whether the model can be called, the IAM policy to attach.",
    },
  },
  reset: {
    title: {
      vi: "genai-lab reset — xoá tiến độ đã lưu của bài lab trên target này (hỏi trước)",
      en: "genai-lab reset — delete the lab's saved progress on this target (asks first)",
    },
    usage: ["genai-lab reset [--yes] [--forget-resources] [options]"],
    about: {
      vi: `Không xoá tài nguyên AWS nào: dùng genai-lab cleanup cho việc đó. Sổ ghi tài nguyên bài lab đã tạo được giữ
lại, nên cleanup vẫn xoá được chúng sau khi reset. Tệp tiến độ bị hỏng được chuyển sang chỗ khác, không bị xoá.`,
      en: `Deletes no AWS resources: use genai-lab cleanup for that. The ledger of what the lab created is kept, so
cleanup can still remove it after a reset. A damaged progress file is moved aside, not deleted.`,
    },
  },
  sandbox: {
    title: {
      vi: "genai-lab sandbox — chạy AWS offline trên máy bạn cho AWS CLI, boto3 và các SDK",
      en: "genai-lab sandbox — serve the offline AWS on your machine for the AWS CLI, boto3 and the SDKs",
    },
    usage: [
      "genai-lab sandbox [--port 4566] [--host 127.0.0.1] [--allow-host NAME] [--in-memory] [--faults SPEC]",
      "                  [--model-endpoint URL [--model-map MAP]]",
      "genai-lab sandbox seed --hours N --rate R [--seed S] [--scenario NAME]",
    ],
    about: {
      vi: `Bedrock, Bedrock Runtime, CloudWatch Logs + Logs Insights, CloudWatch, STS, IAM. Câu trả lời của model là mô
phỏng (simulated), trừ khi có --model-endpoint; có cả hai kiểu stream (InvokeModelWithResponseStream,
ConverseStream). "seed" tạo lịch sử gọi model giả lập (log + metrics) của một ứng dụng GenAI, có thể kèm một sự cố
(--scenario).

Biến môi trường: GENAI_LAB_MODEL_ENDPOINT, GENAI_LAB_MODEL_MAP (cũng cho sandbox mà genai-lab, run, check tự khởi
động), GENAI_LAB_MODEL_TIMEOUT_MS (mặc định 300000), GENAI_LAB_MODEL_API_KEY, GENAI_LAB_SANDBOX_STREAM_SCALE (tốc
độ stream mô phỏng: 1 = như thật, 0 = không chờ).`,
      en: `Bedrock, Bedrock Runtime, CloudWatch Logs + Logs Insights, CloudWatch, STS, IAM. The model's replies are
simulated unless --model-endpoint is given; both streams work (InvokeModelWithResponseStream, ConverseStream).
"seed" backfills a GenAI application's simulated invocation history (logs + metrics), with an incident if asked
(--scenario).

Environment: GENAI_LAB_MODEL_ENDPOINT, GENAI_LAB_MODEL_MAP (also for the sandbox genai-lab, run and check start
themselves), GENAI_LAB_MODEL_TIMEOUT_MS (default 300000), GENAI_LAB_MODEL_API_KEY, GENAI_LAB_SANDBOX_STREAM_SCALE
(simulated stream speed: 1 = real time, 0 = no waiting).`,
    },
    examples: [
      "genai-lab sandbox",
      "aws --endpoint-url http://127.0.0.1:4566 logs describe-log-groups",
      "genai-lab sandbox seed --hours 24 --rate 2",
      "genai-lab sandbox seed --hours 6 --rate 3 --scenario cost-spike",
      "genai-lab sandbox --model-endpoint http://localhost:11434 --model-map llama3.2",
    ],
    exit: {
      vi: "Mã thoát: 0 dừng bình thường · 2 dùng sai / cổng đang bận · 130 bị ngắt",
      en: "Exit codes: 0 stopped normally · 2 bad usage / port in use · 130 interrupted",
    },
  },
  ...HANDS_ON_HELP,
  "verify-report": {
    title: {
      vi: "genai-lab verify-report — kiểm tra một báo cáo JSON (genai-lab check --format json) có bị sửa không",
      en: "genai-lab verify-report — check whether a JSON report (genai-lab check --format json) was edited",
    },
    usage: ["genai-lab verify-report FILE"],
    about: {
      vi: `Tính lại SHA-256 trên dạng JSON chuẩn hoá (RFC 8785) của nội dung và so với giá trị ghi trong báo cáo; với
báo cáo của cả lớp, kiểm tra cả báo cáo của từng học viên. Nếu đặt GENAI_LAB_REPORT_KEY hoặc
GENAI_LAB_REPORT_KEY_FILE, báo cáo phải có chữ ký HMAC đúng bằng khoá đó.

Giới hạn: SHA-256 phát hiện chỉnh sửa, nhưng ai biết cách có thể tính lại nó; chỉ chữ ký HMAC (khoá của giảng
viên) chứng minh báo cáo do người giữ khoá tạo ra.`,
      en: `Recomputes the SHA-256 of the content's canonical JSON (RFC 8785) and compares it with the one the report
carries; for a class, every learner's report too. With GENAI_LAB_REPORT_KEY or GENAI_LAB_REPORT_KEY_FILE set,
the report must also carry a valid HMAC signature made with that key.

Limits: the SHA-256 detects edits, but anyone who knows how can recompute it; only the HMAC signature (the
instructor's key) proves that the key holder produced the report.`,
    },
    exit: {
      vi: "Mã thoát: 0 hợp lệ · 1 đã bị sửa (hoặc chữ ký sai / thiếu) · 2 không đọc được tệp",
      en: "Exit codes: 0 valid · 1 edited (or the signature is wrong or missing) · 2 the file cannot be read",
    },
  },
  lab: {
    title: {
      vi: "genai-lab lab — cho tác giả: tạo một bài lab mới, kiểm tra một bài lab đã sẵn sàng chưa",
      en: "genai-lab lab — for authors: scaffold a new lab, check that a lab is ready",
    },
    usage: ["genai-lab lab new DIR", "genai-lab lab check DIR [--param KEY=VALUE]"],
    about: {
      vi: `new: tạo trong DIR một bài lab chạy được ngay (hai bước, tiếng Việt và tiếng Anh) để sửa thành bài của bạn.
check: nạp bài lab, kiểm tra đủ hai ngôn ngữ, rồi chạy nó trên một sandbox mới trong bộ nhớ: mọi mục checklist
phải trượt trước khi chạy bước nào, và đạt sau bước của nó; mọi lệnh bài lab in ra phải hợp lệ.
Chạy bằng genai-lab run --lab DIR: TypeScript hoặc JavaScript, không cần build, không cần node_modules trong DIR.
Xem docs/authoring.md.`,
      en: `new: writes into DIR a lab that works as it is (two steps, Vietnamese and English), to change into your own.
check: loads the lab, checks both languages, then runs it on a fresh in-memory sandbox: every checklist item must
fail before any step ran and pass after its step; every command the lab prints must parse.
Run it with genai-lab run --lab DIR: TypeScript or JavaScript, no build step, no node_modules in DIR.
See docs/authoring.md.`,
    },
    examples: ["genai-lab lab new ./my-lab", "genai-lab lab check ./my-lab", "genai-lab run --lab ./my-lab"],
    exit: {
      vi: "Mã thoát: 0 sẵn sàng · 1 còn mục chưa đạt · 2 dùng sai / bài lab không nạp được",
      en: "Exit codes: 0 ready · 1 findings to fix · 2 bad usage / the lab does not load",
    },
  },
};

/** The flags `command` accepts, in the table's order, as help lines. */
function optionLines(command: Topic, lang: Lang): string[] {
  const rows = Object.entries(FLAGS)
    .filter(([, spec]) => spec.commands === "all" || (spec.commands as readonly string[]).includes(command))
    .map(([name, spec]) => {
      const short = "short" in spec ? `-${spec.short}, ` : "";
      const value = "value" in spec ? ` ${spec.value}` : "";
      const help =
        ("helpFor" in spec ? (spec.helpFor as Partial<Record<Topic, Text>>)[command] : undefined) ?? spec.help;
      return [`${short}--${name}${value}`, help[lang]] as const;
    });
  const width = Math.max(FLAG_COLUMN, ...rows.map(([flag]) => flag.length + 2));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`);
}

export function helpText(command: CommandName, lang: Lang): string {
  const topic: Topic = command === "help" ? "tui" : command;
  const help = HELP[topic];
  const usage = help.usage.map((line) =>
    lang === "vi" ? line.replace("[options]", "[tuỳ chọn]").replace("<command>", "<lệnh>") : line,
  );
  const parts = [help.title[lang], `${HEADINGS.usage[lang]}:\n${usage.map((line) => `  ${line}`).join("\n")}`];
  if (help.about) parts.push(help.about[lang]);
  if (topic === "tui") {
    const commands = Object.entries(COMMAND_LIST).map(
      ([name, text]) => `  ${name.padEnd(Math.max(COMMAND_COLUMN, name.length + 2))}${text[lang]}`,
    );
    parts.push(`${lang === "vi" ? "Các lệnh" : "Commands"}:\n${commands.join("\n")}`);
  }
  parts.push(`${HEADINGS.options[lang]}:\n${optionLines(topic, lang).join("\n")}`);
  if (help.examples) parts.push(`${HEADINGS.examples[lang]}:\n${help.examples.map((line) => `  ${line}`).join("\n")}`);
  if (topic === "tui") parts.push(HEADINGS.more[lang]);
  parts.push((help.exit ?? EXIT)[lang]);
  return `${parts.join("\n\n")}\n`;
}
