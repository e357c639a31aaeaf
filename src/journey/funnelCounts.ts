import { medianOfSorted } from "../defection/gaps";
import type { FunnelScan } from "./funnelScan";
import type { FunnelStepSpec } from "./funnelSteps";
import type { FunnelCounts, FunnelStepResult } from "./funnelTypes";

/**
 * The funnel's figures over the entered customers at `members` (positions in the scan; all of
 * them when `null`). For step k: customers = members who reached it; conversionFromPrevious =
 * customers(k) ÷ customers(k−1); conversionFromStart = customers(k) ÷ customers(1);
 * dropped = customers(k−1) − customers(k); medianTimeFromPrevious = the median of
 * t(k) − t(k−1) over those who reached k (the mean of the two middle values for an even count).
 */
export function funnelCounts(scan: FunnelScan, members: Uint32Array | null, specs: readonly FunnelStepSpec[], unmatchable: number): FunnelCounts {
  const stepCount = specs.length;
  const size = members === null ? scan.entered.length : members.length;
  const customers = new Uint32Array(stepCount);
  const gaps = specs.map((_, k) => (k === 0 ? new Float64Array(0) : new Float64Array(size)));
  for (let m = 0; m < size; m++) {
    const p = members === null ? m : members[m]!;
    const reached = scan.reached[p]!;
    const base = p * stepCount;
    for (let k = 0; k < reached; k++) {
      if (k > 0) gaps[k]![customers[k]!] = scan.times[base + k]! - scan.times[base + k - 1]!;
      customers[k]!++;
    }
  }
  const entered = customers[0]!;
  const steps = specs.map((spec, k): FunnelStepResult => {
    const here = customers[k]!;
    const previous = k === 0 ? entered : customers[k - 1]!;
    const median = k === 0 || here === 0 ? null : medianOfSorted(gaps[k]!.subarray(0, here).sort());
    return {
      index: k + 1,
      step: spec.label,
      customers: here,
      conversionFromPrevious: previous === 0 ? null : here / previous,
      conversionFromStart: entered === 0 ? null : here / entered,
      medianTimeFromPrevious: median,
      dropped: previous - here,
      reason: stepReason(spec, k, entered, here, previous, (unmatchable & (1 << k)) !== 0),
    };
  });
  const converted = customers[stepCount - 1]!;
  return { steps, entered, converted, overallConversion: entered === 0 ? null : converted / entered };
}

function stepReason(spec: FunnelStepSpec, k: number, entered: number, here: number, previous: number, unmatchable: boolean): string | null {
  const parts: string[] = [];
  if (unmatchable) parts.push(`no event of type ${JSON.stringify(spec.eventType)} is in the data`);
  if (entered === 0) parts.push("nobody entered the funnel: conversions and times are undefined");
  else if (previous === 0) parts.push("nobody reached the previous step: conversionFromPrevious and the median time are undefined");
  else if (k === 0) parts.push("the first step has no previous step: medianTimeFromPrevious is null");
  else if (here === 0) parts.push("nobody reached this step: medianTimeFromPrevious is undefined");
  return parts.length === 0 ? null : parts.join("; ");
}
