/**
 * How a learner's second terminal can run genai-lab. After the README's `npm install && npm start` the program is
 * not on PATH (npm links a package's own bin only with `npm link` or a global install), so a printed
 * `eval "$(genai-lab env)"` would fail with "command not found". When `genai-lab` is not found on PATH, the printed
 * lines name this very program by its path (`node /…/bin/genai-lab.js env`), and `env` defines a `genai-lab`
 * function in the learner's shell so that every later printed `genai-lab …` line (hint, commands, sandbox seed)
 * works there too.
 */
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { quoted, type Shell } from "./shell-lines.js";

const NAME = "genai-lab";

/** Whether `genai-lab` is an executable file in one of PATH's folders. */
export function onPath(env: NodeJS.ProcessEnv, platform = process.platform): boolean {
  const names = platform === "win32" ? [`${NAME}.cmd`, `${NAME}.ps1`, `${NAME}.exe`] : [NAME];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/**
 * The launcher this process was started from (bin/genai-lab.js), resolved through npm's links; undefined when
 * genai-lab runs inside another program (a test runner, a script importing it).
 */
export function launcherPath(argv1 = process.argv[1]): string | undefined {
  if (!argv1) return undefined;
  let path = argv1;
  try {
    path = realpathSync(argv1);
  } catch {
    // as given
  }
  return /(^|[\\/])genai-lab(\.js)?$/.test(path) ? path : undefined;
}

/**
 * The command word(s) that start genai-lab in a learner's shell: `genai-lab` when it is on PATH (or when this
 * process's launcher is unknown), else `node <launcher>` (`& node <launcher>` is not needed: PowerShell runs
 * `node` as a command).
 */
export function selfCommand(shell: Shell, env: NodeJS.ProcessEnv, launcher = launcherPath()): string {
  if (!launcher || onPath(env)) return NAME;
  return `node ${quoted(launcher, shell)}`;
}

/** The line that defines `genai-lab` in the learner's shell when it is not on PATH; none when it is. */
export function selfFunction(shell: Shell, env: NodeJS.ProcessEnv, launcher = launcherPath()): string[] {
  if (!launcher || onPath(env)) return [];
  const path = quoted(launcher, shell);
  switch (shell) {
    case "bash":
    case "zsh":
      // `function NAME {`, not `NAME() {`: a `genai-lab` alias in the learner's shell would be expanded in the
      // latter and break the whole eval with a syntax error; the alias is dropped so later lines reach the function.
      return [`unalias ${NAME} 2>/dev/null || true`, `function ${NAME} { node ${path} "$@"; }`];
    case "fish":
      return [`function ${NAME}; node ${path} $argv; end`];
    case "powershell":
      return [`function ${NAME} { node ${path} @args }`];
  }
}
