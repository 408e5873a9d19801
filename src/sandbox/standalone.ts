import { formatFaults } from "./faults/config.js";
import { realModelNote, SIMULATED_MODEL_NOTE } from "./model/index.js";
import { MODEL_MAP_ENV } from "./model-source.js";
import type { RunningSandbox, SandboxOptions } from "./options.js";
import { startSandbox } from "./start.js";

/**
 * `genai-lab sandbox`: serves until `signal` aborts, after printing the lines to paste into a shell so the AWS CLI,
 * boto3 and the SDKs talk to it. Resolves once the server has closed. `onListening` may announce the server
 * elsewhere (the CLI records it for `genai-lab env`); what it returns is called as the server stops.
 */
export async function runSandboxServer(
  options: SandboxOptions,
  out: NodeJS.WritableStream,
  signal: AbortSignal,
  onListening?: (sandbox: RunningSandbox) => Promise<() => void>,
): Promise<void> {
  const sandbox = await startSandbox(options);
  const withdraw = (await onListening?.(sandbox)) ?? (() => undefined);
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      withdraw();
      void sandbox.close().then(resolve);
    };
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
  const data = options.dbPath === undefined || options.dbPath === ":memory:" ? "in memory" : options.dbPath;
  const note = sandbox.model.kind === "simulated" ? SIMULATED_MODEL_NOTE : realModelNote(sandbox.model.url);
  const map = options.modelMap ?? (options.env ?? process.env)[MODEL_MAP_ENV];
  const mapLines =
    sandbox.model.kind === "simulated"
      ? []
      : map
        ? [`  Local model per Bedrock id / Model cục bộ theo Bedrock id: ${map}`]
        : [
            "  Local model: the first one the server lists (choose with --model-map)",
            "  Model cục bộ: model đầu tiên server liệt kê (chọn bằng --model-map)",
          ];
  out.write(
    [
      `genai-lab sandbox — ${sandbox.endpoint} (account ${sandbox.accountId}, data: ${data})`,
      `  ${note.en}`,
      `  ${note.vi}`,
      ...mapLines,
      "",
      "  # Paste into your shell / Dán vào shell:",
      `  export AWS_ENDPOINT_URL=${sandbox.endpoint}`,
      `  export AWS_ACCESS_KEY_ID=${sandbox.credentials.accessKeyId}`,
      `  export AWS_SECRET_ACCESS_KEY=${sandbox.credentials.secretAccessKey}`,
      `  export AWS_REGION=${sandbox.region}`,
      `  export AWS_DEFAULT_REGION=${sandbox.region}`,
      "",
      `  faults: ${formatFaults(sandbox.faults)}`,
      "  Ctrl+C to stop / Ctrl+C để dừng.",
      "",
    ].join("\n"),
  );
  await stopped;
}
