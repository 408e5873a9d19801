/** Reading the lab's resource ledger: what the lab's actions created here (and cleanup's to remove). */
import type { LedgerEntry, LedgerReader } from "../engine/contract.js";

/** The lab created it (or was creating it when interrupted, so it may exist). */
export function isOwned(entry: LedgerEntry): boolean {
  return entry.state === "created" || entry.state === "creating";
}

export function ownedEntries(ledger: LedgerReader): LedgerEntry[] {
  return ledger.entries().filter(isOwned);
}

/** The entry of a resource the lab owns, if any. */
export function ownedEntry(ledger: LedgerReader, type: string, name: string): LedgerEntry | undefined {
  return ownedEntries(ledger).find((entry) => entry.type === type && entry.name === name);
}
