/**
 * `--help` for every command, in Vietnamese and English. Plain text with no colour: it must read well in a
 * terminal, in a pipe and through a screen reader. Loaded at start-up, so it imports nothing heavy.
 */
import type { Lang, Text } from "../engine/text.js";
import type { CommandName } from "./args.js";
import { handsOnHelp } from "./help-hands-on.js";

const COMMON: Text = {
  vi: `Tuỳ chọn chung:
  --target sandbox|aws   Chạy trên sandbox offline (mặc định) hoặc tài khoản AWS thật
  --profile P            Profile AWS (ngụ ý --target aws)
  --region R             Region (mặc định: AWS_REGION, profile, rồi us-east-1)
  --endpoint-url URL     Endpoint tương thích AWS (LocalStack, sandbox chạy riêng…)
  --model-id ID          Model Bedrock dùng cho bài lab
  --lang vi|en           Ngôn ngữ (mặc định: lựa chọn đã lưu, rồi LANG)
  --state-dir DIR        Nơi lưu tiến độ (mặc định: $GENAI_LAB_HOME, $XDG_STATE_HOME/genai-lab)
  --lab DIR              Chạy một bài lab khác (thư mục chứa lab.js và NN-*.js)
  --param KEY=VALUE      Ghi đè một tham số của bài lab (lặp lại được; danh sách phân tách bằng |)
  --no-color             Không dùng màu (NO_COLOR cũng vậy)
  --debug                In chi tiết lỗi
  -h, --help             Trợ giúp    -v, --version   Phiên bản`,
  en: `Common options:
  --target sandbox|aws   Run on the offline sandbox (default) or a real AWS account
  --profile P            AWS profile (implies --target aws)
  --region R             Region (default: AWS_REGION, the profile, then us-east-1)
  --endpoint-url URL     Any AWS-compatible endpoint (LocalStack, a standalone sandbox…)
  --model-id ID          The Bedrock model the lab uses
  --lang vi|en           Language (default: your saved choice, then LANG)
  --state-dir DIR        Where progress is kept (default: $GENAI_LAB_HOME, $XDG_STATE_HOME/genai-lab)
  --lab DIR              Run another lab (a folder with lab.js and NN-*.js)
  --param KEY=VALUE      Override one lab parameter (repeatable; lists separated by |)
  --no-color             No colours (so does NO_COLOR)
  --debug                Print error details
  -h, --help             This help   -v, --version   The version`,
};

const EXIT: Text = {
  vi: "Mã thoát: 0 thành công · 1 một bước hoặc mục kiểm tra thất bại · 2 dùng sai / cấu hình sai · 130 bị ngắt (Ctrl+C)",
  en: "Exit codes: 0 success · 1 a step or a check failed · 2 bad usage or configuration · 130 interrupted (Ctrl+C)",
};

const HELP: Record<Exclude<CommandName, "help">, Text> = {
  tui: {
    vi: `genai-lab — bài lab có hướng dẫn trên terminal: "Giám sát ứng dụng GenAI với CloudWatch"

Cách dùng:
  genai-lab [tuỳ chọn]          Mở bài lab tương tác (cần terminal; không có thì chỉ hướng dẫn)
  genai-lab <lệnh> [tuỳ chọn]

Các lệnh:
  run        Chạy các bước không cần tương tác, rồi in checklist
  check      Chỉ chạy checklist kiểm tra (text, json, junit, markdown, csv)
  cleanup    Xoá những gì bài lab đã tạo (theo sổ ghi tài nguyên)
  doctor     Kiểm tra trước: danh tính, Region, model, quyền IAM
  reset      Xoá tiến độ đã lưu (hỏi trước)
  sandbox    Chạy AWS offline cho AWS CLI, boto3, SDK
  env        In các dòng để terminal của bạn (AWS CLI, boto3) dùng đúng target của bài lab
  commands   In các lệnh để tự làm một bước, với giá trị thật của bạn
  hint       Hiện gợi ý tiếp theo của một bước (được tính vào báo cáo)
  verify-report  Kiểm tra một báo cáo JSON có bị sửa không

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
  genai-lab run --profile learner --region us-east-1

Tuỳ chọn khi học tương tác:
  --mode M                 hands-on, guided hoặc exam (mặc định: lựa chọn đã lưu, nếu chưa có thì được hỏi)
  -y, --yes                Đồng ý trước mọi câu hỏi xác nhận
  --logging-role-arn ARN   Dùng IAM role có sẵn cho invocation logging
  --redact                 Che account ID và ARN (khi trình chiếu)
  --presenter              Chế độ trình chiếu: chữ đậm, tương phản cao, che account ID và ARN

${COMMON.vi}

Xem thêm: genai-lab <lệnh> --help
${EXIT.vi}`,
    en: `genai-lab — a guided lab in your terminal: "Monitoring GenAI applications with CloudWatch"

Usage:
  genai-lab [options]           Open the interactive lab (needs a terminal; without one it only explains)
  genai-lab <command> [options]

Commands:
  run        Run the steps without interaction, then print the checklist
  check      Run the verification checklist only (text, json, junit, markdown, csv)
  cleanup    Delete what the lab created (from its resource ledger)
  doctor     Preflight: identity, Region, model, IAM permissions
  reset      Forget progress (asks first)
  sandbox    Serve the offline AWS for the AWS CLI, boto3 and SDKs
  env        Print the lines that point your terminal (AWS CLI, boto3) at the lab's target
  commands   Print the commands that do a step by hand, with your real values
  hint       Show a step's next hint (counted in the report)
  verify-report  Check whether a JSON report was edited

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
  genai-lab run --profile learner --region us-east-1

Interactive options:
  --mode M                 hands-on, guided or exam (default: your saved choice; asked when there is none)
  -y, --yes                Agree to every confirmation up front
  --logging-role-arn ARN   Use an existing IAM role for invocation logging
  --redact                 Hide account ids and ARNs (when presenting)
  --presenter              Presenter mode: bold, high-contrast, account ids and ARNs hidden

${COMMON.en}

More: genai-lab <command> --help
${EXIT.en}`,
  },
  run: {
    vi: `genai-lab run — chạy các bước của bài lab không cần tương tác, in tiến trình, rồi in checklist

Cách dùng:
  genai-lab run [--step <số|id>] [--again] [--yes] [--mode M] [tuỳ chọn]

  --step N|ID              Chỉ chạy một bước, kể cả khi nó đã xong (ví dụ --step 2 hoặc --step view-logs)
  --again                  Làm lại mọi bước từ đầu, kể cả các bước đã xong
  -y, --yes                Đồng ý trước mọi câu hỏi (cần khi không có TTY trên AWS thật); luôn là guided
  --mode M                 guided: genai-lab làm từng bước; hands-on: in việc cần làm và lệnh của từng bước,
                           rồi kiểm tra trực tiếp trong lúc bạn tự làm ở terminal khác (Enter: kiểm tra ngay);
                           exam: không làm gì thay bạn (thoát với mã 2). Mặc định: chế độ đã lưu, rồi guided
  --logging-role-arn ARN   Dùng IAM role có sẵn cho invocation logging thay vì tạo mới
  --redact                 Che account ID và ARN trong đầu ra

Chạy lại sẽ tiếp tục ở bước đầu tiên chưa xong: các bước đã xong chỉ được kiểm tra lại, không làm lại
(không gọi model thêm lần nào). Chạy lại nhiều lần vẫn an toàn.
Trên AWS thật, genai-lab hỏi trước khi tạo thứ có thể tính phí.

Các bước genai-lab làm được ghi là "genai-lab làm giúp" trong báo cáo; bước bạn tự làm được ghi cho bạn.

Ví dụ:
  genai-lab run --yes
  genai-lab run --mode hands-on --step 1
  genai-lab run --step 3 --lang vi
  genai-lab run --profile learner --model-id us.amazon.nova-lite-v1:0

${COMMON.vi}
${EXIT.vi}`,
    en: `genai-lab run — run the lab's steps without interaction, print progress, then the checklist

Usage:
  genai-lab run [--step <n|id>] [--again] [--yes] [--mode M] [options]

  --step N|ID              Run one step only, even one already done (e.g. --step 2 or --step view-logs)
  --again                  Do every step again from the start, done or not
  -y, --yes                Agree to every question up front (needed without a TTY on real AWS); always guided
  --mode M                 guided: genai-lab does each step; hands-on: print each step's task and commands,
                           then check live while you work in another terminal (Enter: check now);
                           exam: nothing is done for you (exit 2). Default: the saved mode, then guided
  --logging-role-arn ARN   Use an existing IAM role for invocation logging instead of creating one
  --redact                 Hide account ids and ARNs in the output

Running again carries on at the first step not yet done: steps already done are re-checked, not redone
(no new model calls). Running again is always safe.
On a real account, genai-lab asks before creating anything that may be billed.

Steps genai-lab performs are reported as "done by genai-lab"; steps you do yourself are credited to you.

Examples:
  genai-lab run --yes
  genai-lab run --mode hands-on --step 1
  genai-lab run --step 3 --lang vi
  genai-lab run --profile learner --model-id us.amazon.nova-lite-v1:0

${COMMON.en}
${EXIT.en}`,
  },
  check: {
    vi: `genai-lab check — chạy checklist kiểm tra của bài lab (chỉ đọc, không thay đổi gì), cho một học viên hay cả lớp

Cách dùng:
  genai-lab check [--format text|json|junit|markdown|csv] [--out FILE] [tuỳ chọn]
  genai-lab check --accounts FILE | --profiles a,b,c [--concurrency N] [tuỳ chọn]

  --format F          text cho người đọc (mặc định); json ổn định cho máy; junit cho CI/LMS; markdown để dán;
                      csv cho sổ điểm
  --out FILE          Ghi báo cáo vào tệp thay vì stdout (khi chấm cả lớp, stdout vẫn in bảng kết quả)
  --redact            Thay account ID bằng mã băm có salt (GENAI_LAB_REDACT_SALT)
  --fail-under P      Thoát 0 khi điểm đạt ít nhất P% (0–100), dù có mục chưa đạt; 1 khi thấp hơn
  --mode M            Chế độ ghi vào báo cáo (mặc định: GENAI_LAB_MODE, rồi chế độ đã lưu)

Mỗi mục ghi ai đã làm phần việc nó kiểm tra (doneBy: học viên hay genai-lab) và số gợi ý đã xem;
xem docs/grading.md về điều doneBy chứng minh được và không chứng minh được.

Chấm cả lớp:
  --accounts FILE     Danh sách tài khoản (CSV hoặc JSON: account, role, name…) — genai-lab assume role
                      đó bằng STS trong từng tài khoản; xem docs/grading.md
  --profiles a,b,c    Mỗi profile AWS là một học viên
  --concurrency N     Số tài khoản chấm cùng lúc (mặc định 8, tối đa 64)
  Tiến trình in ra stderr; một học viên lỗi thông tin xác thực nhận các mục "lỗi", những người khác vẫn được chấm.

Báo cáo JSON có SHA-256 của nội dung (kiểm tra bằng genai-lab verify-report FILE); đặt GENAI_LAB_REPORT_KEY
hoặc GENAI_LAB_REPORT_KEY_FILE để ký thêm HMAC bằng khoá của giảng viên.

Bốn mục, theo thứ tự của bài lab gốc:
  1. Model invocation logging đã bật
  2. Log entries xuất hiện trong CloudWatch Logs
  3. Truy vấn Logs Insights trả về kết quả
  4. Dashboard hiển thị metrics

Ví dụ:
  genai-lab check
  genai-lab check --format json --out result.json
  genai-lab check --profile learner --format junit > junit.xml
  genai-lab check --accounts class.csv --format csv --out grades.csv
  genai-lab check --profiles an,binh,chi --fail-under 75

${COMMON.vi}
Mã thoát: 0 mọi mục đạt (hoặc điểm ≥ --fail-under) · 1 có mục không đạt · 2 dùng sai / cấu hình sai · 130 bị ngắt`,
    en: `genai-lab check — run the lab's verification checklist (read-only: changes nothing), for one learner or a class

Usage:
  genai-lab check [--format text|json|junit|markdown|csv] [--out FILE] [options]
  genai-lab check --accounts FILE | --profiles a,b,c [--concurrency N] [options]

  --format F          text for people (default); stable json for machines; junit for CI/LMS; markdown to paste;
                      csv for the gradebook
  --out FILE          Write the report to a file instead of stdout (for a class, stdout still shows the matrix)
  --redact            Replace account ids with a salted hash (GENAI_LAB_REDACT_SALT)
  --fail-under P      Exit 0 when the score is at least P percent (0–100), even if an item failed; 1 below
  --mode M            The mode the report states (default: GENAI_LAB_MODE, then the saved mode)

Each item says who did the work it verified (doneBy: the learner or genai-lab) and how many hints were used;
docs/grading.md says what doneBy proves and what it cannot.

A whole class:
  --accounts FILE     A roster (CSV or JSON: account, role, name…): genai-lab assumes that role with STS in
                      each account; see docs/grading.md
  --profiles a,b,c    One learner per AWS profile
  --concurrency N     Accounts graded at once (default 8, at most 64)
  Progress goes to stderr; a learner whose credentials fail gets "error" items, the others are still graded.

JSON reports carry a SHA-256 of their content (check it with genai-lab verify-report FILE); set
GENAI_LAB_REPORT_KEY or GENAI_LAB_REPORT_KEY_FILE to also sign them with the instructor's key (HMAC).

The four items, in the original lab's order:
  1. Model invocation logging enabled
  2. Log entries present in CloudWatch Logs
  3. A Logs Insights query returns results
  4. The dashboard shows metrics

Examples:
  genai-lab check
  genai-lab check --format json --out result.json
  genai-lab check --profile learner --format junit > junit.xml
  genai-lab check --accounts class.csv --format csv --out grades.csv
  genai-lab check --profiles an,binh,chi --fail-under 75

${COMMON.en}
Exit codes: 0 every item passes (or the score ≥ --fail-under) · 1 an item failed · 2 bad usage or configuration · 130 interrupted`,
  },
  cleanup: {
    vi: `genai-lab cleanup — xoá những gì bài lab đã tạo, và chỉ những thứ đó (theo sổ ghi tài nguyên)

Cách dùng:
  genai-lab cleanup [--dry-run] [--yes] [tuỳ chọn]

  --dry-run   Chỉ in kế hoạch, không xoá gì
  -y, --yes   Không hỏi lại (kể cả log group, nơi chứa log của bạn)

${COMMON.vi}
${EXIT.vi}`,
    en: `genai-lab cleanup — delete what the lab created, and only that (from its resource ledger)

Usage:
  genai-lab cleanup [--dry-run] [--yes] [options]

  --dry-run   Print the plan only; delete nothing
  -y, --yes   Do not ask (not even for the log group, which holds your logs)

${COMMON.en}
${EXIT.en}`,
  },
  doctor: {
    vi: `genai-lab doctor — kiểm tra trước khi làm lab: bạn là ai (account, Region), model có gọi được không
(trạng thái vòng đời, cần inference profile, quyền truy cập model), và policy IAM tối thiểu cần gắn

Cách dùng:
  genai-lab doctor [tuỳ chọn]

  --logging-role-arn ARN   Kiểm tra một IAM role có sẵn thay vì role bài lab sẽ tạo
  --redact                 Che account ID và ARN trong đầu ra

${COMMON.vi}
${EXIT.vi}`,
    en: `genai-lab doctor — preflight: who you are (account, Region), whether the model can be called
(lifecycle status, inference profile, model access), and the least-privilege IAM policy to attach

Usage:
  genai-lab doctor [options]

  --logging-role-arn ARN   Check an existing IAM role instead of the one the lab would create
  --redact                 Hide account ids and ARNs in the output

${COMMON.en}
${EXIT.en}`,
  },
  reset: {
    vi: `genai-lab reset — xoá tiến độ đã lưu của bài lab trên môi trường này (hỏi trước)

Không xoá tài nguyên AWS nào: dùng genai-lab cleanup cho việc đó. Sổ ghi tài nguyên bài lab đã tạo
được giữ lại, nên cleanup vẫn xoá được chúng sau khi reset. Tệp tiến độ bị hỏng được chuyển sang chỗ khác,
không bị xoá.

Cách dùng:
  genai-lab reset [--yes] [--forget-resources] [tuỳ chọn]

  --forget-resources       Bỏ theo dõi cả sổ ghi tài nguyên (sau cảnh báo nêu rõ những gì không còn được theo dõi)

${COMMON.vi}
${EXIT.vi}`,
    en: `genai-lab reset — delete the lab's saved progress on this target (asks first)

Deletes no AWS resources: use genai-lab cleanup for that. The ledger of what the lab created is kept, so
cleanup can still remove it after a reset. A damaged progress file is moved aside, not deleted.

Usage:
  genai-lab reset [--yes] [--forget-resources] [options]

  --forget-resources       Forget the ledger too (after a warning naming what becomes untracked)

${COMMON.en}
${EXIT.en}`,
  },
  sandbox: {
    vi: `genai-lab sandbox — chạy AWS offline trên máy bạn cho AWS CLI, boto3 và các SDK
(Bedrock, Bedrock Runtime, CloudWatch Logs + Logs Insights, CloudWatch, STS, IAM). Câu trả lời
của model là mô phỏng (simulated), không phải từ model thật.

Cách dùng:
  genai-lab sandbox [--port 4566] [--host 127.0.0.1] [--allow-host TÊN] [--in-memory] [--faults SPEC]
  genai-lab sandbox seed --hours N --rate R     Tạo lịch sử gọi model giả lập (log + metrics)

  --port N              Cổng (mặc định 4566; 0 = cổng ngẫu nhiên)
  --host H              Địa chỉ lắng nghe (mặc định 127.0.0.1; địa chỉ khác sẽ có cảnh báo)
  --allow-host TÊN      Thêm một tên máy mà client được dùng trong Host (lặp lại được; ví dụ
                        cho lớp học với --host 0.0.0.0). Tên khác bị từ chối, để trang web lạ không
                        điều khiển được sandbox
  --in-memory           Không lưu dữ liệu xuống đĩa
  --faults SPEC         Lỗi giả lập, ví dụ "throttle=0.3,5xx=0.1,latency=200"
  --delivery-delay MS   Độ trễ giao log từ Bedrock tới CloudWatch Logs (mặc định vài giây)
  --hours N, --rate R   Với seed: số giờ lịch sử và số lời gọi mỗi phút
  --region R            Với seed: Region của lịch sử (mặc định us-east-1)
  --state-dir DIR       Nơi lưu dữ liệu sandbox
  --lang vi|en  --no-color  --debug  -h, --help  -v, --version

Ví dụ:
  genai-lab sandbox
  aws --endpoint-url http://127.0.0.1:4566 logs describe-log-groups
  genai-lab sandbox seed --hours 24 --rate 2

Mã thoát: 0 dừng bình thường · 2 dùng sai / cổng đang bận · 130 bị ngắt`,
    en: `genai-lab sandbox — serve the offline AWS on your machine for the AWS CLI, boto3 and the SDKs
(Bedrock, Bedrock Runtime, CloudWatch Logs + Logs Insights, CloudWatch, STS, IAM). The model's
replies are simulated, not from a real model.

Usage:
  genai-lab sandbox [--port 4566] [--host 127.0.0.1] [--allow-host NAME] [--in-memory] [--faults SPEC]
  genai-lab sandbox seed --hours N --rate R     Backfill simulated invocation history (logs + metrics)

  --port N              Port (default 4566; 0 = any free port)
  --host H              Address to listen on (default 127.0.0.1; anything else warns)
  --allow-host NAME     Another name clients may use in Host (repeatable; e.g. for a class on
                        --host 0.0.0.0). Other names are refused, so no web page can drive the sandbox
  --in-memory           Keep nothing on disk
  --faults SPEC         Simulated faults, e.g. "throttle=0.3,5xx=0.1,latency=200"
  --delivery-delay MS   Delay from a Bedrock call to its log in CloudWatch Logs (default a few seconds)
  --hours N, --rate R   For seed: hours of history and calls per minute
  --region R            For seed: the Region of the history (default us-east-1)
  --state-dir DIR       Where the sandbox keeps its data
  --lang vi|en  --no-color  --debug  -h, --help  -v, --version

Examples:
  genai-lab sandbox
  aws --endpoint-url http://127.0.0.1:4566 logs describe-log-groups
  genai-lab sandbox seed --hours 24 --rate 2

Exit codes: 0 stopped normally · 2 bad usage / port in use · 130 interrupted`,
  },
  ...handsOnHelp(COMMON, EXIT),
  "verify-report": {
    vi: `genai-lab verify-report — kiểm tra một báo cáo JSON (genai-lab check --format json) có bị sửa không

Cách dùng:
  genai-lab verify-report FILE

Tính lại SHA-256 trên dạng JSON chuẩn hoá (RFC 8785) của nội dung và so với giá trị ghi trong báo cáo; với
báo cáo của cả lớp, kiểm tra cả báo cáo của từng học viên. Nếu đặt GENAI_LAB_REPORT_KEY hoặc
GENAI_LAB_REPORT_KEY_FILE, báo cáo phải có chữ ký HMAC đúng bằng khoá đó.

Giới hạn: SHA-256 phát hiện chỉnh sửa, nhưng ai biết cách có thể tính lại nó; chỉ chữ ký HMAC (khoá của giảng
viên) chứng minh báo cáo do người giữ khoá tạo ra.

  --lang vi|en  --no-color  --debug  -h, --help  -v, --version

Mã thoát: 0 hợp lệ · 1 đã bị sửa (hoặc chữ ký sai / thiếu) · 2 không đọc được tệp`,
    en: `genai-lab verify-report — check whether a JSON report (genai-lab check --format json) was edited

Usage:
  genai-lab verify-report FILE

Recomputes the SHA-256 of the content's canonical JSON (RFC 8785) and compares it with the one the report
carries; for a class, every learner's report too. With GENAI_LAB_REPORT_KEY or GENAI_LAB_REPORT_KEY_FILE set,
the report must also carry a valid HMAC signature made with that key.

Limits: the SHA-256 detects edits, but anyone who knows how can recompute it; only the HMAC signature (the
instructor's key) proves that the key holder produced the report.

  --lang vi|en  --no-color  --debug  -h, --help  -v, --version

Exit codes: 0 valid · 1 edited (or the signature is wrong or missing) · 2 the file cannot be read`,
  },
};

export function helpText(command: CommandName, lang: Lang): string {
  return `${HELP[command === "help" ? "tui" : command][lang]}\n`;
}
