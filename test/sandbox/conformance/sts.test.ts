/** STS's conformance (AWS Query), through the real SDK client. */
import * as sdk from "@aws-sdk/client-sts";
import { afterAll } from "vitest";
import { STS_SHAPES } from "../../../src/sandbox/protocol/shapes/sts.js";
import { startTestSandbox } from "../helpers.js";
import { STS_CASES } from "./cases/sts.js";
import { singleProtocol } from "./clients.js";
import { runConformance } from "./runner.js";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

runConformance(
  { name: "STS", shapes: STS_SHAPES, sdk, protocols: () => singleProtocol(sandbox, "query", (c) => c.sts) },
  STS_CASES,
);
