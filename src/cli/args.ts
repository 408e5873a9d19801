/**
 * argv → a command and its options, with node's own parseArgs (no dependency, nothing to load at start-up).
 * Every flag is declared once here with the commands that accept it; a flag given to the wrong command, an
 * unknown flag or a bad value is a UsageError naming the flag and the valid values.
 */
import { parseArgs } from "node:util";
import type { Text } from "../engine/text.js";
import { UsageError } from "../engine/usage-error.js";

export const COMMANDS = [
  "tui",
  "run",
  "check",
  "cleanup",
  "doctor",
  "reset",
  "sandbox",
  "env",
  "commands",
  "hint",
  "verify-report",
  "lab",
  "help",
] as const;
export type CommandName = (typeof COMMANDS)[number];

type FlagSpec = {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  commands: readonly CommandName[] | "all";
  values?: readonly string[];
  /** How the value is named in --help (`--step N|ID`). */
  value?: string;
  /** The flag's line in --help, in both languages (help.ts builds every command's option list from these). */
  help: Text;
  /** Where the flag means something more particular for one command, that command's line. */
  helpFor?: Partial<Record<CommandName, Text>>;
};

const LAB_COMMANDS = ["tui", "run", "check", "cleanup", "doctor", "reset", "commands", "hint"] as const;
/** `env` names a target without opening it: the target's flags, and no lab. */
const TARGET_COMMANDS = [...LAB_COMMANDS, "env"] as const;

export const FLAGS = {
  target: {
    type: "string",
    commands: TARGET_COMMANDS,
    values: ["sandbox", "aws"],
    value: "sandbox|aws",
    help: {
      vi: "Chạy trên sandbox offline (mặc định) hoặc tài khoản AWS thật",
      en: "Run on the offline sandbox (default) or a real AWS account",
    },
  },
  profile: {
    type: "string",
    commands: TARGET_COMMANDS,
    value: "P",
    help: { vi: "Profile AWS (ngụ ý --target aws)", en: "AWS profile (implies --target aws)" },
  },
  region: {
    type: "string",
    commands: [...TARGET_COMMANDS, "sandbox"],
    value: "R",
    help: {
      vi: "Region (mặc định: AWS_REGION, profile, rồi Region của bài lab); với sandbox seed: Region của lịch sử",
      en: "Region (default: AWS_REGION, the profile, then the lab's); for sandbox seed: the history's Region",
    },
  },
  "endpoint-url": {
    type: "string",
    commands: TARGET_COMMANDS,
    value: "URL",
    help: {
      vi: "Endpoint tương thích AWS (LocalStack, sandbox chạy riêng…)",
      en: "Any AWS-compatible endpoint (LocalStack, a standalone sandbox…)",
    },
  },
  lang: {
    type: "string",
    commands: "all",
    values: ["vi", "en"],
    value: "vi|en",
    help: {
      vi: "Ngôn ngữ (mặc định: lựa chọn đã lưu, rồi LANG)",
      en: "Language (default: your saved choice, then LANG)",
    },
  },
  "model-id": {
    type: "string",
    commands: LAB_COMMANDS,
    value: "ID",
    help: {
      vi: "Đặt tham số modelId của bài lab (như --param modelId=ID)",
      en: "Sets the lab's modelId parameter (as --param modelId=ID)",
    },
  },
  "logging-role-arn": {
    type: "string",
    commands: ["tui", "run", "doctor"],
    value: "ARN",
    help: {
      vi: "Đặt tham số loggingRoleArn của bài lab: một IAM role có sẵn, dùng nguyên trạng",
      en: "Sets the lab's loggingRoleArn parameter: an existing IAM role, used as it is",
    },
  },
  param: {
    type: "string",
    multiple: true,
    commands: [...LAB_COMMANDS, "lab"],
    value: "KEY=VALUE",
    help: {
      vi: "Ghi đè một tham số của bài lab (lặp lại được; danh sách phân tách bằng |)",
      en: "Override one lab parameter (repeatable; lists separated by |)",
    },
  },
  lab: {
    type: "string",
    commands: TARGET_COMMANDS,
    value: "DIR",
    help: {
      vi: "Chạy một bài lab khác: thư mục có lab.ts và NN-tên/step.ts (xem genai-lab lab --help)",
      en: "Run another lab: a folder with lab.ts and NN-name/step.ts (see genai-lab lab --help)",
    },
  },
  "state-dir": {
    type: "string",
    commands: [...TARGET_COMMANDS, "sandbox"],
    value: "DIR",
    help: {
      vi: "Nơi lưu tiến độ và dữ liệu sandbox (mặc định: $GENAI_LAB_HOME, $XDG_STATE_HOME/genai-lab)",
      en: "Where progress and sandbox data are kept (default: $GENAI_LAB_HOME, $XDG_STATE_HOME/genai-lab)",
    },
  },
  "no-color": {
    type: "boolean",
    commands: "all",
    help: { vi: "Không dùng màu (NO_COLOR cũng vậy)", en: "No colours (so does NO_COLOR)" },
  },
  debug: { type: "boolean", commands: "all", help: { vi: "In chi tiết lỗi", en: "Print error details" } },
  redact: {
    type: "boolean",
    commands: ["tui", "run", "check", "doctor"],
    help: {
      vi: "Che account ID và ARN (khi trình chiếu); với check: thay account ID bằng mã băm có salt (GENAI_LAB_REDACT_SALT)",
      en: "Hide account ids and ARNs (when presenting); for check: a salted hash instead (GENAI_LAB_REDACT_SALT)",
    },
  },
  presenter: {
    type: "boolean",
    commands: ["tui"],
    help: {
      vi: "Chế độ trình chiếu: chữ đậm, tương phản cao, che account ID và ARN",
      en: "Presenter mode: bold, high-contrast, account ids and ARNs hidden",
    },
  },
  help: { type: "boolean", short: "h", commands: "all", help: { vi: "Trợ giúp này", en: "This help" } },
  version: { type: "boolean", short: "v", commands: "all", help: { vi: "Phiên bản", en: "The version" } },
  step: {
    type: "string",
    commands: ["run", "commands", "hint"],
    value: "N|ID",
    help: {
      vi: "Bước nào (mặc định: bước đầu tiên chưa đạt)",
      en: "Which step (default: the first one not yet passed)",
    },
    helpFor: {
      run: {
        vi: "Chỉ chạy một bước (ví dụ --step 2 hoặc --step view-logs)",
        en: "Run one step only (e.g. --step 2 or --step view-logs)",
      },
    },
  },
  python: {
    type: "boolean",
    commands: ["commands"],
    help: {
      vi: "In đoạn Python (boto3) của bước thay cho các lệnh AWS CLI (lưu ra file rồi chạy bằng python3)",
      en: "Print the step's Python (boto3) snippet instead of its AWS CLI lines (save it, then run it with python3)",
    },
  },
  again: {
    type: "boolean",
    commands: ["run"],
    help: {
      vi: "Làm lại các bước đã qua (mặc định run tiếp tục từ bước đầu tiên chưa qua; bước đã qua chỉ được kiểm tra lại)",
      en: "Redo steps that already passed (by default run carries on at the first step not yet passed, re-checking the others)",
    },
  },
  mode: {
    type: "string",
    commands: ["tui", "run", "check"],
    values: ["hands-on", "guided", "exam"],
    value: "M",
    help: {
      vi: "hands-on, guided hoặc exam (mặc định: lựa chọn đã lưu, nếu chưa có thì được hỏi)",
      en: "hands-on, guided or exam (default: your saved choice; asked when there is none)",
    },
    helpFor: {
      run: {
        vi: "guided: genai-lab làm từng bước; hands-on: in việc cần làm và lệnh của từng bước, rồi kiểm tra trực tiếp trong lúc bạn tự làm ở terminal khác (Enter: kiểm tra ngay); exam: không làm gì thay bạn (thoát với mã 2). Mặc định: chế độ đã lưu, rồi guided",
        en: "guided: genai-lab does each step; hands-on: print each step's task and commands, then check live while you work in another terminal (Enter: check now); exam: nothing is done for you (exit 2). Default: the saved mode, then guided",
      },
      check: {
        vi: "Chế độ ghi vào báo cáo (mặc định: GENAI_LAB_MODE, rồi chế độ đã lưu)",
        en: "The mode the report states (default: GENAI_LAB_MODE, then the saved mode)",
      },
    },
  },
  shell: {
    type: "string",
    commands: ["env"],
    values: ["bash", "zsh", "fish", "powershell"],
    value: "S",
    help: {
      vi: "bash, zsh, fish hoặc powershell (mặc định: theo SHELL)",
      en: "bash, zsh, fish or powershell (default: from SHELL)",
    },
  },
  yes: {
    type: "boolean",
    short: "y",
    commands: ["tui", "run", "cleanup", "reset"],
    help: {
      vi: "Đồng ý trước mọi câu hỏi xác nhận (cần khi không có TTY trên AWS thật)",
      en: "Agree to every confirmation up front (needed without a TTY on real AWS)",
    },
    helpFor: {
      run: {
        vi: "Đồng ý trước mọi câu hỏi (cần khi không có TTY trên AWS thật); luôn là guided, và không in trang của từng bước",
        en: "Agree to every question up front (needed without a TTY on real AWS); always guided, and prints no step pages",
      },
    },
  },
  format: {
    type: "string",
    commands: ["check"],
    values: ["text", "json", "junit", "markdown", "csv"],
    value: "F",
    help: {
      vi: "text cho người đọc (mặc định); json ổn định cho máy; junit cho CI/LMS; markdown để dán; csv cho sổ điểm",
      en: "text for people (default); stable json for machines; junit for CI/LMS; markdown to paste; csv for the gradebook",
    },
  },
  out: {
    type: "string",
    commands: ["check"],
    value: "FILE",
    help: {
      vi: "Ghi báo cáo vào tệp thay vì stdout (khi chấm cả lớp, stdout vẫn in bảng kết quả)",
      en: "Write the report to a file instead of stdout (for a class, stdout still shows the matrix)",
    },
  },
  profiles: {
    type: "string",
    commands: ["check"],
    value: "a,b,c",
    help: { vi: "Chấm cả lớp: mỗi profile AWS là một học viên", en: "Grade a class: one learner per AWS profile" },
  },
  accounts: {
    type: "string",
    commands: ["check"],
    value: "FILE",
    help: {
      vi: "Chấm cả lớp: danh sách tài khoản (CSV hoặc JSON: account, role, name…); genai-lab assume role đó bằng STS",
      en: "Grade a class: a roster (CSV or JSON: account, role, name…); genai-lab assumes that role with STS",
    },
  },
  concurrency: {
    type: "string",
    commands: ["check"],
    value: "N",
    help: {
      vi: "Số tài khoản chấm cùng lúc (mặc định 8, tối đa 64)",
      en: "Accounts graded at once (default 8, at most 64)",
    },
  },
  "fail-under": {
    type: "string",
    commands: ["check"],
    value: "P",
    help: {
      vi: "Thoát 0 khi điểm đạt ít nhất P% (0–100), dù có mục chưa đạt; 1 khi thấp hơn",
      en: "Exit 0 when the score is at least P percent (0–100), even if an item failed; 1 below",
    },
  },
  "dry-run": {
    type: "boolean",
    commands: ["cleanup"],
    help: { vi: "Chỉ in kế hoạch, không xoá gì", en: "Print the plan only; delete nothing" },
  },
  "forget-resources": {
    type: "boolean",
    commands: ["reset"],
    help: {
      vi: "Xoá cả sổ ghi tài nguyên: cleanup sẽ không còn theo dõi được những gì bài lab đã tạo",
      en: "Also drop the resource ledger: cleanup will no longer track what the lab created",
    },
  },
  port: {
    type: "string",
    commands: ["sandbox"],
    value: "N",
    help: { vi: "Cổng (mặc định 4566; 0 = cổng ngẫu nhiên)", en: "Port (default 4566; 0 = any free port)" },
  },
  host: {
    type: "string",
    commands: ["sandbox"],
    value: "H",
    help: {
      vi: "Địa chỉ lắng nghe (mặc định 127.0.0.1; địa chỉ khác sẽ có cảnh báo)",
      en: "Address to listen on (default 127.0.0.1; anything else warns)",
    },
  },
  "allow-host": {
    type: "string",
    multiple: true,
    commands: ["sandbox"],
    value: "NAME",
    help: {
      vi: "Thêm một tên máy mà client được dùng trong Host (lặp lại được; ví dụ cho lớp học với --host 0.0.0.0). Tên khác bị từ chối, để trang web lạ không điều khiển được sandbox",
      en: "Another name clients may use in Host (repeatable; e.g. for a class on --host 0.0.0.0). Other names are refused, so no web page can drive the sandbox",
    },
  },
  "in-memory": {
    type: "boolean",
    commands: ["sandbox"],
    help: { vi: "Không lưu dữ liệu xuống đĩa", en: "Keep nothing on disk" },
  },
  faults: {
    type: "string",
    commands: ["sandbox"],
    value: "SPEC",
    help: {
      vi: 'Lỗi giả lập, ví dụ "throttle=0.3,5xx=0.1,latency=200"',
      en: 'Simulated faults, e.g. "throttle=0.3,5xx=0.1,latency=200"',
    },
  },
  "delivery-delay": {
    type: "string",
    commands: ["sandbox"],
    value: "MS",
    help: {
      vi: "Độ trễ từ một lời gọi model tới bản ghi log của nó (mặc định vài giây)",
      en: "Delay from a model call to its log record (default a few seconds)",
    },
  },
  "model-endpoint": {
    type: "string",
    commands: ["sandbox"],
    value: "URL",
    help: {
      vi: "Dùng model thật thay cho model mô phỏng: server tương thích OpenAI (ví dụ http://localhost:11434 của Ollama); lỗi của nó trả về như lỗi Bedrock, không bao giờ lặng lẽ quay về model mô phỏng",
      en: "Answer with a real model instead of the simulated one: an OpenAI-compatible server (e.g. Ollama's http://localhost:11434); its failures come back as Bedrock errors, never as a silent switch to the simulation",
    },
  },
  "model-map": {
    type: "string",
    commands: ["sandbox"],
    value: "MAP",
    help: {
      vi: 'Model cục bộ nào trả lời cho Bedrock id nào, ví dụ "anthropic.*=qwen2.5:7b,*=llama3.2" (mặc định: model đầu tiên server liệt kê)',
      en: 'Which local model serves which Bedrock id, e.g. "anthropic.*=qwen2.5:7b,*=llama3.2" (default: the first model the server lists)',
    },
  },
  hours: {
    type: "string",
    commands: ["sandbox"],
    value: "N",
    help: { vi: "Với seed: số giờ lịch sử", en: "For seed: hours of history" },
  },
  rate: {
    type: "string",
    commands: ["sandbox"],
    value: "R",
    help: {
      vi: "Với seed: số lời gọi mỗi phút (trung bình cả tuần)",
      en: "For seed: calls per minute (averaged over a week)",
    },
  },
  seed: {
    type: "string",
    commands: ["sandbox"],
    value: "S",
    help: {
      vi: "Với seed: cùng S thì cùng lịch sử (mặc định 20250815)",
      en: "For seed: the same S gives the same history (default 20250815)",
    },
  },
  scenario: {
    type: "string",
    commands: ["sandbox"],
    values: ["steady", "throttling", "cost-spike", "truncation", "delivery-failure"],
    value: "NAME",
    help: {
      vi: "Với seed: steady (mặc định), throttling, cost-spike, truncation hoặc delivery-failure — sự cố bắt đầu 45 phút trước cuối lịch sử và vẫn đang diễn ra",
      en: "For seed: steady (default), throttling, cost-spike, truncation or delivery-failure — the incident starts 45 minutes before the end and is still going on",
    },
  },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;
export type Flags = {
  [K in FlagName]?: (typeof FLAGS)[K] extends { type: "boolean" }
    ? boolean
    : (typeof FLAGS)[K] extends { multiple: true }
      ? string[]
      : string;
};

export interface ParsedArgs {
  command: CommandName;
  /** Positionals after the command (e.g. `sandbox seed`, `help run`). */
  rest: string[];
  flags: Flags;
}

const usage = (text: Text) => new UsageError(text);

export function parseArgv(argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...("short" in spec ? { short: spec.short } : {}),
        ...("multiple" in spec ? { multiple: true } : {}),
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw fromParseError(error as Error & { code?: string });
  }
  const [first, ...rest] = parsed.positionals;
  let command: CommandName = "tui";
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first) || first === "tui") {
      // Derived from COMMANDS, so a new command is listed without anyone remembering to.
      const names = COMMANDS.filter((name) => name !== "tui" && name !== "help").join(", ");
      throw usage({
        vi: `Không có lệnh "${first}". Các lệnh: ${names} (gõ genai-lab --help).`,
        en: `There is no command "${first}". Commands: ${names} (see genai-lab --help).`,
      });
    }
    command = first as CommandName;
  }
  const flags = parsed.values as Flags;
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const name = token.name as FlagName;
    const spec: FlagSpec = FLAGS[name];
    if (command !== "help" && spec.commands !== "all" && !spec.commands.includes(command)) {
      const where = command === "tui" ? "genai-lab" : `genai-lab ${command}`;
      throw usage({
        vi: `--${name} không dùng được với ${where} (xem ${where} --help).`,
        en: `--${name} does not apply to ${where} (see ${where} --help).`,
      });
    }
    if (spec.values && token.value !== undefined && !spec.values.includes(token.value)) {
      throw usage({
        vi: `--${name}: giá trị "${token.value}" không hợp lệ. Chọn một trong: ${spec.values.join(", ")}.`,
        en: `--${name}: "${token.value}" is not valid. Choose one of: ${spec.values.join(", ")}.`,
      });
    }
  }
  if (
    command !== "sandbox" &&
    command !== "help" &&
    command !== "verify-report" &&
    command !== "lab" &&
    rest.length > 0
  ) {
    throw usage({ vi: `Tham số thừa: ${rest.join(" ")}.`, en: `Unexpected argument: ${rest.join(" ")}.` });
  }
  return { command, rest, flags };
}

function fromParseError(error: Error & { code?: string }): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    // Flags that start with what was typed ("--form" → --format); else with its first three letters.
    const typed = flag.replace(/^-+/, "");
    const names = Object.keys(FLAGS);
    const whole = names.filter((name) => name.startsWith(typed));
    const known = (whole.length > 0 ? whole : names.filter((name) => name.startsWith(typed.slice(0, 3)))).map(
      (name) => `--${name}`,
    );
    return usage({
      vi: `Không có tuỳ chọn ${flag}.${known.length ? ` Có phải ý bạn là ${known.join(", ")}?` : ""} (gõ genai-lab --help).`,
      en: `There is no option ${flag}.${known.length ? ` Did you mean ${known.join(", ")}?` : ""} (see genai-lab --help).`,
    });
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    // Also what a value starting with "-" looks like to the parser (--hours -1): say how to pass one.
    return usage({
      vi: `${flag} cần một giá trị (ví dụ ${flag} <giá trị>; giá trị bắt đầu bằng "-" thì viết ${flag}=<giá trị>).`,
      en: `${flag} needs a value (e.g. ${flag} <value>; for a value starting with "-", write ${flag}=<value>).`,
    });
  }
  return usage({ vi: error.message, en: error.message });
}

/** A number flag within bounds (a whole number unless `fractions`), or a UsageError naming it. */
export function numberFlag(
  name: FlagName,
  value: string | undefined,
  min: number,
  max: number,
  options: { fractions?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === "" ? NaN : Number(value);
  const ok = options.fractions ? Number.isFinite(n) : Number.isInteger(n);
  if (!ok || n < min || n > max) {
    const kind = options.fractions ? { vi: "một số", en: "a number" } : { vi: "số nguyên", en: "a whole number" };
    throw usage({
      vi: `--${name}: "${value}" phải là ${kind.vi} từ ${min} đến ${max}.`,
      en: `--${name}: "${value}" must be ${kind.en} from ${min} to ${max}.`,
    });
  }
  return n;
}
