import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FAULTS, formatFaults, parseFaults, resolveFaults } from "../../../src/sandbox/faults/config.js";
import { FaultInjector } from "../../../src/sandbox/faults/injector.js";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";

describe("fault syntax", () => {
  it("parses the compact form onto the defaults and prints it back", () => {
    const f = parseFaults(
      "throttle=0.25, 5xx=0.1,latency=40,access-denied,legacy=on,no-delivery,iam-delay=0,scope=all,seed=7," +
        "stream-error=0.5,stream-error-type=timeout",
    );
    expect(f).toEqual({
      throttleRate: 0.25,
      serverErrorRate: 0.1,
      latencyMs: 40,
      modelAccessDenied: true,
      legacyEnforced: true,
      logDeliveryDisabled: true,
      iamPropagationMs: 0,
      streamErrorRate: 0.5,
      streamErrorType: "timeout",
      scope: "all",
      seed: 7,
    });
    expect(parseFaults(formatFaults(f))).toEqual(f);
    expect(parseFaults("throttle=1,none")).toEqual(DEFAULT_FAULTS);
    expect(parseFaults("")).toEqual(DEFAULT_FAULTS);
  });

  it("names the bad item", () => {
    expect(() => parseFaults("throttle=2")).toThrow(/"throttle" needs a rate between 0 and 1/);
    expect(() => parseFaults("latency=-1")).toThrow(/"latency" needs whole milliseconds/);
    expect(() => parseFaults("legacy=maybe")).toThrow(/"legacy" is a switch/);
    expect(() => parseFaults("explode")).toThrow(/Unknown fault "explode"/);
    expect(() => parseFaults("stream-error=2")).toThrow(/"stream-error" needs a rate/);
    expect(() => parseFaults("stream-error-type=boom")).toThrow(/"stream-error-type" is one of model, throttle/);
    expect(() => resolveFaults({ throttleRate: 5 })).toThrow(/throttle/);
    expect(() => resolveFaults({ modelAccessDenied: "yes" as unknown as boolean })).toThrow(/modelAccessDenied/);
  });

  it("is deterministic for a seed", () => {
    const draws = (seed: number) => {
      const inj = new FaultInjector(parseFaults(`throttle=0.5,seed=${seed}`));
      return Array.from({ length: 40 }, () => inj.decide("bedrock-runtime").error?.code ?? "ok").join(",");
    };
    expect(draws(3)).toBe(draws(3));
    expect(draws(3)).not.toBe(draws(4));
    const mix = draws(3).split(",");
    expect(mix.filter((x) => x === "ThrottlingException").length).toBeGreaterThan(5);
    expect(mix.filter((x) => x === "ok").length).toBeGreaterThan(5);
  });

  it("applies only to Bedrock Runtime unless scope=all", () => {
    const runtimeOnly = new FaultInjector(parseFaults("throttle=1"));
    expect(runtimeOnly.decide("logs").error).toBeUndefined();
    const all = new FaultInjector(parseFaults("throttle=1,scope=all"));
    expect(all.decide("logs").error?.code).toBe("ThrottlingException");
    expect(all.decide("monitoring").error?.code).toBe("Throttling");
  });
});

describe("faults at runtime", () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(() => sandbox?.close());

  it("come from the environment, the options and the admin endpoint (loopback only)", async () => {
    sandbox = await startTestSandbox({
      env: { GENAI_LAB_SANDBOX_FAULTS: "latency=5,seed=9" },
      faults: { throttleRate: 0.5 },
    });
    expect(sandbox.faults).toMatchObject({ latencyMs: 5, seed: 9, throttleRate: 0.5, iamPropagationMs: 0 });
    const health = await (await fetch(`${sandbox.endpoint}/_sandbox/health`)).json();
    expect(health).toMatchObject({
      status: "ok",
      simulated: true,
      accountId: "123456789012",
      endpoint: sandbox.endpoint,
    });
    const post = (body: string): Promise<Response> =>
      fetch(`${sandbox?.endpoint ?? ""}/_sandbox/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    const set = await post(JSON.stringify({ faults: "throttle=1,scope=all" }));
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ config: { throttleRate: 1, latencyMs: 5, scope: "all" } });
    const c = clients(sandbox);
    await expect(c.logs.send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    const json = await post(JSON.stringify({ faults: "none,iam-delay=0" }));
    expect(await json.json()).toMatchObject({ faults: "iam-delay=0,seed=1" });
    await expect(c.logs.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
    const bad = await post(JSON.stringify({ faults: "throttle=nope" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/throttle/);
    expect((await fetch(`${sandbox.endpoint}/_sandbox/nothing`)).status).toBe(404);
  });

  it("adds latency and 5xx to runtime calls", async () => {
    sandbox = await startTestSandbox({ faults: "latency=150" });
    const c = clients(sandbox);
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 8,
      messages: [{ role: "user", content: "hi" }],
    });
    const t0 = Date.now();
    await c.runtime.send(
      new InvokeModelCommand({
        modelId: "us.amazon.nova-lite-v1:0",
        body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "hi" }] }] }),
      }),
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sandbox.setFaults("latency=0,5xx=1");
    await expect(
      c.runtime.send(new InvokeModelCommand({ modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", body })),
    ).rejects.toMatchObject({
      name: "ServiceUnavailableException",
      $metadata: { httpStatusCode: 503 },
    });
  });
});
