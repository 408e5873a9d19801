/** What the lab owns on this target, according to its ledger. */
import { canonicalJson, type CheckContext, type DoneBy, type LedgerEntry, type LedgerReader } from "genai-lab/kit";
import { createHash } from "node:crypto";

/** The lab created it (or was creating it when interrupted): cleanup's to remove. */
export function isOwned(entry: LedgerEntry): boolean {
  return entry.state === "created" || entry.state === "creating";
}

/** The entry of a resource the lab owns, if any (actions and checks alike read it). */
export function ownedEntry(ctx: { ledger: LedgerReader }, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger.entries().find((entry) => entry.type === type && entry.name === name && isOwned(entry));
}

/**
 * The entry of a resource the runner's action saw through to the end ("created"): what attribution compares with.
 * A "creating" entry (an interrupted run) proves nothing about what is there now.
 */
export function createdEntry(ctx: { ledger: LedgerReader }, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger.entries().find((entry) => entry.type === type && entry.name === name && entry.state === "created");
}

/** A digest of a JSON document that ignores key order and whitespace (undefined when the text is not JSON). */
export function jsonDigest(text: string): string | undefined {
  try {
    return createHash("sha256")
      .update(canonicalJson(JSON.parse(text) as unknown))
      .digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * Who did the work a check verified: the runner when the check proved its own actions made it; else the learner —
 * unless this progress is not the learner's (class grading), where not proving the runner proves nothing.
 */
export function creditFor(ctx: Pick<CheckContext, "attribution">, byRunner: boolean): DoneBy | undefined {
  if (byRunner) return "runner";
  return ctx.attribution === "checks-only" ? undefined : "learner";
}
