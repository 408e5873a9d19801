/**
 * The interface state (ui-state.ts's reducer) behind a ref, so that key presses always act on the newest state:
 * two keys typed faster than a render ("n" then Enter) must not reach a handler that still sees the old
 * selection.
 */
import { useCallback, useReducer, useRef } from "react";
import { initialUiState, uiReducer, type UiAction, type UiState } from "../state/ui-state.js";

export interface UiStore {
  state: UiState;
  get(): UiState;
  dispatch(action: UiAction): void;
}

export function useUiState(): UiStore {
  const ref = useRef<UiState>(initialUiState);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const get = useCallback(() => ref.current, []);
  const dispatch = useCallback((action: UiAction) => {
    const next = uiReducer(ref.current, action);
    if (next === ref.current) return;
    ref.current = next;
    rerender();
  }, []);
  // eslint-disable-next-line react-hooks/refs -- the ref is the source of truth; reading it here renders the newest state
  return { state: ref.current, get, dispatch };
}
