import { AwsError } from "../errors.js";
import type { ServiceName } from "../protocol/types.js";
import type { FaultConfig, StreamErrorType } from "./config.js";
import { createPrng } from "./prng.js";

export interface FaultDecision {
  latencyMs: number;
  error: AwsError | undefined;
}

/** Each service's own throttling and server-error shapes, as its clients classify them (retryable). */
function throttle(service: ServiceName): AwsError {
  switch (service) {
    case "bedrock-runtime":
    case "bedrock":
      return new AwsError("ThrottlingException", "Too many requests, please wait before trying again.", {
        status: 429,
      });
    case "logs":
      return new AwsError("ThrottlingException", "Rate exceeded", { status: 400 });
    case "monitoring":
    case "iam":
    case "sts":
      return new AwsError("Throttling", "Rate exceeded", { status: 400 });
  }
}

function serverError(service: ServiceName): AwsError {
  switch (service) {
    case "bedrock-runtime":
    case "bedrock":
      return new AwsError("ServiceUnavailableException", "Service Unavailable. Please try again later.", {
        status: 503,
      });
    case "logs":
      return new AwsError("ServiceUnavailableException", "The service cannot complete the request.", { status: 500 });
    case "monitoring":
      return new AwsError("InternalServiceFault", "Internal service error.", {
        status: 500,
        queryCode: "InternalServiceError",
      });
    case "iam":
      return new AwsError("ServiceFailure", "Request processing has failed because of an unknown error.", {
        status: 500,
      });
    case "sts":
      return new AwsError("InternalFailure", "An internal error occurred.", { status: 500 });
  }
}

/** Holds the live fault configuration and a seeded PRNG; replacing the configuration reseeds it. */
export class FaultInjector {
  #config: FaultConfig;
  #random: () => number;

  constructor(config: FaultConfig) {
    this.#config = config;
    this.#random = createPrng(config.seed);
  }

  get config(): Readonly<FaultConfig> {
    return this.#config;
  }

  set(config: FaultConfig): void {
    this.#config = config;
    this.#random = createPrng(config.seed);
  }

  /** Decides, for one call to `service`, the added latency and whether it fails. Draws the PRNG only when a rate is set. */
  decide(service: ServiceName): FaultDecision {
    const c = this.#config;
    const applies = c.scope === "all" || service === "bedrock-runtime";
    if (!applies) return { latencyMs: 0, error: undefined };
    let error: AwsError | undefined;
    if (c.throttleRate > 0 && this.#random() < c.throttleRate) error = throttle(service);
    else if (c.serverErrorRate > 0 && this.#random() < c.serverErrorRate) error = serverError(service);
    return { latencyMs: c.latencyMs, error };
  }

  /** Whether one streaming call breaks mid-stream, and with what. Draws the PRNG only when the rate is set. */
  decideStreamError(): StreamErrorType | undefined {
    const c = this.#config;
    if (c.streamErrorRate > 0 && this.#random() < c.streamErrorRate) return c.streamErrorType;
    return undefined;
  }
}
