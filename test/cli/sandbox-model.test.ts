/** `genai-lab sandbox --model-endpoint/--model-map`, and GENAI_LAB_MODEL_* for the sandbox the lab starts itself. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/cli/io.js";
import { compiledFixtureLab, runBinary, runCli } from "../helpers/cli.js";
import { startFakeOpenAi } from "../fixtures/fake-openai.js";

const fake = await startFakeOpenAi();
afterAll(() => fake.close());

describe("genai-lab sandbox with a real model", () => {
  it("labels the banner: real model via the URL, and which local model answers", async () => {
    const controller = new AbortController();
    let output = "";
    const io: Io = {
      stdout: { write: (s: string) => (output += s), isTTY: false },
      stderr: { write: () => true, isTTY: false },
      stdin: new PassThrough(),
      env: { LANG: "en_US.UTF-8" },
      cwd: process.cwd(),
    };
    const argv = ["sandbox", "--port", "0", "--in-memory", "--model-endpoint", fake.url, "--model-map", "*=fake-llama"];
    const running = main(argv, io, controller.signal);
    await expect.poll(() => output, { timeout: 10_000 }).toContain("Ctrl+C");
    controller.abort();
    expect(await running).toBe(0);
    expect(output).toContain(`Model replies come from a real model via ${fake.url}/v1`);
    expect(output).toContain(`Câu trả lời đến từ model thật qua ${fake.url}/v1`);
    expect(output).toContain("Local model per Bedrock id / Model cục bộ theo Bedrock id: *=fake-llama");
    expect(output).not.toContain("simulated model");
  });

  it.each([
    [
      "en",
      ["--model-endpoint", "localhost:11434"],
      /^genai-lab: --model-endpoint: "localhost:11434" must start with http/,
    ],
    [
      "vi",
      ["--model-endpoint", "localhost:11434"],
      /^genai-lab: --model-endpoint: "localhost:11434" phải bắt đầu bằng http/,
    ],
    [
      "en",
      ["--model-endpoint", fake.url, "--model-map", "a="],
      /^genai-lab: --model-map: "a=" is not BEDROCK_ID=LOCAL_MODEL/,
    ],
  ])("exit 2 for a bad setting (%s), naming the flag", async (lang, flags, message) => {
    const r = await runCli(["sandbox", "--port", "0", "--in-memory", "--lang", lang, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("names GENAI_LAB_MODEL_ENDPOINT when the lab's own sandbox gets a bad one", async () => {
    const r = await runBinary(["check", "--state-dir", `${process.env.GENAI_LAB_HOME ?? "/tmp"}/model-endpoint-test`], {
      GENAI_LAB_MODEL_ENDPOINT: "ollama",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^genai-lab: GENAI_LAB_MODEL_ENDPOINT: "ollama" /);
  });

  it("run says the lab's own sandbox answers with the real model from GENAI_LAB_MODEL_ENDPOINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genai-lab-real-model-"));
    const r = await runBinary(
      ["run", "--lab", compiledFixtureLab, "--state-dir", dir, "--param", `worldFile=${join(dir, "world.json")}`],
      { GENAI_LAB_MODEL_ENDPOINT: fake.url },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`The model's replies come from a real model via ${fake.url}/v1`);
    expect(r.stdout).not.toContain("simulated, not from a real model");
  });
});
