/**
 * Settings of a real model behind the sandbox: the OpenAI-compatible endpoint and which local model serves which
 * Bedrock model id. Both are checked when the sandbox starts, so a typo is a usage error, not a failing call.
 *
 *   endpoint  http://localhost:11434         → base http://localhost:11434/v1   (Ollama)
 *             http://localhost:8080/v1       → base http://localhost:8080/v1    (llama.cpp, vLLM :8000, LM Studio :1234)
 *             …/v1/chat/completions          → base …/v1
 *   map       "llama3.2"                                 every Bedrock id → llama3.2
 *             "anthropic.*=qwen2.5:7b,amazon.nova-*=llama3.2,*=llama3.2"   first match wins; `*` is a wildcard;
 *             a key matches the id as sent (e.g. us.anthropic.…) or the model it resolves to (anthropic.…)
 *   no map    the first model the server lists at GET /v1/models
 */
export class ModelBackendConfigError extends Error {
  override readonly name = "ModelBackendConfigError";
  constructor(
    /** What is wrong, in both languages (the CLI prints one; `message` is the English). */
    readonly text: { en: string; vi: string },
    /** Which setting is wrong: "endpoint" or "map". */
    readonly setting: "endpoint" | "map",
  ) {
    super(text.en);
  }
}

/** The endpoint's base URL, ending in the API version segment (`…/v1`), without a trailing slash. */
export function parseModelEndpoint(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ModelBackendConfigError(
      {
        en: `"${text}" is not a URL. Give the OpenAI-compatible server's address, e.g. http://localhost:11434 (Ollama).`,
        vi: `"${text}" không phải một URL. Hãy ghi địa chỉ server tương thích OpenAI, ví dụ http://localhost:11434 (Ollama).`,
      },
      "endpoint",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ModelBackendConfigError(
      {
        en: `"${text}" must start with http:// or https://, e.g. http://localhost:11434 (Ollama).`,
        vi: `"${text}" phải bắt đầu bằng http:// hoặc https://, ví dụ http://localhost:11434 (Ollama).`,
      },
      "endpoint",
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new ModelBackendConfigError(
      {
        en: `"${text}": give the server's base URL, without ?query or #fragment.`,
        vi: `"${text}": chỉ ghi địa chỉ gốc của server, không kèm ?query hay #fragment.`,
      },
      "endpoint",
    );
  }
  let path = url.pathname.replace(/\/+$/, "");
  path = path.replace(/\/chat\/completions$/, "");
  if (!/\/v\d+[a-z0-9]*$/i.test(path)) path = `${path}/v1`;
  return `${url.origin}${path}`;
}

export interface ModelMapEntry {
  /** The Bedrock id pattern as written. */
  pattern: string;
  matcher: RegExp;
  /** The local model's name as the server knows it. */
  model: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

export function parseModelMap(text: string): ModelMapEntry[] {
  const entries: ModelMapEntry[] = [];
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    const pattern = eq < 0 ? "*" : item.slice(0, eq).trim();
    const model = (eq < 0 ? item : item.slice(eq + 1)).trim();
    if (pattern === "" || model === "") {
      throw new ModelBackendConfigError(
        {
          en: `"${item}" is not BEDROCK_ID=LOCAL_MODEL. Example: "anthropic.*=qwen2.5:7b,*=llama3.2" (or one model name for all).`,
          vi: `"${item}" không có dạng BEDROCK_ID=MODEL_CỤC_BỘ. Ví dụ: "anthropic.*=qwen2.5:7b,*=llama3.2" (hoặc một tên model cho tất cả).`,
        },
        "map",
      );
    }
    entries.push({ pattern, model, matcher: new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`) });
  }
  return entries;
}

/** The local model for a call: the first entry matching the id as sent or the model it resolved to. */
export function mapModel(entries: readonly ModelMapEntry[], ids: readonly string[]): string | undefined {
  return entries.find((entry) => ids.some((id) => entry.matcher.test(id)))?.model;
}
