/**
 * Who to grade: `--profiles a,b,c` (each profile's own credentials) or `--accounts FILE`, a roster of account ids
 * and the role to assume in each with STS (CSV or JSON; docs/grading.md). A roster row may also name a profile:
 * alone, its credentials are used as they are; with a role, they are the base the role is assumed from.
 * Every problem is a UsageError naming the file, the line and the fix (exit 2).
 */
import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { UsageError } from "../../engine/usage-error.js";
import { REGION_NAME } from "../target.js";
import { parseCsv } from "./csv-parse.js";

export interface GradeTarget {
  /** The matrix row's name: the roster's name, else the profile or the account. */
  learner: string;
  /** The account the target must turn out to be (rosters always say; profiles may). */
  account?: string;
  /** A role name or full role ARN, assumed in `account`. */
  role?: string;
  externalId?: string;
  profile?: string;
  region?: string;
  /** Where the target was declared, e.g. "class.csv:4" or "--profiles". */
  source: string;
}

const ACCOUNT = /^\d{12}$/;
const ROLE_NAME = /^(?:\/(?:[\u0021-\u007E]+\/)?)?[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\u0021-\u007E]*\/)?[\w+=,.@-]{1,64}$/;
const PROFILE = /^[\w+=,.@:/-]{1,128}$/;

const bad = (where: string, vi: string, en: string) => new UsageError({ vi: `${where}: ${vi}`, en: `${where}: ${en}` });

export function profilesTargets(list: string): GradeTarget[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw bad(
      "--profiles",
      "cần ít nhất một tên profile, ví dụ --profiles an,binh.",
      "needs at least one profile name, e.g. --profiles an,binh.",
    );
  }
  for (const name of names) {
    if (!PROFILE.test(name))
      throw bad("--profiles", `"${name}" không phải tên profile hợp lệ.`, `"${name}" is not a valid profile name.`);
  }
  return dedupe(names.map((name) => ({ learner: name, profile: name, source: "--profiles" })));
}

type Row = Record<string, string | undefined>;

export function rosterTargets(path: string, cwd: string): GradeTarget[] {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw bad(`--accounts ${path}`, `không đọc được tệp (${code}).`, `cannot read the file (${code}).`);
  }
  const json = extname(full).toLowerCase() === ".json" || /^\s*[[{]/.test(text);
  const rows = json ? jsonRows(text, path) : csvRows(text, path);
  if (rows.length === 0) {
    throw bad(path, "không có dòng nào (cần ít nhất một tài khoản).", "has no rows (at least one account is needed).");
  }
  return dedupe(rows.map(({ row, where }) => toTarget(row, where)));
}

function csvRows(text: string, path: string): { row: Row; where: string }[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text).filter((r) => !(r.fields.length === 1 && /^\s*(#.*)?$/.test(r.fields[0] ?? "")));
  } catch (error) {
    throw bad(path, `CSV hỏng: ${(error as Error).message}.`, `broken CSV: ${(error as Error).message}.`);
  }
  const [header, ...body] = parsed;
  const columns = (header?.fields ?? []).map(normalizeKey);
  if (!columns.includes("account") && !columns.includes("profile")) {
    throw bad(
      `${path}:${header?.line ?? 1}`,
      "dòng đầu phải là tiêu đề có cột account (và role), ví dụ: account,role,name",
      "the first line must be a header with an account column (and role), e.g.: account,role,name",
    );
  }
  return body.map((r) => ({
    where: `${path}:${r.line}`,
    row: Object.fromEntries(columns.map((c, i) => [c, r.fields[i]?.trim() || undefined])),
  }));
}

function jsonRows(text: string, path: string): { row: Row; where: string }[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw bad(path, `JSON hỏng: ${(error as Error).message}.`, `broken JSON: ${(error as Error).message}.`);
  }
  const shape = () =>
    bad(
      path,
      'cần một mảng tài khoản, hoặc { "role": "...", "accounts": [...] } (xem docs/grading.md).',
      'expected an array of accounts, or { "role": "...", "accounts": [...] } (see docs/grading.md).',
    );
  const top = Array.isArray(doc) ? { accounts: doc } : doc;
  if (!top || typeof top !== "object" || !Array.isArray((top as { accounts?: unknown }).accounts)) throw shape();
  const defaults = Object.fromEntries(
    Object.entries(top as Record<string, unknown>)
      .filter(([k, v]) => k !== "accounts" && typeof v === "string")
      .map(([k, v]) => [normalizeKey(k), v as string]),
  );
  return (top as { accounts: unknown[] }).accounts.map((entry, i) => {
    const where = `${path} accounts[${i}]`;
    if (typeof entry === "string" || typeof entry === "number")
      return { where, row: { ...defaults, account: String(entry) } };
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw shape();
    const own = Object.fromEntries(
      Object.entries(entry as Record<string, unknown>).map(([k, v]) => [
        normalizeKey(k),
        v === null || v === undefined ? undefined : String(v),
      ]),
    );
    // Top-level defaults are for entries that name an account; a bare profile entry uses its own credentials.
    const { role: _role, externalId: _externalId, ...shared } = defaults;
    return { where, row: { ...(own.account !== undefined ? defaults : shared), ...own } };
  });
}

function normalizeKey(key: string): string {
  const k = key
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  return k === "externalid"
    ? "externalId"
    : k === "learner"
      ? "name"
      : k === "rolename" || k === "rolearn"
        ? "role"
        : k === "accountid"
          ? "account"
          : k;
}

function toTarget(row: Row, where: string): GradeTarget {
  const { account, role, name, externalId, profile, region } = row;
  if (account !== undefined && !ACCOUNT.test(account)) {
    throw bad(
      where,
      `"${account}" không phải account ID (12 chữ số).`,
      `"${account}" is not an account id (12 digits).`,
    );
  }
  if (account === undefined && profile === undefined) {
    throw bad(where, "thiếu account (hoặc profile).", "has no account (nor profile).");
  }
  if (account !== undefined && role === undefined && profile === undefined) {
    throw bad(
      where,
      `thiếu role để assume trong ${account} (cột role, ví dụ GenAILabGrader).`,
      `has no role to assume in ${account} (a role column, e.g. GenAILabGrader).`,
    );
  }
  if (role !== undefined) {
    const arn = ROLE_ARN.exec(role);
    if (!arn && !ROLE_NAME.test(role)) {
      throw bad(where, `"${role}" không phải tên hay ARN của IAM role.`, `"${role}" is not an IAM role name or ARN.`);
    }
    if (arn && account !== undefined && arn[1] !== account) {
      throw bad(
        where,
        `role ${role} thuộc tài khoản ${arn[1]}, không phải ${account}.`,
        `role ${role} is in account ${arn[1]}, not ${account}.`,
      );
    }
    if (!arn && account === undefined) {
      throw bad(
        where,
        `role "${role}" cần account (hoặc ghi đủ ARN).`,
        `role "${role}" needs an account (or write the full ARN).`,
      );
    }
  }
  if (region !== undefined && !REGION_NAME.test(region)) {
    throw bad(where, `"${region}" không phải tên Region AWS.`, `"${region}" is not an AWS Region name.`);
  }
  if (profile !== undefined && !PROFILE.test(profile))
    throw bad(where, `"${profile}" không phải tên profile hợp lệ.`, `"${profile}" is not a valid profile name.`);
  const roleAccount = role ? ROLE_ARN.exec(role)?.[1] : undefined;
  return {
    learner: name ?? account ?? roleAccount ?? profile ?? where,
    ...((account ?? roleAccount) ? { account: account ?? roleAccount } : {}),
    ...(role ? { role } : {}),
    ...(externalId ? { externalId } : {}),
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {}),
    source: where,
  };
}

/** The same account (or profile) twice is a roster mistake: both lines are named. */
function dedupe(targets: GradeTarget[]): GradeTarget[] {
  const seen = new Map<string, GradeTarget>();
  for (const t of targets) {
    const key = t.role || !t.profile ? `account:${t.account}` : `profile:${t.profile}`;
    const first = seen.get(key);
    if (first) {
      throw bad(
        t.source,
        `trùng với ${first.source} (${key.replace(/^\w+:/, "")}).`,
        `repeats ${first.source} (${key.replace(/^\w+:/, "")}).`,
      );
    }
    seen.set(key, t);
  }
  return targets;
}

/** The role ARN to assume for a target, in the partition of the grader's own identity. */
export function roleArnFor(target: GradeTarget, partition = "aws"): string | undefined {
  if (!target.role) return undefined;
  if (target.role.startsWith("arn:")) return target.role;
  const path = target.role.startsWith("/") ? target.role.slice(1) : target.role;
  return `arn:${partition}:iam::${target.account ?? ""}:role/${path}`;
}
