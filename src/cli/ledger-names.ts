/** Ledger entries as a learner reads them: "IAM role GenAILabBedrockLoggingRole", not a bare "us-east-1". */
import type { LedgerEntry } from "../engine/contract.js";
import type { Text } from "../engine/text.js";

const TYPES: Record<string, Text> = {
  "log-group": { vi: "log group", en: "log group" },
  "iam-role": { vi: "IAM role", en: "IAM role" },
  "iam-role-policy": { vi: "inline policy", en: "inline policy" },
  dashboard: { vi: "dashboard", en: "dashboard" },
};

export function describeEntry(entry: Pick<LedgerEntry, "type" | "name">): Text {
  if (entry.type === "logging-config")
    return {
      vi: `cấu hình invocation logging ở ${entry.name}`,
      en: `the invocation logging configuration in ${entry.name}`,
    };
  const type = TYPES[entry.type] ?? { vi: entry.type, en: entry.type };
  return { vi: `${type.vi} ${entry.name}`, en: `${type.en} ${entry.name}` };
}

export function describeEntries(entries: Pick<LedgerEntry, "type" | "name">[]): Text {
  const all = entries.map(describeEntry);
  return { vi: all.map((text) => text.vi).join(", "), en: all.map((text) => text.en).join(", ") };
}
