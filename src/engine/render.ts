/**
 * A step's prose as the learner reads it now: its Markdown with every placeholder filled from the lab's parameters
 * (after --param), the target, and the step's values, which read the facts earlier steps recorded. Called each time
 * a page is shown, so that a page re-reads after step 0 picks another model.
 */
import type { LabParams, TargetInfo, ValueContext } from "./contract.js";
import type { LoadedStep } from "./loader.js";
import { fillPlaceholders, paramText, TARGET_FIELDS } from "./placeholders.js";
import type { ProgressStore } from "./store.js";
import type { Lang, Text } from "./text.js";

export interface StepTexts {
  body: Text;
  /** Your turn (hands-on), when the step's your-turn files say something. */
  task?: Text;
  console?: Text;
  /** The hint ladder from your-turn.*.md, filled like the rest (a rung's exact command carries real values). */
  hints?: Text[];
}

export function renderStepTexts(loaded: Pick<LoadedStep, "step" | "markdown">, ctx: ValueContext): StepTexts {
  const { markdown } = loaded;
  const cache = new Map<string, string | number | Text | undefined>();
  const value = (name: string) => {
    if (!cache.has(name)) cache.set(name, computeValue(loaded.step.values?.[name], ctx));
    return cache.get(name);
  };
  const fill = (text: Text): Text => ({ vi: fillLang(text.vi, "vi"), en: fillLang(text.en, "en") });
  const fillLang = (source: string, lang: Lang) =>
    fillPlaceholders(source, (name) => {
      if (name.startsWith("params.")) {
        const key = name.slice("params.".length);
        return key in ctx.params ? paramText(ctx.params[key]) : undefined;
      }
      if (name.startsWith("target.")) {
        const field = name.slice("target.".length) as (typeof TARGET_FIELDS)[number];
        return TARGET_FIELDS.includes(field) ? String(ctx.target[field]) : undefined;
      }
      const computed = value(name);
      if (computed === undefined) return undefined;
      return typeof computed === "object" ? computed[lang] : String(computed);
    });
  return {
    body: fill(markdown.body),
    ...(markdown.task ? { task: fill(markdown.task) } : {}),
    ...(markdown.console ? { console: fill(markdown.console) } : {}),
    ...(markdown.hints ? { hints: markdown.hints.map(fill) } : {}),
  };
}

/** What values are computed from: the parameters, the target, and the facts and ledger as the store holds them now. */
export function valueContext(store: ProgressStore, params: LabParams, target: TargetInfo): ValueContext {
  return {
    params,
    target,
    facts: { get: <T>(key: string) => store.state.facts[key] as T | undefined },
    ledger: { entries: () => store.state.ledger },
  };
}

/**
 * A value that cannot be computed leaves its placeholder as written ({{name}}): the page still shows, and the
 * learner sees which value is missing rather than a wrong one. `genai-lab lab check` renders every page at every
 * stage of a run and reports any placeholder left.
 */
function computeValue(
  compute: ((ctx: ValueContext) => string | number | Text) | undefined,
  ctx: ValueContext,
): string | number | Text | undefined {
  if (!compute) return undefined;
  try {
    return compute(ctx);
  } catch {
    return undefined;
  }
}
