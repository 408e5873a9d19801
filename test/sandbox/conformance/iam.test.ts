/** IAM's conformance (AWS Query), through the real SDK client. */
import * as sdk from "@aws-sdk/client-iam";
import { afterAll } from "vitest";
import { IAM_SHAPES } from "../../../src/sandbox/protocol/shapes/iam.js";
import { startTestSandbox } from "../helpers.js";
import { IAM_CASES, IAM_ERROR_CASES } from "./cases/iam.js";
import { singleProtocol } from "./clients.js";
import { runConformance } from "./runner.js";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

runConformance(
  { name: "IAM", shapes: IAM_SHAPES, sdk, protocols: () => singleProtocol(sandbox, "query", (c) => c.iam) },
  [...IAM_CASES, ...IAM_ERROR_CASES],
);
