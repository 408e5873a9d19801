/**
 * AWS event-stream framing (`application/vnd.amazon.eventstream`), as Bedrock Runtime streams its replies, over
 * @smithy/core's codec (the one the AWS SDKs decode with). One message on the wire:
 *
 *   total length (4) · headers length (4) · prelude CRC32 (4) · headers · payload · message CRC32 (4)
 *
 * An event   `:event-type: chunk`                   `:content-type: application/json`  `:message-type: event`
 *            payload {"bytes":"<base64 of one model chunk>","p":"abcd…"}
 * An error   `:exception-type: throttlingException` `:content-type: application/json`  `:message-type: exception`
 *            payload {"message":"…"}
 *
 * The `p` member is the padding Bedrock adds to every event so that sizes on the wire do not reveal the text; SDKs
 * ignore it. Its length here varies with the payload, deterministically.
 */
import { EventStreamCodec } from "@smithy/core/event-streams";
import type { MessageHeaders } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";

export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const header = (value: string) => ({ type: "string", value }) as const;

/** Deterministic padding of 1–62 characters, chosen from the payload's own length. */
function padding(payloadJson: string): string {
  return PADDING.slice(0, 1 + ((payloadJson.length * 7) % PADDING.length));
}

function frame(headers: MessageHeaders, payload: Record<string, unknown>): Uint8Array {
  return codec.encode({ headers, body: fromUtf8(JSON.stringify(payload)) });
}

/** One event of a stream union member (`chunk`, `contentBlockDelta`, `metadata`, …), padded like Bedrock's. */
export function eventFrame(eventType: string, payload: Record<string, unknown>): Uint8Array {
  const json = JSON.stringify(payload);
  return frame(
    {
      ":event-type": header(eventType),
      ":content-type": header("application/json"),
      ":message-type": header("event"),
    },
    { ...payload, p: padding(json) },
  );
}

/** InvokeModelWithResponseStream's `chunk` event: the model's own JSON chunk, base64 in `bytes`. */
export function chunkFrame(modelChunk: unknown): Uint8Array {
  return eventFrame("chunk", { bytes: Buffer.from(JSON.stringify(modelChunk), "utf8").toString("base64") });
}

/** A modeled error inside the stream: `exceptionType` is the union member name, e.g. `modelStreamErrorException`. */
export function exceptionFrame(exceptionType: string, payload: Record<string, unknown>): Uint8Array {
  return frame(
    {
      ":exception-type": header(exceptionType),
      ":content-type": header("application/json"),
      ":message-type": header("exception"),
    },
    payload,
  );
}
