/** What the lab owns on this target, according to its ledger. */
import { canonicalJson, type CheckContext, type DoneBy, type LedgerEntry, type LedgerReader } from "genai-lab/kit";
import { createHash } from "node:crypto";
import { LAB_TAG } from "../lab.js";

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

/**
 * Carries the lab's tag (lab.ts LAB_TAG): the lab made it, even if the ledger no longer says so (its progress was
 * reset with --forget-resources, lost with a damaged file, or kept on another machine). Such a resource is the
 * lab's again: re-tracked as owned, so that cleanup removes it rather than leaving it as "already there".
 */
export function isLabTagged(
  tags: Record<string, string | undefined> | { Key?: string; Value?: string }[] | undefined,
): boolean {
  if (!tags) return false;
  if (Array.isArray(tags)) return tags.some((tag) => tag.Key === LAB_TAG.key && tag.Value === LAB_TAG.value);
  return tags[LAB_TAG.key] === LAB_TAG.value;
}
