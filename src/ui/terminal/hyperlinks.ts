/**
 * OSC 8 hyperlinks (clickable links) where the terminal is known to support them; elsewhere links are shown
 * as "label (url)". FORCE_HYPERLINK=1/0 overrides the guess, as in supports-hyperlinks.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== "0";
  if (!isTTY || env.TERM === "dumb" || env.CI) return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.DOMTERM || env.WEZTERM_PANE || env.KONSOLE_VERSION) return true;
  if (env.TERM === "xterm-kitty" || env.TERM === "xterm-ghostty" || env.TERM === "alacritty") return true;
  const program = env.TERM_PROGRAM ?? "";
  if (["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "tabby"].includes(program)) return true;
  const vte = Number(env.VTE_VERSION ?? 0);
  return vte >= 5000;
}

export function hyperlink(url: string, label: string): string {
  return `\u001B]8;;${url}\u0007${label}\u001B]8;;\u0007`;
}
