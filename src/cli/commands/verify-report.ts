/**
 * `genai-lab verify-report FILE`: re-checks a JSON report's digest (and its HMAC signature when an instructor key
 * is set): 0 valid, 1 edited (or badly signed), 2 unreadable. For a class's gradebook, every learner's report is
 * checked too, and the ones that fail are named.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fill, tr, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { checkIntegrity, type IntegrityCheck } from "../../report/integrity.js";
import { REPORT_SCHEMA_VERSION } from "../../report/model.js";
import type { Command } from "../command.js";
import { reportKey } from "../grade/secrets.js";

const V = {
  noFile: {
    vi: "verify-report cần một tệp: genai-lab verify-report report.json",
    en: "verify-report needs a file: genai-lab verify-report report.json",
  },
  unreadable: { vi: "{file}: không đọc được tệp ({code}).", en: "{file}: cannot read the file ({code})." },
  notJson: {
    vi: "{file}: không phải báo cáo JSON. Chỉ báo cáo JSON (check --format json) mới kiểm tra được; JUnit và Markdown chỉ ghi lại SHA-256 của nó để đối chiếu.",
    en: "{file}: not a JSON report. Only JSON reports (check --format json) can be verified; JUnit and Markdown only quote its SHA-256 for reference.",
  },
  notReport: { vi: "{file}: không phải báo cáo của genai-lab.", en: "{file}: not a genai-lab report." },
  unsealedOld: {
    vi: "{file}: báo cáo schemaVersion 1 chưa có digest nên không kiểm tra được; tạo lại bằng genai-lab check --format json.",
    en: "{file}: a schemaVersion 1 report carries no digest, so it cannot be verified; make a new one with genai-lab check --format json.",
  },
  newer: {
    vi: "{file}: báo cáo từ genai-lab mới hơn (schemaVersion {v}); hãy cập nhật genai-lab.",
    en: "{file}: the report comes from a newer genai-lab (schemaVersion {v}); update genai-lab.",
  },
  valid: { vi: "✓ hợp lệ: {file} — {what}", en: "✓ valid: {file} — {what}" },
  tampered: { vi: "✗ đã bị sửa: {file} — {why}", en: "✗ edited: {file} — {why}" },
  verified: { vi: "chữ ký HMAC đúng (khoá {key})", en: "HMAC signature verified (key {key})" },
  absent: {
    vi: "chưa ký (chỉ có digest: phát hiện chỉnh sửa, không chống giả mạo)",
    en: "not signed (digest only: detects edits, not forgery)",
  },
  unchecked: {
    vi: "có chữ ký HMAC nhưng chưa kiểm tra: đặt GENAI_LAB_REPORT_KEY hoặc GENAI_LAB_REPORT_KEY_FILE",
    en: "carries an HMAC signature, not checked: set GENAI_LAB_REPORT_KEY or GENAI_LAB_REPORT_KEY_FILE",
  },
  "no-integrity": {
    vi: "thiếu trường integrity (digest đã bị gỡ)",
    en: "the integrity field is missing (the digest was removed)",
  },
  "digest-mismatch": {
    vi: "nội dung không khớp với SHA-256 ghi trong báo cáo",
    en: "the content does not match the SHA-256 it carries",
  },
  "signature-mismatch": { vi: "chữ ký HMAC sai", en: "the HMAC signature is wrong" },
  "wrong-key": { vi: "được ký bằng một khoá khác", en: "signed with another key" },
  unsigned: { vi: "không có chữ ký HMAC, mà khoá đã được đặt", en: "not signed, and a key is set" },
  learners: {
    vi: "{n}/{total} báo cáo của học viên đã bị sửa",
    en: "{n} of {total} learner reports were edited",
  },
  classOf: { vi: "{n} học viên, trung bình {mean}%", en: "{n} learners, mean {mean}%" },
} satisfies Record<string, Text>;

export const verifyReport: Command = async (ctx) => {
  const { io, lang } = ctx;
  const say = (text: Text, values: Record<string, string | number> = {}) => tr(fill(text, values), lang);
  const file = ctx.parsed.rest[0];
  if (!file || ctx.parsed.rest.length > 1) throw new UsageError(V.noFile);
  let raw: string;
  try {
    raw = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(fill(V.unreadable, { file, code: (error as NodeJS.ErrnoException).code ?? "error" }));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    throw new UsageError(fill(V.notJson, { file }));
  }
  if (
    !doc ||
    typeof doc !== "object" ||
    Array.isArray(doc) ||
    typeof (doc as { schemaVersion?: unknown }).schemaVersion !== "number"
  ) {
    throw new UsageError(fill(V.notReport, { file }));
  }
  const record = doc as Record<string, unknown>;
  const version = record.schemaVersion as number;
  if (version > REPORT_SCHEMA_VERSION) throw new UsageError(fill(V.newer, { file, v: version }));
  if (version < 2) throw new UsageError(fill(V.unsealedOld, { file }));
  if (record.kind !== "checklist" && record.kind !== "gradebook") throw new UsageError(fill(V.notReport, { file }));

  const key = reportKey(io.env);
  const outcome = checkIntegrity(record, key);
  const inner =
    record.kind === "gradebook" && Array.isArray(record.targets) ? (record.targets as Record<string, unknown>[]) : [];
  const badInner = inner
    .map((target, i) => ({ i, target, check: checkIntegrity(target, key) }))
    .filter((x): x is typeof x & { check: Extract<IntegrityCheck, { ok: false }> } => !x.check.ok);
  if (!outcome.ok || badInner.length > 0) {
    const why = !outcome.ok ? say(V[outcome.reason]) : "";
    io.stdout.write(
      `${ctx.style.fail(say(V.tampered, { file, why: why || say(V.learners, { n: badInner.length, total: inner.length }) }))}\n`,
    );
    for (const { i, target, check } of badInner) {
      const name = (target.target as { learner?: string; account?: string } | undefined) ?? {};
      io.stdout.write(`  targets[${i}] ${name.learner ?? name.account ?? ""}: ${say(V[check.reason])}\n`);
    }
    return 1;
  }
  const integrity = record.integrity as { digest: string; signature?: { keyId: string } };
  const signature =
    outcome.signature === "verified"
      ? say(V.verified, { key: integrity.signature?.keyId ?? "" })
      : say(V[outcome.signature]);
  io.stdout.write(
    `${ctx.style.pass(say(V.valid, { file, what: describe(record, (n, mean) => say(V.classOf, { n, mean })) }))}\n`,
  );
  io.stdout.write(`  sha256 ${integrity.digest}\n  ${signature}\n`);
  return 0;
};

function describe(doc: Record<string, unknown>, classOf: (n: number, mean: number) => string): string {
  if (doc.kind === "gradebook") {
    const s = doc.summary as { targets?: number; meanPercent?: number } | undefined;
    return `${String(doc.lab)} · ${classOf(s?.targets ?? 0, s?.meanPercent ?? 0)} · ${String(doc.finishedAt ?? "")}`;
  }
  const s = doc.summary as { passed?: number; total?: number; percent?: number } | undefined;
  const t = doc.target as { account?: string; region?: string; learner?: string } | undefined;
  const who = [t?.learner, t?.account, t?.region].filter(Boolean).join(" · ");
  return `${String(doc.lab)} · ${who} · ${s?.passed ?? 0}/${s?.total ?? 0} · ${s?.percent ?? 0}% · ${String(doc.finishedAt ?? "")}`;
}
