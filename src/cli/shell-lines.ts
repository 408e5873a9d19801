/**
 * Environment variables as lines a shell runs: `genai-lab env`'s stdout, made to be eval'd (bash, zsh), sourced
 * (fish) or piped to Invoke-Expression (PowerShell). Values are quoted only when they need it, so the lines read
 * as a person would type them.
 */
export const SHELLS = ["bash", "zsh", "fish", "powershell"] as const;
export type Shell = (typeof SHELLS)[number];

/** A variable to set, or (value undefined) to remove. */
export type EnvLine = [name: string, value: string | undefined];

const PLAIN = /^[\w./:@+=,-]+$/;

/** A value as the shell reads it literally: quoted only when it needs it (PowerShell: always). */
export function quoted(value: string, shell: Shell): string {
  if (shell !== "powershell" && PLAIN.test(value)) return value;
  switch (shell) {
    case "bash":
    case "zsh":
      return `'${value.replace(/'/g, `'\\''`)}'`;
    case "fish":
      return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case "powershell":
      return `'${value.replace(/'/g, "''")}'`;
  }
}

export function shellLine([name, value]: EnvLine, shell: Shell): string {
  switch (shell) {
    case "bash":
    case "zsh":
      return value === undefined ? `unset ${name}` : `export ${name}=${quoted(value, shell)}`;
    case "fish":
      return value === undefined ? `set -e ${name}` : `set -gx ${name} ${quoted(value, shell)}`;
    case "powershell":
      return value === undefined
        ? `Remove-Item Env:${name} -ErrorAction SilentlyContinue`
        : `$Env:${name} = ${quoted(value, shell)}`;
  }
}

/**
 * Lines a shell needs beyond the variables so that the lab's printed blocks paste as they are: an interactive zsh
 * takes a `# comment` line for a command ("command not found: #") unless interactivecomments is set.
 */
export function pasteSettings(shell: Shell): string[] {
  return shell === "zsh" ? ["setopt interactivecomments"] : [];
}

/** --shell, else the login shell's name (SHELL), else PowerShell on Windows, else bash. */
export function detectShell(flag: string | undefined, env: NodeJS.ProcessEnv, platform = process.platform): Shell {
  if (flag && (SHELLS as readonly string[]).includes(flag)) return flag as Shell;
  const name = (env.SHELL ?? "").split("/").pop() ?? "";
  if ((SHELLS as readonly string[]).includes(name)) return name as Shell;
  return platform === "win32" ? "powershell" : "bash";
}

/**
 * How to apply the lines in that shell, for the note on stderr; `args` are the command's own options, `self` the
 * command that starts genai-lab there (self-command.ts: `node /…/bin/genai-lab.js` when it is not on PATH).
 */
/** Options as one POSIX-shell string: each quoted only where it needs it. */
export function shellOptions(args: readonly string[]): string {
  return args.map((arg) => (PLAIN.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(" ");
}

export function applyHint(shell: Shell, args: readonly string[] = [], self = "genai-lab"): string {
  const options = shellOptions(args);
  const command = `${self} env${options ? ` ${options}` : ""}`;
  switch (shell) {
    case "bash":
    case "zsh":
      return `eval "$(${command})"`;
    case "fish":
      return `${command} --shell fish | source`;
    case "powershell":
      return `${command} --shell powershell | Invoke-Expression`;
  }
}
