/**
 * How CloudWatch treats units when reading. Data published with different units are separate series: without a Unit,
 * GetMetricStatistics answers one datapoint per unit, and GetMetricData answers the series of the unit that comes
 * first in CloudWatch's own unit order, with a `MultipleUnits` message naming every unit present (sorted by name):
 *
 *   data 60000 Milliseconds + 60 Seconds, Stat Sum → Values [60000.0],
 *   Messages [{ Code: "MultipleUnits", Value: "Multiple units returned: '[Milliseconds, Seconds]'" }]
 *
 * Source: real AWS responses recorded by LocalStack (tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json,
 * test_get_metric_data_different_units_no_unit_in_query and test_handle_different_units); the order below is the one
 * CloudWatch prints for an unknown unit, quoted in that test.
 */
export const UNIT_PRECEDENCE: readonly string[] = [
  "Megabits",
  "Terabits",
  "Gigabits",
  "Count",
  "Bytes",
  "Gigabytes",
  "Gigabytes/Second",
  "Kilobytes",
  "Kilobits/Second",
  "Terabytes",
  "Terabits/Second",
  "Bytes/Second",
  "Percent",
  "Megabytes",
  "Megabits/Second",
  "Milliseconds",
  "Microseconds",
  "Kilobytes/Second",
  "Gigabits/Second",
  "Megabytes/Second",
  "Bits",
  "Bits/Second",
  "Count/Second",
  "Seconds",
  "Kilobits",
  "Terabytes/Second",
  "None",
];

/** The unit GetMetricData reads when the data hold several and the query names none. */
export function precedentUnit(units: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const unit of units) {
    if (best === undefined || UNIT_PRECEDENCE.indexOf(unit) < UNIT_PRECEDENCE.indexOf(best)) best = unit;
  }
  return best;
}

export function multipleUnitsMessage(units: Iterable<string>): { Code: string; Value: string } {
  return { Code: "MultipleUnits", Value: `Multiple units returned: '[${[...units].sort().join(", ")}]'` };
}
