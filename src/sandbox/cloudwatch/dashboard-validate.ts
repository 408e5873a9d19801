/**
 * PutDashboard's body validation. Hard problems fail the call with DashboardInvalidInputError, whose message lists
 * them the way CloudWatch does:
 *
 *   The dashboard body is invalid, there are 2 validation errors:
 *   [
 *     {
 *       "dataPath": "/widgets/0/properties",
 *       "message": "Should have required property 'region'"
 *     },
 *     …
 *   ]
 *
 * Soft problems (unknown properties, which CloudWatch ignores) come back as DashboardValidationMessages on success.
 */
import type { DashboardValidationMessage } from "./errors.js";
import { dashboardInvalid } from "./errors.js";
import { checkInteger, checkWidgetProperties, isPlainObject } from "./dashboard-widgets.js";
import type { Problem } from "./dashboard-widgets.js";

const ROOT_KEYS = ["widgets", "variables", "start", "end", "periodOverride"];
const WIDGET_KEYS = ["type", "x", "y", "width", "height", "properties"];
const WIDGET_TYPES = ["metric", "text", "log", "alarm", "explorer", "custom"];
const MAX_WIDGETS = 500;

export interface DashboardCheck {
  warnings: DashboardValidationMessage[];
}

function toMessages(problems: readonly Problem[]): DashboardValidationMessage[] {
  return problems.map((problem) => ({ DataPath: problem.dataPath, Message: problem.message }));
}

function checkWidget(widget: unknown, path: string, errors: Problem[], warnings: Problem[]): void {
  const report = (dataPath: string, message: string): void => void errors.push({ dataPath, message });
  if (!isPlainObject(widget)) return report(path, "Should be object");
  for (const key of Object.keys(widget)) {
    if (!WIDGET_KEYS.includes(key)) {
      warnings.push({
        dataPath: path,
        message: `The "${key}" property is not expected to be part of a widget definition, will be ignored`,
      });
    }
  }
  const type = widget.type;
  if (type === undefined) report(path, "Should have required property 'type'");
  else if (typeof type !== "string" || !WIDGET_TYPES.includes(type))
    report(`${path}/type`, "Should be equal to one of the allowed values");
  checkInteger(widget.x, `${path}/x`, 0, 23, report);
  checkInteger(widget.y, `${path}/y`, 0, undefined, report);
  checkInteger(widget.width, `${path}/width`, 1, 24, report);
  checkInteger(widget.height, `${path}/height`, 1, 1000, report);
  const properties = widget.properties;
  if (properties === undefined) {
    if (type !== "explorer" && type !== "custom") report(path, "Should have required property 'properties'");
    return;
  }
  if (!isPlainObject(properties)) return report(`${path}/properties`, "Should be object");
  if (typeof type === "string") checkWidgetProperties(type, properties, `${path}/properties`, report);
}

/** Validates a dashboard body; throws DashboardInvalidInputError on hard problems, returns the soft ones. */
export function validateDashboardBody(body: string): DashboardCheck {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    root = undefined;
  }
  if (!isPlainObject(root)) throw dashboardInvalid("The field DashboardBody must be a valid JSON object");
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const key of Object.keys(root)) {
    if (!ROOT_KEYS.includes(key))
      warnings.push({ dataPath: "", message: `The "${key}" property is not expected, will be ignored` });
  }
  for (const key of ["start", "end"]) {
    if (root[key] !== undefined && typeof root[key] !== "string")
      errors.push({ dataPath: `/${key}`, message: "Should be string" });
  }
  const override = root.periodOverride;
  if (override !== undefined && override !== "auto" && override !== "inherit") {
    errors.push({ dataPath: "/periodOverride", message: "Should be equal to one of the allowed values" });
  }
  const widgets = root.widgets;
  if (widgets === undefined) errors.push({ dataPath: "", message: "Should have required property 'widgets'" });
  else if (!Array.isArray(widgets)) errors.push({ dataPath: "/widgets", message: "Should be array" });
  else if (widgets.length > MAX_WIDGETS)
    errors.push({ dataPath: "/widgets", message: `Should NOT have more than ${MAX_WIDGETS} items` });
  else widgets.forEach((widget: unknown, i) => checkWidget(widget, `/widgets/${i}`, errors, warnings));
  if (errors.length > 0) {
    const listing = JSON.stringify(
      errors.map(({ dataPath, message }) => ({ dataPath, message })),
      null,
      2,
    );
    throw dashboardInvalid(
      `The dashboard body is invalid, there are ${errors.length} validation errors:\n${listing}`,
      toMessages(errors),
    );
  }
  return { warnings: toMessages(warnings) };
}
