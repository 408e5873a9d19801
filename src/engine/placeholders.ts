/**
 * `{{placeholders}}` in a lab's Markdown, filled when the page is shown, not when the lab loads, so that `--param`,
 * the target and what earlier steps found change what the learner reads:
 *
 *   "Call `{{modelId}}` in {{target.region}}; logs go to `{{params.logGroupName}}`."
 *   with modelId = "us.anthropic.claude-3-5-sonnet-20241022-v2:0" (step 0 chose it), target.region = "us-east-1",
 *   params.logGroupName = "/aws/bedrock/model-invocations"
 *   → "Call `us.anthropic.claude-3-5-sonnet-20241022-v2:0` in us-east-1; logs go to `/aws/bedrock/model-invocations`."
 *
 * Three kinds of name: `params.NAME` (a lab parameter, after --param), `target.region` / `target.accountId` /
 * `target.kind` (where the lab runs), and a bare `NAME` that the step computes (its `values`).
 */
export const TARGET_FIELDS = ["region", "accountId", "kind"] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z]\w*(?:\.[A-Za-z]\w*)?)\s*\}\}/g;

export interface PlaceholderScan {
  /** Every name used, once each, in order of first use. */
  names: string[];
  /** Line numbers (1-based) of a `{{` that opens no well-formed placeholder, e.g. `{{ model id }}` or `{{x}`. */
  malformed: number[];
}

export function scanPlaceholders(source: string): PlaceholderScan {
  const names = new Set<string>();
  for (const match of source.matchAll(PLACEHOLDER)) names.add(match[1]!);
  const malformed: number[] = [];
  source
    .replace(PLACEHOLDER, "")
    .split("\n")
    .forEach((line, index) => {
      if (line.includes("{{")) malformed.push(index + 1);
    });
  return { names: [...names], malformed };
}

/** Replaces every placeholder with what `valueOf` says; a name it does not know stays as written. */
export function fillPlaceholders(source: string, valueOf: (name: string) => string | undefined): string {
  return source.replace(PLACEHOLDER, (whole, name: string) => valueOf(name) ?? whole);
}

/** How a parameter reads in prose: lists joined with ", ". */
export function paramText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}
