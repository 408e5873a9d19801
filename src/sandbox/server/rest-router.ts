import { AwsError } from "../errors.js";
import type { RestRoute } from "./types.js";

export type RouteMatch = { route: RestRoute; params: Record<string, string> };

/** Matches `/model/{modelId}/invoke`-style templates; each {name} is one percent-decoded path segment. */
export function matchRoute(
  routes: readonly RestRoute[],
  method: string,
  rawPath: string,
): RouteMatch | "wrong-method" | undefined {
  const segments = rawPath.split("/").slice(1);
  let pathMatched = false;
  for (const route of routes) {
    const template = route.path.split("/").slice(1);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length && ok; i += 1) {
      const t = template[i] ?? "";
      const s = segments[i] ?? "";
      if (t.startsWith("{") && t.endsWith("}")) {
        if (s === "") ok = false;
        else params[t.slice(1, -1)] = decodeSegment(s);
      } else if (t !== s) ok = false;
    }
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? "wrong-method" : undefined;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new AwsError(
      "ValidationException",
      `The path segment '${s.slice(0, 64)}' is not valid percent-encoded UTF-8.`,
    );
  }
}
