import { describe, expect, it } from "vitest";
import { initialUiState, uiReducer } from "../../../src/ui/state/ui-state.js";

describe("ui state", () => {
  it("starts at the resume step, moves within bounds, and resets the scroll on a new step", () => {
    let state = uiReducer(initialUiState, { type: "start", selected: 2 });
    expect(state).toMatchObject({ screen: "main", selected: 2 });
    state = uiReducer({ ...state, scroll: 7 }, { type: "move", by: 1, count: 4 });
    expect(state).toMatchObject({ selected: 3, scroll: 0 });
    expect(uiReducer(state, { type: "move", by: 1, count: 4 })).toBe(state);
    expect(uiReducer(state, { type: "move", by: -9, count: 4 }).selected).toBe(0);
  });

  it("shows hints one by one up to the last, and opens and closes panels", () => {
    let state = uiReducer(initialUiState, { type: "hint", stepId: "a", available: 2 });
    state = uiReducer(state, { type: "hint", stepId: "a", available: 2 });
    expect(uiReducer(state, { type: "hint", stepId: "a", available: 2 }).hintsShown.a).toBe(2);
    state = uiReducer(state, { type: "open", overlay: { kind: "help" } });
    expect(state.overlay).toEqual({ kind: "help" });
    // Under the help, a scroll moves the help; the page keeps its place.
    expect(uiReducer({ ...state, scroll: 4 }, { type: "scroll", to: 9 })).toMatchObject({
      overlay: { kind: "help", offset: 9 },
      scroll: 4,
    });
    state = uiReducer(state, { type: "close" });
    expect(state.overlay).toBeUndefined();
    expect(uiReducer({ ...state, follow: true }, { type: "scroll", to: -3 })).toMatchObject({
      scroll: 0,
      follow: false,
    });
  });
});

describe("ui state: answers in the footer", () => {
  it("says when a step has no (more) hints, until the next key", () => {
    const none = uiReducer(initialUiState, { type: "hint", stepId: "a", available: 0 });
    expect(none.flash?.en).toBe("This step has no hints.");
    expect(uiReducer(none, { type: "move", by: 1, count: 3 }).flash).toBeUndefined();
    const one = uiReducer(initialUiState, { type: "hint", stepId: "a", available: 1 });
    expect(uiReducer(one, { type: "hint", stepId: "a", available: 1 }).flash?.vi).toBe("Đã hiện hết gợi ý.");
  });
});
