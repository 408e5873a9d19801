/** The process's streams and environment, passed explicitly so commands are testable in-process. */
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

/** A person at a terminal on both sides: the interactive lab can draw and read keys. */
export function isInteractive(io: Pick<Io, "stdout" | "stdin">): boolean {
  return io.stdout.isTTY === true && io.stdin.isTTY === true;
}
