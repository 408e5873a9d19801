/**
 * Typed facts: what one step records for later steps (the model step 0 chose, step 2's request ids), declared once
 * with a schema and validated when written and when read, instead of a string key read back with a cast.
 *
 *   export const MODEL = defineFact("model", z.object({ requested: z.string(), effective: z.string() }));
 *   MODEL.set(ctx, { requested, effective });   // in an action: throws if the value does not fit
 *   MODEL.get(ctx)?.effective;                  // anywhere: undefined when absent or in an older shape
 */
import type { z } from "zod";
import type { FactsReader, FactsStore, JsonValue } from "../engine/contract.js";

export interface Fact<T extends JsonValue> {
  readonly key: string;
  /** The recorded value, or undefined when there is none or it no longer fits the schema (an older version's). */
  get(ctx: { facts: FactsReader }): T | undefined;
  set(ctx: { facts: FactsStore }, value: T): void;
  delete(ctx: { facts: FactsStore }): void;
}

/** The type a fact holds: `type ModelFact = FactValue<typeof MODEL>`. */
export type FactValue<F> = F extends Fact<infer T> ? T : never;

export function defineFact<S extends z.ZodType<JsonValue>>(key: string, schema: S): Fact<z.infer<S>> {
  return {
    key,
    get(ctx) {
      const parsed = schema.safeParse(ctx.facts.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set(ctx, value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`fact "${key}": ${issue?.path.join(".") || "value"} ${issue?.message ?? "does not fit"}`);
      }
      ctx.facts.set(key, parsed.data);
    },
    delete(ctx) {
      ctx.facts.delete(key);
    },
  };
}
