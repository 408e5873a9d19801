/** `genai-lab sandbox [seed]`: the offline AWS as a standalone server, and history backfill for it. */
import { UsageError } from "../../engine/usage-error.js";
import { numberFlag } from "../args.js";
import type { Command } from "../command.js";
import { absoluteDbPath, registerSandbox } from "../sandbox-registry.js";
import { sandboxSeed } from "./sandbox-seed.js";

export const sandbox: Command = async (ctx) => {
  const { flags, rest } = ctx.parsed;
  const dbPath = flags["in-memory"] ? ":memory:" : absoluteDbPath(ctx.stateDir);
  const [sub, ...extra] = rest;
  if (sub !== undefined && sub !== "seed") {
    throw new UsageError({
      vi: `genai-lab sandbox: không có lệnh con "${sub}". Dùng: genai-lab sandbox, hoặc genai-lab sandbox seed.`,
      en: `genai-lab sandbox: there is no subcommand "${sub}". Use: genai-lab sandbox, or genai-lab sandbox seed.`,
    });
  }
  if (extra.length > 0)
    throw new UsageError({ vi: `Tham số thừa: ${extra.join(" ")}.`, en: `Unexpected argument: ${extra.join(" ")}.` });

  if (sub === "seed") return sandboxSeed(ctx, dbPath);

  const port = numberFlag("port", flags.port, 0, 65535) ?? 4566;
  const allowHosts = flags["allow-host"] ?? [];
  for (const name of allowHosts) {
    if (!/^[A-Za-z0-9._:[\]-]{1,253}$/.test(name)) {
      throw new UsageError({
        vi: `--allow-host: "${name}" không phải tên máy hay địa chỉ IP (ví dụ --allow-host lab.local).`,
        en: `--allow-host: "${name}" is not a host name or IP address (e.g. --allow-host lab.local).`,
      });
    }
  }
  const deliveryDelayMs = numberFlag("delivery-delay", flags["delivery-delay"], 0, 3_600_000);
  const { runSandboxServer } = await import("../../sandbox/index.js");
  const { asSandboxUsageError } = await import("../sandbox-errors.js");
  await runSandboxServer(
    {
      port,
      dbPath,
      ...(flags.host ? { host: flags.host, allowNonLoopback: true } : {}),
      ...(allowHosts.length > 0 ? { allowHosts } : {}),
      ...(deliveryDelayMs !== undefined ? { deliveryDelayMs } : {}),
      ...(flags.faults ? { faults: flags.faults } : {}),
      ...(flags["model-endpoint"] !== undefined ? { modelEndpoint: flags["model-endpoint"] } : {}),
      ...(flags["model-map"] !== undefined ? { modelMap: flags["model-map"] } : {}),
    },
    ctx.io.stdout as NodeJS.WritableStream,
    ctx.signal,
    // Serving the state directory's data: recorded, so `genai-lab env` finds it (an in-memory one serves other data).
    flags["in-memory"] ? undefined : (running) => registerSandbox(ctx.stateDir, running),
  ).catch(async (error: unknown) => {
    throw await asSandboxUsageError(error, flags.faults ? "--faults" : "GENAI_LAB_SANDBOX_FAULTS", {
      endpoint: flags["model-endpoint"] !== undefined ? "--model-endpoint" : "GENAI_LAB_MODEL_ENDPOINT",
      map: flags["model-map"] !== undefined ? "--model-map" : "GENAI_LAB_MODEL_MAP",
    });
  });
  return 0;
};
