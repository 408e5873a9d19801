/**
 * `@ptr`: the opaque pointer to one log record that raw result rows carry and GetLogRecord takes back.
 * AWS's pointers are base64; ours encode the log group id and event id, so GetLogRecord can find the event
 * and a pointer into a deleted-and-recreated group (new id) stops resolving.
 */

const PREFIX = "glab1:";

export function encodePointer(groupId: number, eventId: number): string {
  return Buffer.from(`${PREFIX}${groupId}:${eventId}`, "utf8").toString("base64");
}

export function decodePointer(pointer: string): { groupId: number; eventId: number } | undefined {
  const text = Buffer.from(pointer, "base64").toString("utf8");
  if (!text.startsWith(PREFIX)) return undefined;
  const [group, event] = text.slice(PREFIX.length).split(":");
  const groupId = Number(group);
  const eventId = Number(event);
  if (!Number.isSafeInteger(groupId) || !Number.isSafeInteger(eventId)) return undefined;
  return { groupId, eventId };
}
