/** CloudWatch Logs' conformance (AWS JSON 1.1), through the real SDK client. */
import * as sdk from "@aws-sdk/client-cloudwatch-logs";
import { afterAll } from "vitest";
import { LOGS_SHAPES } from "../../../src/sandbox/protocol/shapes/logs.js";
import { startTestSandbox } from "../helpers.js";
import { LOGS_CASES } from "./cases/logs.js";
import { singleProtocol } from "./clients.js";
import { runConformance } from "./runner.js";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

runConformance(
  {
    name: "CloudWatch Logs",
    shapes: LOGS_SHAPES,
    sdk,
    protocols: () => singleProtocol(sandbox, "json-1.1", (c) => c.logs),
  },
  LOGS_CASES,
);
