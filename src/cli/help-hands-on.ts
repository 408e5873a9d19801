/** `--help` for the commands that serve a learner doing the lab by hand: env, commands, hint (both languages). */
import type { CommandHelp } from "./help.js";

export const HANDS_ON_HELP: Record<"env" | "commands" | "hint", CommandHelp> = {
  env: {
    title: {
      vi: "genai-lab env — in các dòng để terminal của bạn (AWS CLI v1/v2, boto3, SDK) dùng đúng target của bài lab",
      en: "genai-lab env — print the lines that point your terminal (AWS CLI v1/v2, boto3, SDKs) at the lab's target",
    },
    usage: [
      'eval "$(genai-lab env)"                       bash, zsh',
      "genai-lab env --shell fish | source",
      "genai-lab env --shell powershell | Invoke-Expression",
    ],
    about: {
      vi: `stdout chỉ có các dòng để chạy; mọi giải thích in ra stderr.
  Sandbox: endpoint của sandbox đang phục vụ thư mục trạng thái này (của genai-lab đang mở, hoặc của
  genai-lab sandbox), cặp khoá mẫu trong tài liệu AWS, AWS_REGION và AWS_DEFAULT_REGION (AWS CLI v1 chỉ đọc
  biến này), AWS_PAGER rỗng (AWS CLI v2 khỏi mở less giữa một khối lệnh dán vào), và GENAI_LAB_TARGET=sandbox
  để genai-lab trong shell đó vẫn dùng sandbox. Chưa có sandbox nào
  chạy thì in dòng cho cổng mặc định 4566 và nhắc mở genai-lab hoặc chạy genai-lab sandbox. AWS CLI cũ hơn
  2.13 (v2) / 1.29 (v1) bỏ qua AWS_ENDPOINT_URL: khi đó env báo phiên bản và chỉ cách khác (--endpoint-url).
  AWS thật (--target aws, --profile): AWS_PROFILE và Region đang dùng, và gỡ endpoint sandbox khỏi shell.`,
      en: `stdout holds only the lines to run; every explanation goes to stderr.
  Sandbox: the endpoint of the sandbox serving this state directory (the open genai-lab's, or genai-lab
  sandbox's), the example keys from the AWS documentation, AWS_REGION and AWS_DEFAULT_REGION (the AWS CLI v1
  reads only the latter), an empty AWS_PAGER (so AWS CLI v2 never opens less in the middle of a pasted block),
  and GENAI_LAB_TARGET=sandbox so genai-lab in that shell stays on the sandbox. When no sandbox runs, the lines
  for the default port 4566 and a note to open genai-lab or run genai-lab sandbox. An AWS CLI older than 2.13
  (v2) / 1.29 (v1) ignores AWS_ENDPOINT_URL: env then names it and the way round.
  Real AWS (--target aws, --profile): AWS_PROFILE and the Region in use, and a sandbox endpoint removed.`,
    },
    examples: ['eval "$(genai-lab env)" && aws logs describe-log-groups', 'eval "$(genai-lab env --profile learner)"'],
  },
  commands: {
    title: {
      vi: "genai-lab commands — in các lệnh để tự làm một bước, với giá trị thật của bạn (Region, account, model, role)",
      en: "genai-lab commands — print the commands that do a step by hand, with your real values (Region, account, model, role)",
    },
    usage: ["genai-lab commands [--step N|ID] [options]"],
    about: {
      vi: `Chỉ in lệnh ra stdout (không màu, không ngắt dòng) để chép, lưu hay chuyển tiếp; tên bước in ra stderr.
Các lệnh chạy được với AWS CLI v1 và v2; trên sandbox, chạy eval "$(genai-lab env)" trước (AWS CLI cần từ 2.13
hoặc 1.29 để đọc AWS_ENDPOINT_URL; bản cũ hơn thì genai-lab env báo và chỉ cách khác).
Với --python: in đoạn Python (boto3) của bước thay cho lệnh AWS CLI (boto3 đọc AWS_ENDPOINT_URL từ bản 1.28).
Ở chế độ exam, lệnh không được in (đó là lời giải): dùng genai-lab hint.`,
      en: `Only the commands go to stdout (no colour, no wrapping) for copying, saving or piping; the step's name goes to
stderr. They run with AWS CLI v1 and v2; on the sandbox, run eval "$(genai-lab env)" first (the AWS CLI reads
its AWS_ENDPOINT_URL from 2.13 or 1.29 on; with an older one genai-lab env says so and what to do instead).
With --python: the step's Python (boto3) snippet instead of AWS CLI lines (boto3 reads AWS_ENDPOINT_URL too, from
1.28 on). In exam mode they are not shown (they are the answer): use genai-lab hint.`,
    },
    examples: [
      "genai-lab commands --step 1",
      "genai-lab commands --step 2 > step2.sh",
      "genai-lab commands --step 2 --python > step2.py && python3 step2.py",
    ],
  },
  hint: {
    title: {
      vi: "genai-lab hint — hiện gợi ý tiếp theo của một bước: gợi mở, rồi chỗ cần xem, rồi lệnh chính xác",
      en: "genai-lab hint — show a step's next hint: a nudge, then where to look, then the exact command",
    },
    usage: ["genai-lab hint [--step N|ID] [options]"],
    about: {
      vi: `Mỗi gợi ý mới được ghi vào tiến độ và báo cáo ghi số gợi ý đã xem cho từng mục kiểm tra (hintsUsed), ở mọi
chế độ. Xem lại gợi ý cuối không bị tính thêm.`,
      en: `Each new hint is recorded with your progress, and reports show the hints used per checklist item (hintsUsed),
in every mode. Seeing the last hint again is not counted again.`,
    },
  },
};
