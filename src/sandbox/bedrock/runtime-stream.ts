/**
 * The two streaming operations, once the model has accepted the call: headers go out at once, then the stream's
 * parts as the model produces them, each framed as an event (eventstream/frames.ts). An error after that point —
 * the model failing, a real backend stalling, the `stream-error` fault — ends the stream with an exception message.
 * The call is logged and measured when the stream ends: its record's output is the list of parts it sent.
 */
import { AwsError } from "../errors.js";
import { chunkFrame, EVENT_STREAM_CONTENT_TYPE, eventFrame, exceptionFrame } from "../eventstream/frames.js";
import type { StreamErrorType } from "../faults/config.js";
import type {
  Completion,
  ModelSource,
  ModelStream,
  PreparedCall,
  RuntimeOperation,
  StreamPart,
} from "../model/index.js";
import { labelHeaders, loggedPart } from "../model/index.js";
import type { InvocationTarget } from "../model/index.js";
import type { RestReply } from "../server/types.js";
import type { CallRecorder } from "./runtime-record.js";
import { exceptionMember, exceptionPayload, simulatedStreamError } from "./stream-errors.js";

/** A `stream-error` fault strikes after this many text deltas (or just before the end of a shorter reply). */
export const STREAM_ERROR_AFTER_DELTAS = 3;

const toFrame = (part: StreamPart): Uint8Array =>
  part.kind === "chunk" ? chunkFrame(part.chunk) : eventFrame(part.type, part.payload);

export interface StreamCall {
  operation: RuntimeOperation;
  target: InvocationTarget;
  call: PreparedCall;
  recorder: CallRecorder;
  model: ModelSource;
  /** The simulated mid-stream fault decided for this call, if any. */
  breakWith: StreamErrorType | undefined;
}

/** Starts the model (its refusal throws, for the caller to answer as an HTTP error) and returns the streamed reply. */
export async function startStream(s: StreamCall): Promise<RestReply> {
  const cancel = new AbortController();
  const stream = await s.model.stream(s.target, s.call.request, cancel.signal);
  return {
    headers: {
      "content-type": EVENT_STREAM_CONTENT_TYPE,
      ...(s.operation === "InvokeModelWithResponseStream" ? { "x-amzn-bedrock-content-type": "application/json" } : {}),
      ...labelHeaders(s.model.label, stream.backendModel),
    },
    stream: (signal) => {
      signal.addEventListener("abort", () => cancel.abort(), { once: true });
      return frames(s, stream, signal);
    },
  };
}

async function* frames(s: StreamCall, stream: ModelStream, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const logged: unknown[] = [];
  const emit = (parts: StreamPart[]): Uint8Array[] =>
    parts.map((part) => {
      logged.push(loggedPart(part));
      return toFrame(part);
    });
  let finished: Completion | undefined;
  let failed: AwsError | undefined;
  try {
    yield* emit(s.call.stream.start(stream.inputTokens));
    let deltas = 0;
    for (;;) {
      const next = await stream.deltas.next();
      if (next.done === true) {
        finished = next.value;
        break;
      }
      yield* emit(s.call.stream.delta(next.value));
      deltas += 1;
      if (s.breakWith !== undefined && deltas >= STREAM_ERROR_AFTER_DELTAS) throw simulatedStreamError(s.breakWith);
    }
    if (s.breakWith !== undefined) throw simulatedStreamError(s.breakWith);
    yield* emit(s.call.stream.finish(finished));
  } catch (error) {
    // The client went away (or the sandbox is closing): nobody is left to tell, and the call is not recorded.
    if (signal.aborted) return;
    failed =
      error instanceof AwsError
        ? error
        : new AwsError("InternalServerException", `The stream failed: ${(error as Error).message}`, { status: 500 });
    const member = exceptionMember(s.operation, failed);
    yield exceptionFrame(member, exceptionPayload(member, failed));
  } finally {
    await stream.deltas.return(undefined as never).catch(() => undefined);
    if (failed !== undefined) s.recorder.failure(failed, stream.inputTokens);
    else if (finished !== undefined && !signal.aborted) s.recorder.success(finished, logged, finished.firstTokenMs);
  }
}
