/** The sandbox's own configuration errors, turned into usage errors (exit 2) that name where the setting came from. */
import { UsageError } from "../engine/usage-error.js";

/** Where the model settings came from: a flag of `genai-lab sandbox`, or (for the in-process sandbox) a variable. */
export interface ModelSettingSources {
  endpoint: string;
  map: string;
}

const MODEL_ENV: ModelSettingSources = { endpoint: "GENAI_LAB_MODEL_ENDPOINT", map: "GENAI_LAB_MODEL_MAP" };

export async function asSandboxUsageError(
  error: unknown,
  faultsSource: string,
  modelSources: ModelSettingSources = MODEL_ENV,
): Promise<unknown> {
  const { FaultSyntaxError, ModelBackendConfigError, SandboxHostError, SandboxSettingError, SandboxStateError } =
    await import("../sandbox/index.js");
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ModelBackendConfigError) {
    const source = modelSources[error.setting];
    return new UsageError({ vi: `${source}: ${error.text.vi}`, en: `${source}: ${error.text.en}` });
  }
  if (error instanceof SandboxSettingError) return new UsageError(error.text);
  if (error instanceof FaultSyntaxError) {
    return new UsageError({
      vi: `${faultsSource}: cấu hình lỗi giả lập không hợp lệ — ${message}`,
      en: `${faultsSource}: invalid simulated-fault setting — ${message}`,
    });
  }
  if (error instanceof SandboxHostError) {
    return new UsageError({
      vi: `--host: sandbox chỉ nghe trên loopback vì nó nhận một cặp khoá ai cũng biết; muốn mở ra ngoài thì ghi rõ --host. (${message})`,
      en: `--host: ${message}`,
    });
  }
  if (error instanceof SandboxStateError) {
    return new UsageError({
      vi: `Dữ liệu sandbox không dùng được: ${message} (dùng --state-dir khác, hoặc chuyển tệp đó đi chỗ khác).`,
      en: `The sandbox's data cannot be used: ${message} (use another --state-dir, or move that file aside).`,
    });
  }
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    return new UsageError({
      vi: `--port: cổng đang được dùng (${message}). Chọn cổng khác, ví dụ --port 4567, hoặc --port 0 để lấy cổng trống.`,
      en: `--port: the port is in use (${message}). Pick another, e.g. --port 4567, or --port 0 for any free port.`,
    });
  }
  return error;
}
