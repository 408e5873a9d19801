/** The session controller's state, read as an external store. */
import { useSyncExternalStore } from "react";
import type { ControllerState, TuiController } from "../app/controller.js";

export function useControllerState(controller: TuiController): ControllerState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
