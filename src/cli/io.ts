/** The process's streams and environment, passed explicitly so commands are testable in-process. */
import { tr, type Lang, type Text } from "../engine/text.js";

export interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Stream;
  stderr: Stream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

export function say(stream: Stream, text: Text | string, lang: Lang): void {
  stream.write(`${typeof text === "string" ? text : tr(text, lang)}\n`);
}
