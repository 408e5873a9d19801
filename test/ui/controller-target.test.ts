import { describe, expect, it } from "vitest";
import { controllerWith } from "./controller-harness.js";

describe("the target the TUI says it is connecting to", () => {
  it("is the endpoint when AWS_ENDPOINT_URL names one, as the CLI decides", () => {
    const open = () => new Promise<never>(() => undefined); // stays connecting
    expect(controllerWith(open).getState().phase).toMatchObject({ kind: "connecting", target: "sandbox" });
    const viaEnv = controllerWith(open, { env: { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" } });
    expect(viaEnv.getState().phase).toMatchObject({ kind: "connecting", target: "endpoint" });
    const explicit = controllerWith(open, {
      env: { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" },
      parsed: { command: "tui", rest: [], flags: { target: "sandbox" } },
    });
    expect(explicit.getState().phase).toMatchObject({ kind: "connecting", target: "sandbox" });
  });
});
