/**
 * Evidence a grader can look up: every AWS call a check makes is recorded — service, operation, the request id AWS
 * answered with, HTTP status, time — and filed under the checklist item whose check was running. The runner runs
 * one check at a time per session, so "the check that was running" is exact. A middleware at the outermost step
 * sees the final outcome after the SDK's retries.
 */
import type { AwsClients } from "../../aws/clients.js";
import type { RunnerEvent } from "../../engine/events.js";
import type { AwsRequestRecord } from "../../report/model.js";

interface Meta {
  requestId?: string;
  httpStatusCode?: number;
}

type Handler = (args: unknown) => Promise<{ output: { $metadata?: Meta } }>;
interface StackLike {
  add(
    middleware: (next: Handler, context: { clientName?: string; commandName?: string }) => Handler,
    options: object,
  ): void;
}

export class RequestRecorder {
  readonly #byItem = new Map<string, AwsRequestRecord[]>();
  #current: string | undefined;

  /**
   * Files calls under the check that is running (a listener for `runner.subscribe`). A check that runs again starts
   * a new list: what it holds is always the calls of the check's latest run (the TUI re-checks many times).
   */
  readonly listener = (event: RunnerEvent): void => {
    if (event.type === "check-started") {
      this.#current = event.checkId;
      this.#byItem.delete(event.checkId);
    }
    if (event.type === "check-finished") this.#current = undefined;
  };

  get byItem(): ReadonlyMap<string, AwsRequestRecord[]> {
    return this.#byItem;
  }

  /** Records the calls of every client the lab declared (`names`), and of STS. */
  attach(aws: AwsClients, names: readonly string[]): void {
    for (const name of new Set(["sts", ...names])) {
      const client = (aws as unknown as Record<string, { middlewareStack?: unknown }>)[name];
      (client?.middlewareStack as StackLike | undefined)?.add(
        (next, context) => async (args) => {
          const owner = this.#current;
          const at = new Date().toISOString();
          const service = (context.clientName ?? name).replace(/Client$/, "");
          const operation = (context.commandName ?? "").replace(/Command$/, "");
          try {
            const result = await next(args);
            this.#record(owner, { service, operation, ...ids(result.output.$metadata), at });
            return result;
          } catch (error) {
            const e = error as { name?: string; $metadata?: Meta };
            this.#record(owner, { service, operation, ...ids(e.$metadata), at, error: e.name ?? "Error" });
            throw error;
          }
        },
        { step: "initialize", name: "genaiLabRequestRecorder", priority: "high", override: true },
      );
    }
  }

  #record(owner: string | undefined, record: AwsRequestRecord): void {
    if (owner === undefined) return;
    const list = this.#byItem.get(owner) ?? [];
    list.push(record);
    this.#byItem.set(owner, list);
  }
}

function ids(meta: Meta | undefined): Pick<AwsRequestRecord, "requestId" | "httpStatus"> {
  return { requestId: meta?.requestId ?? null, httpStatus: meta?.httpStatusCode ?? null };
}
