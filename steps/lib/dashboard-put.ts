/**
 * PutDashboard, carefully: validated first; a same-named dashboard the lab did not create is only replaced after
 * asking (PutDashboard replaces the whole thing) and its old body is kept for cleanup to restore; CloudWatch's
 * validation messages are shown as a table when it refuses the body.
 */
import { StepFailure, table, type Text } from "genai-lab/kit";
import { GetDashboardCommand, PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { builtByLab, validateDashboard, type DashboardBody, type ValidationMessage } from "./dashboard-body.js";
import { errorMessage, errorName, ifExists } from "./errors.js";
import { jsonDigest, ownedEntry } from "./ledger.js";
import type { ActCtx, ReadCtx } from "./model.js";

export const DASHBOARD_TYPE = "dashboard";

export async function getDashboardBody(ctx: ReadCtx, name: string): Promise<string | undefined> {
  const out = await ifExists(() =>
    ctx.aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: name }), { abortSignal: ctx.signal }),
  );
  return out?.DashboardBody;
}

function showMessages(ctx: ActCtx, title: Text, messages: ValidationMessage[]): void {
  ctx.report.output(
    table(
      title,
      [
        ["dataPath", { vi: "Vị trí (DataPath)", en: "DataPath" }],
        ["message", { vi: "Thông báo", en: "Message" }],
      ],
      messages.map((m) => ({ dataPath: m.dataPath || "/", message: m.message })),
    ),
  );
}

/** CloudWatch lists its objections as `dashboardValidationMessages`, and in the message text as JSON. */
function rejectionMessages(error: unknown): ValidationMessage[] {
  const listed = (error as { dashboardValidationMessages?: { DataPath?: string; Message?: string }[] })
    .dashboardValidationMessages;
  if (listed && listed.length > 0) return listed.map((m) => ({ dataPath: m.DataPath ?? "", message: m.Message ?? "" }));
  const text = errorMessage(error);
  try {
    const parsed = JSON.parse(text.slice(text.indexOf("["))) as { dataPath?: string; message?: string }[];
    return parsed.map((m) => ({ dataPath: m.dataPath ?? "", message: m.message ?? "" }));
  } catch {
    return [{ dataPath: "", message: text }];
  }
}

const isRejection = (error: unknown) =>
  ["DashboardInvalidInputError", "InvalidParameterInput"].includes(errorName(error));

export async function putDashboard(
  ctx: ActCtx,
  name: string,
  body: DashboardBody,
): Promise<"created" | "updated" | "unchanged"> {
  const problems = validateDashboard(name, body);
  if (problems.length > 0) {
    showMessages(
      ctx,
      {
        vi: "Dashboard chưa hợp lệ (kiểm tra trước khi gửi)",
        en: "The dashboard is not valid (checked before sending)",
      },
      problems,
    );
    throw new StepFailure(
      {
        vi: `Dashboard ${name} có ${problems.length} lỗi, chưa gửi lên AWS.`,
        en: `The dashboard ${name} has ${problems.length} problems; nothing was sent to AWS.`,
      },
      {
        vi: "Sửa các tham số được nêu (--param …) rồi chạy lại bước này.",
        en: "Fix the parameters named above (--param …) and run this step again.",
      },
      "validation",
    );
  }
  const text = JSON.stringify(body);
  const existing = await getDashboardBody(ctx, name);
  const entry = ownedEntry(ctx, DASHBOARD_TYPE, name);
  // Dashboards carry no tags: the lab's own (from before a reset that forgot the ledger) says so in its text widget.
  // Never keep the lab's own old body as "the previous body" for cleanup to restore.
  const owned =
    entry ?? (existing !== undefined && builtByLab(existing) ? { meta: { previousBody: null } } : undefined);
  if (existing !== undefined && sameJson(existing, text) && !owned) return "unchanged";
  if (existing !== undefined && !owned) {
    const replace = await ctx.confirm({
      kind: "destructive",
      question: { vi: `Ghi đè dashboard ${name} đang có?`, en: `Replace the existing dashboard ${name}?` },
      detail: {
        vi: "Dashboard này không do bài lab tạo. PutDashboard thay toàn bộ nội dung; bài lab giữ bản cũ để khôi phục khi dọn dẹp.",
        en: "This dashboard was not created by the lab. PutDashboard replaces all of it; the lab keeps the old body and restores it at cleanup.",
      },
    });
    if (!replace) {
      throw new StepFailure(
        { vi: `Giữ nguyên dashboard ${name} có sẵn.`, en: `The existing dashboard ${name} was kept.` },
        {
          vi: "Chọn tên khác với --param dashboardName=<tên>.",
          en: "Choose another name with --param dashboardName=<name>.",
        },
        "cancelled",
      );
    }
  }
  const arn = `arn:aws:cloudwatch::${ctx.target.accountId}:dashboard/${name}`;
  // An owned entry already knows what was there before the lab (null: nothing); never take the lab's own body for it.
  const previousBody = owned ? (owned.meta?.previousBody ?? null) : (existing ?? null);
  try {
    // The digest of the body put lets the dashboard check tell the runner's dashboard from one edited since.
    const meta = { previousBody, bodySha256: jsonDigest(text) ?? null };
    const out = await ctx.ledger.track({ type: DASHBOARD_TYPE, name, arn, meta }, () =>
      ctx.aws.cloudwatch.send(new PutDashboardCommand({ DashboardName: name, DashboardBody: text }), {
        abortSignal: ctx.signal,
      }),
    );
    const warnings = (out.DashboardValidationMessages ?? []).map((m) => ({
      dataPath: m.DataPath ?? "",
      message: m.Message ?? "",
    }));
    if (warnings.length > 0) showMessages(ctx, { vi: "CloudWatch lưu ý", en: "CloudWatch's remarks" }, warnings);
  } catch (error) {
    if (!isRejection(error)) throw error;
    const messages = rejectionMessages(error);
    showMessages(ctx, { vi: "CloudWatch từ chối dashboard", en: "CloudWatch rejected the dashboard" }, messages);
    throw new StepFailure(
      {
        vi: `CloudWatch từ chối dashboard ${name} (${messages.length} lỗi, xem bảng trên).`,
        en: `CloudWatch rejected the dashboard ${name} (${messages.length} problems, see the table above).`,
      },
      {
        vi: "Mỗi dòng chỉ ra vị trí (DataPath) trong body JSON và điều CloudWatch yêu cầu; sửa tham số tương ứng rồi chạy lại bước này.",
        en: "Each row names a place in the JSON body (DataPath) and what CloudWatch expects there; fix the matching parameter and run this step again.",
      },
      "validation",
    );
  }
  return existing === undefined ? "created" : "updated";
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}
