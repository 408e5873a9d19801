import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Every test and every child it starts sees a throw-away home: HOME, XDG_STATE_HOME, XDG_CONFIG_HOME and
 * GENAI_LAB_HOME point inside one fresh temporary folder, so no test can read or write the learner's real state
 * (a language saved with `l`, progress, ~/.aws).
 */
const home = mkdtempSync(join(tmpdir(), "genai-lab-test-home-"));

export default defineConfig({
  // Labs import genai-lab's kit by its package name, as a lab outside the repository does; here it is the source.
  resolve: { alias: { "genai-lab/kit": fileURLToPath(new URL("./src/kit/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/helpers/setup.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    env: {
      HOME: home,
      USERPROFILE: home,
      XDG_STATE_HOME: join(home, ".local", "state"),
      XDG_CONFIG_HOME: join(home, ".config"),
      GENAI_LAB_HOME: join(home, ".local", "state", "genai-lab"),
      AWS_CONFIG_FILE: "/nonexistent/genai-lab-test/config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/genai-lab-test/credentials",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // A sandbox that serves the learner's terminal (the TUI) takes any free port, never 4566 on this machine.
      GENAI_LAB_SANDBOX_PORT: "0",
      // Simulated streams (step 2 streams its last prompt) unfold fifty times faster than a real model would.
      GENAI_LAB_SANDBOX_STREAM_SCALE: "0.02",
    },
  },
});
