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
  aws: (code: string, message: string): Hint => ({
    title: { vi: `AWS trả lỗi ${code}: ${message}`, en: `AWS answered ${code}: ${message}` },
    next: { vi: "Đọc thông báo trên, sửa rồi chạy lại.", en: "Read the message above, fix it, and run again." },
  }),
};
