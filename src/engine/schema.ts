/**
 * Runtime validation of lab and step modules (they are code, so the type checker is not the only line of
 * defence: a lab author may write plain JavaScript, or cast). Messages name the field; the loader adds the file.
 */
import { z } from "zod";

// Each schema is used a few times per process: zod's JIT (a `new Function` per object shape, compiled on its first
// parse) costs a one-shot command more than it saves (loading the built-in lab: ~14 -> ~10 ms CPU). The setting is
// global, so the kit's `z` (the labs' fact schemas) parses the same way; only speed differs, never a result.
z.config({ jitless: true });

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be kebab-case (lowercase letters, digits and dashes)" });

export const textSchema = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
  message: "must be a function",
});

const actionSchema = z.object({
  id: kebab,
  title: textSchema,
  cli: fn.optional(),
  billable: z.boolean().optional(),
  timeoutMs: z.number().int().positive().optional(),
  run: fn,
});

const checkSchema = z.object({
  id: kebab,
  label: textSchema,
  timeoutMs: z.number().int().positive().optional(),
  watchedOnly: z.boolean().optional(),
  run: fn,
});

/** Prose moved to Markdown: a module that still carries it is told where it goes now. */
const movedToMarkdown = (where: string) =>
  z.undefined({ message: `step texts live in Markdown beside step.ts now (${where})` }).optional();

export const stepSchema = z.object({
  id: kebab,
  title: textSchema,
  body: movedToMarkdown("body.vi.md and body.en.md"),
  role: z.enum(["preflight", "lab", "cleanup", "bonus"]).optional(),
  actions: z.array(actionSchema),
  checks: z.array(checkSchema),
  yourTurn: z
    .object({
      task: movedToMarkdown("your-turn.vi.md and your-turn.en.md, section ## task"),
      console: movedToMarkdown("your-turn.vi.md and your-turn.en.md, section ## console"),
      cli: fn.optional(),
      python: fn.optional(),
    })
    .optional(),
  values: z.record(z.string().regex(/^[A-Za-z]\w*$/, { message: "must be a name like modelId" }), fn).optional(),
  hints: z.array(textSchema).optional(),
});

const clientSpecSchema = z.object(
  { create: fn, global: z.boolean().optional() },
  { message: "must be an AWS client spec (awsClient(SomeClient) from genai-lab/kit)" },
);

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const labSchema = z.object({
  id: kebab,
  title: textSchema,
  goal: textSchema,
  durationMinutes: z.number().int().positive(),
  examDomain: textSchema,
  prerequisites: z.array(textSchema),
  parameters: z.record(z.string(), paramValue),
  checklist: z.array(z.object({ id: kebab, points: z.number().positive().optional() })).min(1),
  bonus: z.array(z.object({ id: kebab, points: z.number().positive().optional() })).optional(),
  references: z.array(z.object({ label: textSchema, url: z.string().url() })).optional(),
  clients: z.record(z.string(), clientSpecSchema).optional(),
  errors: z
    .array(z.object({ kind: z.string().min(1), match: fn, explain: fn, retryable: z.boolean().optional() }))
    .optional(),
  notes: z
    .object({ sandbox: textSchema.optional(), aws: textSchema.optional(), next: z.array(textSchema).optional() })
    .optional(),
});

/** clients.ts: `export const clients = { logs: awsClient(CloudWatchLogsClient), … }`. */
export const clientsSchema = z.record(
  z.string().regex(/^[A-Za-z]\w*$/, { message: "must be a name like logs" }),
  clientSpecSchema,
);

/** Turns zod issues into "field: problem" lines, with translations named as such. */
export function describeIssues(root: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = [root, ...issue.path.map((part) => (typeof part === "number" ? `[${part}]` : String(part)))]
      .join(".")
      .replace(/\.\[/g, "[");
    const last = issue.path[issue.path.length - 1];
    if ((last === "vi" || last === "en") && (issue.code === "invalid_type" || issue.code === "too_small")) {
      return `${path}: missing ${last === "vi" ? "Vietnamese" : "English"} translation`;
    }
    if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return `${path}: is required`;
    return `${path}: ${issue.message}`;
  });
}
