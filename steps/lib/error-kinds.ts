/**
 * The AWS errors this lab explains in its own words (declared in the manifest's `errors`, so genai-lab's classifier
 * tries them before its generic kinds): Bedrock's model errors and the logging role that IAM has not propagated yet,
 * and CloudWatch's answer to a dashboard body it rejects. Steps classify with `classify` below, the same rules.
 */
import { classifyAwsError, type ErrorKind, type Problem, type Text } from "genai-lab/kit";

type Hint = { title: Text; next: Text };

const HINTS = {
  onDemand: (message: string): Hint => {
    const model = /model ID (\S+) with on-demand/.exec(message)?.[1] ?? "this model";
    return {
      title: {
        vi: `Model ${model} không gọi trực tiếp (on-demand) được ở Region này: nó chỉ chạy qua một inference profile.`,
        en: `${model} cannot be called on demand in this Region: it only runs through an inference profile.`,
      },
      next: {
        vi: `Dùng ID của inference profile liên Region, ví dụ us.${model} (apac.… ở châu Á – Thái Bình Dương), với --model-id.`,
        en: `Use the cross-Region inference profile id, e.g. us.${model} (apac.… in Asia Pacific), with --model-id.`,
      },
    };
  },
  invalidModel: {
    title: {
      vi: "Model ID không hợp lệ ở Region này (sai tên, sai Region, hoặc model đã bị khai tử).",
      en: "The model id is not valid in this Region (a typo, the wrong Region, or a retired model).",
    },
    next: {
      vi: "Liệt kê model hiện có bằng `aws bedrock list-foundation-models --region <region>` rồi chọn lại với --model-id; `genai-lab doctor` gợi ý một model đang ACTIVE.",
      en: "List the models with `aws bedrock list-foundation-models --region <region>` and choose again with --model-id; `genai-lab doctor` suggests an ACTIVE one.",
    },
  },
  legacyModel: {
    title: {
      vi: "Model này đã chuyển sang Legacy và tài khoản không dùng nó trong 30 ngày qua, nên bị từ chối.",
      en: "This model is Legacy and the account has not used it in the last 30 days, so access is refused.",
    },
    next: {
      vi: "Chọn một model đang ACTIVE (ví dụ một Claude Sonnet mới hoặc Amazon Nova qua profile us./global.) với --model-id.",
      en: "Choose an ACTIVE model (e.g. a current Claude Sonnet or Amazon Nova through its us./global. profile) with --model-id.",
    },
  },
  loggingRole: {
    title: {
      vi: "Bedrock chưa xác thực được IAM role ghi log vào log group (role sai quyền, sai trust policy, hoặc IAM chưa kịp lan truyền).",
      en: "Bedrock could not validate the logging role for the log group (wrong permissions, wrong trust policy, or IAM has not propagated yet).",
    },
    next: {
      vi: "Role mới cần tới khoảng một phút để có hiệu lực; nếu vẫn lỗi, kiểm tra trust policy (bedrock.amazonaws.com) và quyền logs:CreateLogStream + logs:PutLogEvents trên log stream aws/bedrock/modelinvocations.",
      en: "A new role can take about a minute to take effect; if it still fails, check the trust policy (bedrock.amazonaws.com) and logs:CreateLogStream + logs:PutLogEvents on the aws/bedrock/modelinvocations stream.",
    },
  },
  modelAccess: {
    title: {
      vi: "Tài khoản chưa có quyền truy cập model này (model access / đăng ký Marketplace).",
      en: "The account does not have access to this model yet (model access / Marketplace subscription).",
    },
    next: {
      vi: "Mở Bedrock console → Model access và bật model này (có thể mất khoảng 15 phút sau lần dùng đầu), hoặc chọn model khác với --model-id.",
      en: "Open the Bedrock console → Model access and enable this model (it can take ~15 minutes after first use), or choose another with --model-id.",
    },
  },
  modelTimeout: {
    title: { vi: "Model xử lý quá lâu và đã hết thời gian.", en: "The model took too long and timed out." },
    next: { vi: "Chạy lại; nếu lặp lại, giảm max_tokens.", en: "Run again; if it repeats, lower max_tokens." },
  },
  modelStream: {
    title: {
      vi: "Stream của model bị ngắt giữa chừng (ModelStreamErrorException).",
      en: "The model's stream broke off partway (ModelStreamErrorException).",
    },
    next: {
      vi: "Chạy lại: stream bị ngắt thường chỉ xảy ra một lần; nếu lặp lại, giảm max_tokens hoặc thử model khác.",
      en: "Run again: a broken stream is usually a one-off; if it repeats, lower max_tokens or try another model.",
    },
  },
  dashboardInvalid: (message: string): Hint => ({
    title: {
      vi: `CloudWatch từ chối nội dung dashboard: ${message}`,
      en: `CloudWatch rejected the dashboard body: ${message}`,
    },
    next: {
      vi: "Mỗi lỗi chỉ ra một DataPath trong JSON của dashboard (ví dụ /widgets/2/properties/region): sửa chỗ đó rồi gửi lại.",
      en: "Each error names a DataPath in the dashboard JSON (e.g. /widgets/2/properties/region): fix that spot and send it again.",
    },
  }),
};

export const LAB_ERRORS: ErrorKind[] = [
  {
    kind: "on-demand-unsupported",
    match: (e) => /on-demand throughput isn[’']t supported/i.test(e.message),
    explain: (e) => HINTS.onDemand(e.message),
  },
  {
    kind: "invalid-model",
    match: (e) => /provided model identifier is invalid/i.test(e.message),
    explain: () => HINTS.invalidModel,
  },
  {
    kind: "legacy-model",
    match: (e) => /marked by provider as Legacy/i.test(e.message),
    explain: () => HINTS.legacyModel,
  },
  {
    kind: "logging-role",
    match: (e) => /Failed to validate permissions for log group/i.test(e.message),
    explain: () => HINTS.loggingRole,
    retryable: true,
  },
  {
    kind: "model-access",
    match: (e) => e.code === "AccessDeniedException" && /access to the model/i.test(e.message),
    explain: () => HINTS.modelAccess,
  },
  {
    kind: "model-timeout",
    match: (e) => e.code === "ModelTimeoutException" || e.status === 408,
    explain: () => HINTS.modelTimeout,
    retryable: true,
  },
  {
    // Only a stream sends it, after its first bytes: the SDK raises it while the caller reads the stream.
    kind: "model-stream-error",
    match: (e) => e.code === "ModelStreamErrorException",
    explain: () => HINTS.modelStream,
    retryable: true,
  },
  {
    kind: "validation",
    match: (e) => e.code === "DashboardInvalidInputError" || e.code === "InvalidParameterInput",
    explain: (e) => HINTS.dashboardInvalid(e.message),
  },
];

/** An error as this lab's steps see it: the lab's own kinds first, then genai-lab's. */
export function classify(error: unknown): Problem {
  return classifyAwsError(error, LAB_ERRORS);
}
