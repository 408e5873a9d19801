/** What the lab owns on this target, according to its ledger. */
import type { LedgerEntry } from "../../src/engine/contract.js";
import { LAB_TAG } from "../lab.js";
import type { ActCtx } from "./model.js";

/** The lab created it (or was creating it when interrupted): cleanup's to remove. */
export function isOwned(entry: LedgerEntry): boolean {
  return entry.state === "created" || entry.state === "creating";
}

/** The entry of a resource the lab owns, if any. */
export function ownedEntry(ctx: ActCtx, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger.entries().find((entry) => entry.type === type && entry.name === name && isOwned(entry));
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
