/** What the lab owns on this target, according to its ledger. */
import type { LedgerEntry } from "genai-lab/kit";
import type { ActCtx } from "./model.js";

/** The lab created it (or was creating it when interrupted): cleanup's to remove. */
export function isOwned(entry: LedgerEntry): boolean {
  return entry.state === "created" || entry.state === "creating";
}

/** The entry of a resource the lab owns, if any. */
export function ownedEntry(ctx: ActCtx, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger.entries().find((entry) => entry.type === type && entry.name === name && isOwned(entry));
}
