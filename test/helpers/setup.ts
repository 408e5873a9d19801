// Runs before every test file. Tests never read ~/.aws, never reach the internet, and see no CI-specific behaviour.
// HOME, XDG_STATE_HOME and GENAI_LAB_HOME are a throw-away folder (vitest.config.ts): never the learner's own.
import { afterEach, beforeEach, vi } from "vitest";

for (const name of [
  "CI",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_ENDPOINT_URL",
  "NO_COLOR",
  "FORCE_COLOR",
]) {
  delete process.env[name];
}
process.env.AWS_CONFIG_FILE = "/nonexistent/genai-lab-test/config";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/genai-lab-test/credentials";
process.env.AWS_EC2_METADATA_DISABLED = "true";

// React's act(...) warnings mean a test looked at a frame before the UI settled: fail loudly (gemini-cli does this).
let actWarnings: string[] = [];
const originalError = console.error;
beforeEach(() => {
  actWarnings = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (text.includes("not wrapped in act(")) actWarnings.push(text);
    originalError(...args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (actWarnings.length > 0) throw new Error(`React act(...) warning:\n${actWarnings[0]}`);
});
