import { medianOfSorted } from "../defection/gaps";
import type { FunnelScan } from "./funnelScan";
import type { FunnelStepSpec } from "./funnelSteps";
import type { FunnelCounts, FunnelStepResult } from "./funnelTypes";

/**
 * The funnel's figures for each of `segments` groups of customers (`segmentOf[c]`, −1 for none;
 * everyone who entered is group 0 when `segmentOf` is `null`). For step k: customers = those
 * who reached it; conversionFromPrevious = customers(k) ÷ customers(k−1); conversionFromStart =
 * customers(k) ÷ customers(1); dropped = customers(k−1) − customers(k); medianTimeFromPrevious =
 * the median of t(k) − t(k−1) over those who reached k (the mean of the two middle values for
 * an even count).
 */
export function funnelCounts(scan: FunnelScan, specs: readonly FunnelStepSpec[], unmatchable: number, segmentOf: Int32Array | null, segments: number): FunnelCounts[] {
  const stepCount = specs.length;
  const customers = new Uint32Array(segments * stepCount);
  const { reached } = scan;
  for (let c = 0; c < reached.length; c++) {
    const steps = reached[c]!;
    if (steps === 0) continue;
    const base = (segmentOf === null ? 0 : segmentOf[c]!) * stepCount;
    for (let k = 0; k < steps; k++) customers[base + k]!++;
  }
  const medians = new Float64Array(segments * stepCount);
  for (let k = 1; k < stepCount; k++) {
    const values = scan.gaps[k]! as Float64Array;
    if (segmentOf === null) {
      medians[k] = medianOfSorted(values.sort());
      continue;
    }
    const groups = Array.from({ length: segments }, (_, g) => new Float64Array(customers[g * stepCount + k]!));
    const filled = new Uint32Array(segments);
    const owners = scan.gapCustomers[k]!;
    for (let n = 0; n < values.length; n++) {
      const g = segmentOf[owners[n]!]!;
      groups[g]![filled[g]!++] = values[n]!;
    }
    groups.forEach((group, g) => (medians[g * stepCount + k] = medianOfSorted(group.sort())));
  }
  return Array.from({ length: segments }, (_, g) => countsOf(specs, unmatchable, customers.subarray(g * stepCount, (g + 1) * stepCount), medians.subarray(g * stepCount, (g + 1) * stepCount)));
}

function countsOf(specs: readonly FunnelStepSpec[], unmatchable: number, customers: Uint32Array, medians: Float64Array): FunnelCounts {
  const entered = customers[0]!;
  const steps = specs.map((spec, k): FunnelStepResult => {
    const here = customers[k]!;
    const previous = k === 0 ? entered : customers[k - 1]!;
    return {
      index: k + 1,
      step: spec.label,
      customers: here,
      conversionFromPrevious: previous === 0 ? null : here / previous,
      conversionFromStart: entered === 0 ? null : here / entered,
      medianTimeFromPrevious: k === 0 || here === 0 ? null : medians[k]!,
      dropped: previous - here,
      reason: stepReason(spec, k, entered, here, previous, (unmatchable & (1 << k)) !== 0),
    };
  });
  const converted = customers[specs.length - 1]!;
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
