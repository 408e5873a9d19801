/** Bedrock control plane's conformance (REST-JSON), through the real SDK client. */
import * as sdk from "@aws-sdk/client-bedrock";
import { afterAll } from "vitest";
import { startTestSandbox } from "../helpers.js";
import { BEDROCK_CASES } from "./cases/bedrock.js";
import { singleProtocol } from "./clients.js";
import { runConformance } from "./runner.js";
import { BEDROCK_SHAPES } from "./shapes-bedrock.js";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

runConformance(
  {
    name: "Bedrock",
    shapes: BEDROCK_SHAPES,
    sdk,
    protocols: () => singleProtocol(sandbox, "rest-json", (c) => c.bedrock),
  },
  BEDROCK_CASES,
);
