/** Query text → parsed query → executable plan. Throws AwsError MalformedQueryException on any error. */
import type { Query } from "./lang/ast.js";
import { parseQuery } from "./lang/parser.js";
import { Planner } from "./exec/plan.js";
import type { Plan } from "./exec/plan-types.js";

export interface CompiledQuery {
  query: Query;
  plan: Plan;
}

export function compileQuery(text: string): CompiledQuery {
  const query = parseQuery(text);
  return { query, plan: new Planner(query).plan() };
}
