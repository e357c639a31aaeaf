import { RetentionOptionsError } from "../input/errors";
import type { BenchmarkComparison } from "./compareToBenchmarks";

/** The outcome of a threshold: the condition did not hold, held, or met a null or absent KPI. */
export type ThresholdOutcomeKind = "pass" | "fail" | "null" | "unknown";

/** One CI threshold and what it found (the CLI's `--fail-if`, as `--thresholds-out` writes it). */
export interface ThresholdOutcome {
  /** The condition as written, for example `"retention.rate < 0.6"`; the run fails when it holds. */
  readonly threshold: string;
  /** The KPI's value in the report's JSON form (money as a decimal string); `null` when null or absent. */
  readonly value: number | string | null;
  /** `pass`, `fail` (the condition holds), `null` (the KPI is null), `unknown` (not in this report). */
  readonly outcome: ThresholdOutcomeKind;
}

/** Options of `renderMarkdown` and `renderHtml`. */
export interface RenderOptions {
  /** Threshold outcomes to show in a "Thresholds" section (none: no section). */
  readonly thresholds?: readonly ThresholdOutcome[] | undefined;
  /** A `compareToBenchmarks` result to show in a "Benchmarks" section (none: no section). */
  readonly benchmarks?: BenchmarkComparison | undefined;
  /** `renderHtml` only: a fragment to embed in a page (a notebook), its styles scoped to it; default false, a whole document. */
  readonly fragment?: boolean | undefined;
}

const OUTCOMES: readonly ThresholdOutcomeKind[] = ["pass", "fail", "null", "unknown"];

/** Checks the renderers' options. */
export function readRenderOptions(options: unknown, caller: string): readonly ThresholdOutcome[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== "object") throw new RetentionOptionsError("options", `${caller} expects an object, found ${options === null ? "null" : typeof options}`);
  const thresholds = (options as RenderOptions).thresholds;
  if (thresholds === undefined) return [];
  if (!Array.isArray(thresholds)) throw new RetentionOptionsError("thresholds", `${caller} expects an array of { threshold, value, outcome }`);
  thresholds.forEach((t: unknown, i) => {
    const row = t as Partial<ThresholdOutcome> | null;
    if (row === null || typeof row !== "object" || typeof row.threshold !== "string" || !OUTCOMES.includes(row.outcome as ThresholdOutcomeKind)
      || !(row.value === null || typeof row.value === "number" || typeof row.value === "string")) {
      throw new RetentionOptionsError(`thresholds[${i}]`, `${caller} expects { threshold: string, value: number | string | null, outcome: ${OUTCOMES.join(" | ")} }`);
    }
  });
  return thresholds;
}

/** The `fragment` option of `renderHtml`: a boolean, false when absent. */
export function readFragmentOption(options: unknown, caller: string): boolean {
  const fragment = (options as RenderOptions | undefined)?.fragment;
  if (fragment === undefined) return false;
  if (typeof fragment !== "boolean") throw new RetentionOptionsError("fragment", `${caller} expects true or false, found ${typeof fragment}`);
  return fragment;
}

/** How an outcome reads in the reports. */
export function outcomeLabel(outcome: ThresholdOutcomeKind): string {
  switch (outcome) {
    case "pass": return "pass";
    case "fail": return "FAIL: threshold crossed";
    case "null": return "FAIL: the KPI is null for this data";
    case "unknown": return "FAIL: the KPI is not in this report";
  }
}

/** A threshold's value as the reports show it. */
export function outcomeValue(value: number | string | null): string {
  return value === null ? "n/a" : String(value);
}

/** "All 3 thresholds passed." or "1 of 3 thresholds failed." */
export function thresholdSummary(thresholds: readonly ThresholdOutcome[]): string {
  const failed = thresholds.filter((t) => t.outcome !== "pass").length;
  const n = thresholds.length;
  const noun = n === 1 ? "threshold" : "thresholds";
  if (failed === 0) return n === 1 ? "The threshold passed." : `All ${n} ${noun} passed.`;
  return `${failed} of ${n} ${noun} failed.`;
}
