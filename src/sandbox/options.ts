import type { SandboxCredentials } from "./auth/identity.js";
import type { FaultConfig } from "./faults/config.js";
import type { ServerLimits } from "./server/limits.js";
import type { ModelLabel } from "./model/index.js";

export interface SandboxOptions {
  /** 0 = an ephemeral port. Default 4566. */
  port?: number;
  /** Default 127.0.0.1. Any non-loopback host also needs allowNonLoopback (and prints a warning). */
  host?: string;
  allowNonLoopback?: boolean;
  /**
   * More Host names to answer to (`--allow-host`), beyond loopback, `host` and, for a wildcard host, the machine's
   * own addresses and name. Requests for any other Host are refused (DNS rebinding).
   */
  allowHosts?: readonly string[];
  /** Timeouts and the connection cap; tests shorten them. Default DEFAULT_LIMITS. */
  limits?: Partial<ServerLimits>;
  /** A file path (WAL, durable) or ":memory:" (tests). Default ":memory:". */
  dbPath?: string;
  /** How long after a runtime call its invocation log becomes visible. Default 3000 ms; tests use 0. */
  deliveryDelayMs?: number;
  /** Merged onto the defaults, after GENAI_LAB_SANDBOX_FAULTS from `env`. Tests usually pass { iamPropagationMs: 0 }. */
  faults?: Partial<FaultConfig> | string;
  /** The accepted key pair. Default SANDBOX_DEFAULTS' example pair. */
  credentials?: SandboxCredentials;
  /** The account the default key pair belongs to. Default 123456789012. */
  accountId?: string;
  /** The Region printed for clients to use (requests may sign for any Region). Default us-east-1. */
  region?: string;
  /**
   * How fast simulated streams unfold: 1 = the simulated timeline in real time (first token after the model's
   * simulated time to first token, the rest over its latency), 0.1 = ten times faster, 0 = no waiting.
   * Default: GENAI_LAB_SANDBOX_STREAM_SCALE from `env`, else 1.
   */
  streamTimeScale?: number;
  /**
   * A real model behind Bedrock Runtime: an OpenAI-compatible server's URL (e.g. http://localhost:11434 for
   * Ollama). Default: GENAI_LAB_MODEL_ENDPOINT from `env`; unset = the simulated model.
   */
  modelEndpoint?: string;
  /** Which local model serves which Bedrock id ("anthropic.*=qwen2.5,*=llama3.2"). Default: GENAI_LAB_MODEL_MAP. */
  modelMap?: string;
  /** Longest silence from the model server before ModelTimeoutException. Default GENAI_LAB_MODEL_TIMEOUT_MS, 300 s. */
  modelTimeoutMs?: number;
  /** The sandbox clock, epoch ms. Default Date.now. */
  now?: () => number;
  /** Where GENAI_LAB_SANDBOX_FAULTS, …_STREAM_SCALE and GENAI_LAB_MODEL_* are read from. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Warnings (e.g. listening beyond loopback). Default: written to stderr. */
  onWarning?: (message: string) => void;
  /** Unexpected internal errors (bugs), already answered as HTTP 500. Default: written to stderr. */
  onError?: (error: unknown) => void;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4566 — pass as the SDK's `endpoint` / AWS_ENDPOINT_URL. */
  endpoint: string;
  port: number;
  host: string;
  credentials: SandboxCredentials;
  region: string;
  accountId: string;
  /**
   * A random id of this running sandbox, which its health endpoint reports (`instance`): a record of it can tell it
   * from another program on the same port without the health endpoint revealing any local path.
   */
  instanceId: string;
  /** Who answers Bedrock Runtime calls: the simulated model, or a real model via a URL. */
  model: ModelLabel;
  /** The live fault configuration. */
  readonly faults: Readonly<FaultConfig>;
  /** Merges onto the current faults (compact syntax or object; "none" resets). Throws FaultSyntaxError. */
  setFaults(faults: Partial<FaultConfig> | string): void;
  /** Stops listening, drops connections, closes the database. */
  close(): Promise<void>;
}
