import { describe, expect, it } from "vitest";
import type { ActionContext } from "../../src/engine/contract.js";
import { createActionContext, type ContextEnvironment } from "../../src/engine/context.js";
import type { Problem } from "../../src/engine/problem.js";
import { ProgressStore } from "../../src/engine/store.js";
import { realClock } from "../../src/engine/clock.js";
import { fakeTarget } from "../helpers/fixture-runner.js";

const refused = (status: number, retryable = false) =>
  Object.assign(new Error(`refused ${status}`), { status, retryable });

function context(): { ctx: ActionContext; store: ProgressStore } {
  const store = ProgressStore.inMemory("lab", fakeTarget);
  const env: ContextEnvironment = {
    aws: undefined,
    params: {},
    target: fakeTarget,
    lang: "en",
    store,
    clock: realClock,
    classify: (error): Problem => {
      const e = error as { status?: number; retryable?: boolean };
      return {
        kind: "aws",
        title: { vi: "x", en: "x" },
        next: { vi: "x", en: "x" },
        ...(e.status ? { httpStatus: e.status } : {}),
        retryable: e.retryable ?? false,
      };
    },
    dryRun: false,
    yes: true,
    confirm: async () => true,
    emit: () => undefined,
  };
  return { ctx: createActionContext(env, { stepId: "s", actionId: "a" }, new AbortController().signal), store };
}

const resource = { type: "dashboard", name: "d" };
const state = (store: ProgressStore) => store.state.ledger.map((entry) => entry.state);

describe("ledger.track", () => {
  it("records a resource before the call and marks it created after", async () => {
    const { ctx, store } = context();
    let during: string[] = [];
    await ctx.ledger.track(resource, async () => {
      during = state(store);
    });
    expect(during).toEqual(["creating"]);
    expect(state(store)).toEqual(["created"]);
  });

  it("marks a call the service refused (4xx) as failed: nothing was created", async () => {
    const { ctx, store } = context();
    await expect(ctx.ledger.track(resource, () => Promise.reject(refused(400)))).rejects.toThrow();
    expect(state(store)).toEqual(["failed"]);
  });

  it("leaves 'creating' after a timeout, a network error or throttling: the resource may exist", async () => {
    for (const error of [new Error("socket hang up"), refused(429, true), refused(400, true)]) {
      const { ctx, store } = context();
      await expect(ctx.ledger.track(resource, () => Promise.reject(error))).rejects.toThrow();
      expect(state(store)).toEqual(["creating"]);
    }
  });

  it("never forgets an entry an interrupted run left 'creating', even when a later attempt is refused", async () => {
    const { ctx, store } = context();
    await expect(ctx.ledger.track(resource, () => Promise.reject(new Error("interrupted")))).rejects.toThrow();
    await expect(ctx.ledger.track(resource, () => Promise.reject(refused(400)))).rejects.toThrow();
    expect(state(store)).toEqual(["creating"]);
  });
});
