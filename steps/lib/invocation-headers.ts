/**
 * Bedrock Runtime reports latency and token counts in response headers that the JS SDK does not surface
 * (x-amzn-bedrock-invocation-latency, …-input-token-count, …-output-token-count). A middleware at the outermost
 * position (initialize step, high priority — inner steps copy the output object, dropping anything attached there)
 * copies them onto the command's output, where `invocationInfo(output)` reads them back. On the sandbox it also
 * reads who answered: x-genai-lab-simulated ("true" for the simulated model) and x-genai-lab-model-source ("real
 * model via <URL>" when a real model answers behind --model-endpoint), with x-genai-lab-backend-model.
 */
const INFO = Symbol.for("genai-lab.invocation-info");

export interface InvocationInfo {
  latencyMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** True when the reply came from the sandbox's simulated model. */
  simulated: boolean;
  /** When a real model answered through the sandbox (--model-endpoint): its URL, from "real model via <URL>". */
  realModel?: string;
  /** …and the local model's name (e.g. llama3.2). */
  backendModel?: string;
}

const REAL_MODEL = "real model via ";

interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: unknown) => Promise<{ response: unknown; output: unknown }>,
    ) => (args: unknown) => Promise<{ response: unknown; output: unknown }>,
    options: { step: "initialize"; name: string; priority: "high" },
  ): void;
}

export function captureInvocationHeaders(stack: unknown): void {
  (stack as MiddlewareStackLike).add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string | undefined> } | undefined)?.headers ?? {};
      const number = (name: string) => {
        const value = Number(headers[name]);
        return Number.isFinite(value) && headers[name] !== undefined ? value : undefined;
      };
      if (result.output && typeof result.output === "object") {
        const info: InvocationInfo = {
          latencyMs: number("x-amzn-bedrock-invocation-latency"),
          inputTokens: number("x-amzn-bedrock-input-token-count"),
          outputTokens: number("x-amzn-bedrock-output-token-count"),
          simulated: headers["x-genai-lab-simulated"] === "true",
        };
        const source = headers["x-genai-lab-model-source"];
        if (source?.startsWith(REAL_MODEL)) info.realModel = source.slice(REAL_MODEL.length);
        if (headers["x-genai-lab-backend-model"]) info.backendModel = headers["x-genai-lab-backend-model"];
        Object.defineProperty(result.output, INFO, { value: info, enumerable: false });
      }
      return result;
    },
    { step: "initialize", name: "genaiLabInvocationHeaders", priority: "high" },
  );
}

export function invocationInfo(output: object): InvocationInfo {
  return ((output as Record<symbol, InvocationInfo | undefined>)[INFO] ?? { simulated: false }) as InvocationInfo;
}
