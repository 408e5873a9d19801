/** What the lab owns on this target, according to its ledger. */
import type { LedgerEntry } from "../../src/engine/contract.js";
import type { ActCtx } from "./model.js";

/** The entry of a resource the lab created (or was creating when interrupted), if any. */
export function ownedEntry(ctx: ActCtx, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger
    .entries()
    .find((entry) => entry.type === type && entry.name === name && (entry.state === "created" || entry.state === "creating"));
}
