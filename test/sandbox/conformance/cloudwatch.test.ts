/** CloudWatch's conformance in AWS JSON 1.0 (query mode), AWS Query and RPC v2 CBOR, through the real SDK client. */
import * as sdk from "@aws-sdk/client-cloudwatch";
import { CLOUDWATCH_SHAPES } from "../../../src/sandbox/protocol/shapes/cloudwatch.js";
import { startTestSandbox } from "../helpers.js";
import { afterAll } from "vitest";
import { CLOUDWATCH_CASES } from "./cases/cloudwatch.js";
import { cloudwatchProtocols } from "./clients.js";
import { runConformance } from "./runner.js";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

runConformance(
  {
    name: "CloudWatch",
    shapes: CLOUDWATCH_SHAPES,
    sdk,
    queryCompatible: true,
    protocols: () => cloudwatchProtocols(sandbox),
  },
  CLOUDWATCH_CASES,
);
