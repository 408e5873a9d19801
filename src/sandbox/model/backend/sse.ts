/**
 * Server-sent events as OpenAI-compatible servers stream chat completions:
 *   data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n … data: [DONE]\n\n
 * Yields each event's data (multi-line data joined with \n); comments (": keep-alive") and other fields are skipped.
 * `idle` is called with every received byte chunk (the caller's inactivity timer).
 */
export async function* sseData(
  body: ReadableStream<Uint8Array>,
  idle: () => void,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      idle();
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.search(/\r?\n/);
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(buffer[newline] === "\r" ? newline + 2 : newline + 1);
        if (line === "") {
          if (data.length > 0) yield data.join("\n");
          data = [];
        } else if (line.startsWith("data:")) {
          data.push(line.slice(5).replace(/^ /, ""));
        }
        newline = buffer.search(/\r?\n/);
      }
    }
    if (buffer.startsWith("data:")) data.push(buffer.slice(5).replace(/^ /, ""));
    if (data.length > 0) yield data.join("\n");
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
