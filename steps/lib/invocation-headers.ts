/**
 * Bedrock Runtime reports latency and token counts in response headers that the JS SDK does not surface
 * (x-amzn-bedrock-invocation-latency, …-input-token-count, …-output-token-count). A middleware at the outermost
 * position (initialize step, high priority — inner steps copy the output object, dropping anything attached there)
 * copies them onto the command's output, where `invocationInfo(output)` reads them back.
 */
const INFO = Symbol.for("genai-lab.invocation-info");

export interface InvocationInfo {
  latencyMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** True when the reply came from the sandbox's simulated model. */
  simulated: boolean;
}

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
