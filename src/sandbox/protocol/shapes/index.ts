/**
 * The model shapes of every RPC service the sandbox serves, and the wrapper that hands each operation's output to the
 * protocol writers together with its shape.
 */
import type { OperationHandler } from "../../server/types.js";
import type { ServiceName } from "../types.js";
import { ShapedOutput } from "../shape.js";
import type { ServiceShapes } from "../shape.js";
import { CLOUDWATCH_SHAPES } from "./cloudwatch.js";
import { IAM_SHAPES } from "./iam.js";
import { LOGS_SHAPES } from "./logs.js";
import { STS_SHAPES } from "./sts.js";

export const SERVICE_SHAPES: Readonly<Partial<Record<ServiceName, ServiceShapes>>> = {
  logs: LOGS_SHAPES,
  monitoring: CLOUDWATCH_SHAPES,
  iam: IAM_SHAPES,
  sts: STS_SHAPES,
};

function shape(shapes: ServiceShapes, operation: string, value: unknown): unknown {
  const spec = shapes.operations[operation];
  return spec === undefined ? value : new ShapedOutput(value, spec.output, shapes);
}

/** Wraps every handler so its output reaches the protocol layer with the operation's model shape. */
export function shapedOperations(
  service: ServiceName,
  operations: Readonly<Record<string, OperationHandler | undefined>>,
): Record<string, OperationHandler> {
  const shapes = SERVICE_SHAPES[service];
  const out: Record<string, OperationHandler> = {};
  for (const [name, handler] of Object.entries(operations)) {
    if (handler === undefined) continue;
    if (shapes === undefined) {
      out[name] = handler;
      continue;
    }
    out[name] = (input, ctx) => {
      const value = handler(input, ctx);
      return value instanceof Promise ? value.then((v) => shape(shapes, name, v)) : shape(shapes, name, value);
    };
  }
  return out;
}
