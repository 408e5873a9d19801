/** The bilingual explanations and next steps behind classifyAwsError. */
import type { Text } from "../engine/text.js";

type Hint = { title: Text; next: Text };

export const HINTS = {
  noCredentials: {
    // True to the letter: no call reached AWS. (Looking for credentials, the SDK may ask the EC2 instance metadata
    // service on the local network; that is not a call to AWS.)
    title: {
      vi: "Không tìm thấy thông tin xác thực AWS nào, nên chưa có lời gọi nào tới AWS.",
      en: "No AWS credentials were found, so no call was made to AWS.",
    },
    next: {
      vi: "Chọn một profile bằng --profile / AWS_PROFILE (đăng nhập SSO bằng `aws sso login --profile <tên>`), hoặc đặt AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY; không có tài khoản thì dùng --target sandbox.",
      en: "Pick a profile with --profile / AWS_PROFILE (sign in to SSO with `aws sso login --profile <name>`), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; with no account, use --target sandbox.",
    },
  },
  profileNotFound: (profile: string, files: { path: string; present: boolean }[], profiles: string[]): Hint => {
    const read = (missing: string) =>
      files.map((file) => (file.present ? file.path : `${file.path} (${missing})`)).join(", ");
    return {
      title: {
        vi: `Không có profile AWS "${profile}". Đã đọc: ${read("không có tệp này")}. ${
          profiles.length > 0 ? `Các profile tìm thấy: ${profiles.join(", ")}.` : "Không tìm thấy profile nào."
        } Chưa có lời gọi nào tới AWS.`,
        en: `There is no AWS profile "${profile}". Read: ${read("no such file")}. ${
          profiles.length > 0 ? `Profiles found: ${profiles.join(", ")}.` : "No profiles were found."
        } No call was made to AWS.`,
      },
      next: {
        vi: `Dùng một profile có sẵn (--profile <tên>), tạo profile này bằng \`aws configure --profile ${profile}\` (hoặc \`aws configure sso --profile ${profile}\`), hoặc trỏ AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE tới tệp của bạn.`,
        en: `Use a profile that exists (--profile <name>), create this one with \`aws configure --profile ${profile}\` (or \`aws configure sso --profile ${profile}\`), or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at your files.`,
      },
    };
  },
  credentials: (code: string): Hint => ({
    title: {
      vi: `AWS không chấp nhận thông tin xác thực (${code}): thiếu, sai hoặc đã hết hạn.`,
      en: `AWS did not accept the credentials (${code}): they are missing, wrong or expired.`,
    },
    next: {
      vi: "Đăng nhập lại (ví dụ `aws sso login --profile <tên>`), hoặc chọn profile bằng --profile / AWS_PROFILE, rồi chạy `genai-lab doctor`.",
      en: "Sign in again (e.g. `aws sso login --profile <name>`), or pick a profile with --profile / AWS_PROFILE, then run `genai-lab doctor`.",
    },
  }),
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
  iamPermission: (action: string | undefined): Hint => ({
    title: {
      vi: `Danh tính đang dùng không có quyền IAM cần thiết${action ? ` (${action})` : ""}.`,
      en: `The identity in use lacks a needed IAM permission${action ? ` (${action})` : ""}.`,
    },
    next: {
      vi: "Gắn policy tối thiểu mà `genai-lab doctor` in ra cho user/role của bạn, rồi chạy lại.",
      en: "Attach the least-privilege policy that `genai-lab doctor` prints to your user or role, then run again.",
    },
  }),
  notFound: {
    title: { vi: "Tài nguyên không tồn tại.", en: "The resource does not exist." },
    next: {
      vi: "Chạy bước tạo ra nó trước (xem danh sách bước), hoặc kiểm tra Region.",
      en: "Run the step that creates it first (see the step list), or check the Region.",
    },
  },
  throttled: {
    title: { vi: "AWS đang giới hạn tốc độ gọi (throttling).", en: "AWS is throttling the calls." },
    next: {
      vi: "genai-lab đã tự thử lại; đợi một chút rồi chạy lại, hoặc giảm số lời gọi đồng thời.",
      en: "genai-lab already retried; wait a moment and run again, or make fewer calls at once.",
    },
  },
  modelTimeout: {
    title: { vi: "Model xử lý quá lâu và đã hết thời gian.", en: "The model took too long and timed out." },
    next: { vi: "Chạy lại; nếu lặp lại, giảm max_tokens.", en: "Run again; if it repeats, lower max_tokens." },
  },
  unavailable: {
    title: {
      vi: "Dịch vụ AWS tạm thời không phản hồi (lỗi 5xx).",
      en: "The AWS service is temporarily unavailable (a 5xx error).",
    },
    next: {
      vi: "Đợi một lát rồi chạy lại; xem AWS Health Dashboard nếu lỗi kéo dài.",
      en: "Wait a little and run again; check the AWS Health Dashboard if it persists.",
    },
  },
  timeout: {
    title: { vi: "Yêu cầu tới AWS bị quá thời gian.", en: "The request to AWS timed out." },
    next: { vi: "Kiểm tra kết nối mạng rồi chạy lại.", en: "Check the network connection and run again." },
  },
  network: {
    title: { vi: "Không kết nối được tới endpoint AWS.", en: "Cannot reach the AWS endpoint." },
    next: {
      vi: "Kiểm tra mạng, proxy và --endpoint-url; không có mạng thì dùng --target sandbox.",
      en: "Check the network, proxy and --endpoint-url; with no network, use --target sandbox.",
    },
  },
  notAws: {
    title: {
      vi: "Endpoint có trả lời, nhưng không phải như AWS (có thể là proxy, trang web, hoặc dịch vụ khác đang chạy ở cổng đó).",
      en: "The endpoint answered, but not the way AWS does (a proxy, a web page, or another service on that port).",
    },
    next: {
      vi: "Kiểm tra --endpoint-url / AWS_ENDPOINT_URL và proxy (HTTPS_PROXY); với sandbox chạy riêng, dùng đúng URL mà `genai-lab sandbox` in ra.",
      en: "Check --endpoint-url / AWS_ENDPOINT_URL and any proxy (HTTPS_PROXY); for a standalone sandbox, use the URL `genai-lab sandbox` printed.",
    },
  },
  validation: (message: string): Hint => ({
    title: { vi: `AWS từ chối yêu cầu: ${message}`, en: `AWS rejected the request: ${message}` },
    next: {
      vi: "Kiểm tra các tham số của bài lab (--model-id, --region, tên log group).",
      en: "Check the lab's parameters (--model-id, --region, the log group name).",
    },
  }),
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
  aws: (code: string, message: string): Hint => ({
    title: { vi: `AWS trả lỗi ${code}: ${message}`, en: `AWS answered ${code}: ${message}` },
    next: { vi: "Đọc thông báo trên, sửa rồi chạy lại.", en: "Read the message above, fix it, and run again." },
  }),
};
