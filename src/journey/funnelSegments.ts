import { RetentionOptionsError } from "../input/errors";
import { describeValue } from "../input/describeValue";
import { funnelCounts } from "./funnelCounts";
import type { FunnelMatcher } from "./funnelMatcher";
import type { FunnelScan } from "./funnelScan";
import type { FunnelStepSpec } from "./funnelSteps";
import type { FunnelOccurrence, FunnelSegment, FunnelSegmentKey } from "./funnelTypes";

/**
 * One funnel per segment of the entering occurrence (first touch, as Amplitude groups a
 * funnel by the properties of the step-1 event): customers are grouped in a `Map`, so any key
 * is just a key; a missing key (`null` or `undefined`) is the segment `null`. Segments are
 * sorted by key (code-unit order), `null` last. A key function must return a string, `null`
 * or `undefined`.
 */
export function funnelSegments(scan: FunnelScan, specs: readonly FunnelStepSpec[], matcher: FunnelMatcher, by: FunnelSegmentKey): FunnelSegment[] {
  const groups = new Map<string | null, number[]>();
  for (let p = 0; p < scan.entered.length; p++) {
    const entering: FunnelOccurrence =
      scan.enteredOnOrder[p] === 1 ? matcher.orderOccurrence(scan.entryRow[p]!, scan.entryOrderNumber[p]!) : matcher.eventOccurrence(scan.entryRow[p]!);
    const raw: unknown = typeof by === "function" ? by(entering) : entering[by];
    if (raw !== null && raw !== undefined && typeof raw !== "string") {
      throw new RetentionOptionsError("by", `expected the key function to return a string, null or undefined, found ${describeValue(raw)} for customer ${JSON.stringify(entering.customerId)}`);
    }
    const key = raw ?? null;
    let members = groups.get(key);
    if (members === undefined) groups.set(key, (members = []));
    members.push(p);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => ({ key, ...funnelCounts(scan, Uint32Array.from(groups.get(key)!), specs, matcher.unmatchable) }));
}
