/**
 * `compute` for each time unit at most once: later calls with the same unit get the first
 * result. The report shares its customer summaries and Model fit split this way between its
 * sections and its prediction engine.
 *
 * @example
 * const summary = perTimeUnit((unit) => summaryColumns(ledger, asOf, readTimeAxis({ timeUnit: unit }, "kpiReport")));
 * summary("week") === summary("week") //=> true
 */
export function perTimeUnit<T>(compute: (timeUnit: "day" | "week") => T): (timeUnit: "day" | "week") => T {
  const made = new Map<"day" | "week", T>();
  return (timeUnit) => {
    if (!made.has(timeUnit)) made.set(timeUnit, compute(timeUnit));
    return made.get(timeUnit) as T;
  };
}
