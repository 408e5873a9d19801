/**
 * Connects to the chosen target: starts the in-process sandbox when that is the target (its data kept in the
 * state directory, so separate commands see the same world), builds the AWS clients, and asks STS who we are.
 * The AWS SDK and the sandbox are loaded here, lazily, never at start-up.
 */
import type { AwsClients } from "../aws/clients.js";
import type { AwsClientSpec, TargetInfo } from "../engine/contract.js";
import { ACCOUNT_ID } from "../engine/state-dir.js";
import type { RunningSandbox } from "../sandbox/index.js";
import { ConnectError } from "../app/lab-session.js";
import { asSandboxUsageError } from "./sandbox-errors.js";
import { absoluteDbPath, listenOnStablePort, registerSandbox, servePort } from "./sandbox-registry.js";
import type { TargetChoice } from "./target.js";

export { ConnectError };

export interface Connection {
  aws: AwsClients;
  target: TargetInfo;
  /** With `serve` on the sandbox: the loopback address the learner's own terminal reaches it at. */
  servedEndpoint?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  stateDir: string;
  /** The lab's AWS clients (its manifest's `clients`); STS is always there. */
  clients?: Record<string, AwsClientSpec>;
  env: NodeJS.ProcessEnv;
  /** Region when nothing else names one (the lab's default). */
  defaultRegion: string;
  /** Ctrl+C while connecting (an endpoint that never answers must not hold the command). */
  signal?: AbortSignal;
  /** Serve the learner's terminal too: the sandbox on a stable port, registered (sandbox-registry.ts). */
  serve?: boolean;
}

export async function connect(choice: TargetChoice, options: ConnectOptions): Promise<Connection> {
  const { configuredRegion, createAwsClients, GetCallerIdentityCommand } = await import("../aws/clients.js");
  const { classifyAwsError } = await import("../aws/classify.js");

  let sandbox: RunningSandbox | undefined;
  let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  let endpoint = choice.endpoint;
  let region = choice.region;
  if (choice.kind === "sandbox") {
    sandbox = await startStateSandbox(options.stateDir, options.env, { serve: options.serve ?? false });
    endpoint = sandbox.endpoint;
    credentials = { ...sandbox.credentials };
  } else {
    credentials = await standaloneSandboxCredentials(choice, options.env);
    await requireProfile(choice, options.env);
  }

  const clientOptions = {
    ...(choice.profile ? { profile: choice.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  };
  // Let the SDK read the Region from the profile (~/.aws/config), as the AWS CLI would.
  if (region === undefined && choice.kind === "aws") region = await configuredRegion(clientOptions);
  region ||= options.defaultRegion;
  const aws = createAwsClients(options.clients ?? {}, { ...clientOptions, region });
  const close = async () => {
    aws.destroy();
    await sandbox?.close();
  };
  try {
    const identity = await aws.sts.send(new GetCallerIdentityCommand({}), { abortSignal: options.signal });
    // Remote data: an Account that is not 12 digits is not AWS (and must never reach a file path).
    if (!identity.Account || !ACCOUNT_ID.test(identity.Account)) throw notAws(identity.Account);
    const target: TargetInfo = {
      kind: choice.kind,
      region,
      accountId: identity.Account,
      principalArn: identity.Arn ?? "unknown",
      ...(choice.profile ? { profile: choice.profile } : {}),
      ...(choice.kind !== "sandbox" && endpoint ? { endpoint } : {}),
      ...(sandbox?.model.kind === "endpoint" ? { realModel: sandbox.model.url } : {}),
    };
    return { aws, target, close, ...(sandbox && options.serve ? { servedEndpoint: sandbox.endpoint } : {}) };
  } catch (error) {
    await close();
    if (options.signal?.aborted) throw error;
    throw new ConnectError(classifyAwsError(error));
  }
}

/**
 * The in-process sandbox on the state directory's data (so separate commands see the same world), with the
 * GENAI_LAB_SANDBOX_* and GENAI_LAB_MODEL_* (a real model behind it) settings of `env`; its configuration errors
 * become usage errors. With `serve`, it listens on a stable port and registers itself for `genai-lab env` until it
 * closes.
 */
export async function startStateSandbox(
  stateDir: string,
  env: NodeJS.ProcessEnv,
  options: { serve?: boolean } = {},
): Promise<RunningSandbox> {
  const { startSandbox } = await import("../sandbox/index.js");
  const delay = Number(env.GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS);
  const start = (port: number) =>
    startSandbox({
      port,
      dbPath: absoluteDbPath(stateDir),
      env,
      ...(Number.isFinite(delay) && env.GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS !== undefined
        ? { deliveryDelayMs: delay }
        : {}),
    });
  const pinned = servePort(env);
  const listen = () => (!options.serve ? start(0) : pinned !== undefined ? start(pinned) : listenOnStablePort(start));
  const sandbox = await listen().catch(async (error: unknown) => {
    throw await asSandboxUsageError(error, "GENAI_LAB_SANDBOX_FAULTS");
  });
  return options.serve ? withRegistration(sandbox, await registerSandbox(stateDir, sandbox)) : sandbox;
}

function withRegistration(sandbox: RunningSandbox, unregister: () => void): RunningSandbox {
  const close = sandbox.close;
  return Object.assign(sandbox, {
    close: () => {
      unregister();
      return close();
    },
  });
}

/**
 * A bare endpoint (no profile) with no credentials configured is most likely a standalone genai-lab sandbox: its
 * well-known keys. Undefined for any other choice, which the SDK's default chain serves.
 */
export async function standaloneSandboxCredentials(
  choice: TargetChoice,
  env: NodeJS.ProcessEnv,
): Promise<{ accessKeyId: string; secretAccessKey: string } | undefined> {
  if (choice.kind !== "endpoint" || choice.profile || env.AWS_ACCESS_KEY_ID) return undefined;
  const { SANDBOX_DEFAULTS } = await import("../sandbox/context.js");
  return { accessKeyId: SANDBOX_DEFAULTS.accessKeyId, secretAccessKey: SANDBOX_DEFAULTS.secretAccessKey };
}

/**
 * A profile named by --profile or AWS_PROFILE must exist before any client is built: the SDK would otherwise fall
 * through its whole credential chain and say only "Could not load credentials from any providers".
 */
async function requireProfile(choice: TargetChoice, env: NodeJS.ProcessEnv): Promise<void> {
  const profile = choice.profile ?? (choice.kind === "aws" ? env.AWS_PROFILE : undefined);
  if (!profile) return;
  const { lookUpProfile } = await import("../aws/profiles.js");
  const { HINTS } = await import("../aws/hints.js");
  const found = await lookUpProfile(profile, env);
  if (found.exists) return;
  throw new ConnectError({
    kind: "credentials",
    code: "ProfileNotFound",
    ...HINTS.profileNotFound(profile, found.files, found.profiles),
    retryable: false,
  });
}

/** STS answered without a valid account: whatever is at the endpoint is not (enough of) AWS to run the lab on. */
function notAws(account: string | undefined): Error {
  const what = account ? "an Account that is not 12 digits" : "no Account";
  return Object.assign(new Error(`GetCallerIdentity returned ${what}.`), {
    name: "NotAwsResponse",
    $metadata: {},
  });
}
