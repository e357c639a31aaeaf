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
  const ids = new Map<string | null, number>();
  const segmentOf = new Int32Array(scan.reached.length).fill(-1);
  for (let c = 0; c < scan.reached.length; c++) {
    if (scan.reached[c] === 0) continue;
    const entering: FunnelOccurrence =
      scan.enteredOnOrder[c] === 1 ? matcher.orderOccurrence(scan.entryRow[c]!, scan.entryOrderNumber[c]!) : matcher.eventOccurrence(scan.entryRow[c]!);
    const raw: unknown = typeof by === "function" ? by(entering) : entering[by];
    if (raw !== null && raw !== undefined && typeof raw !== "string") {
      throw new RetentionOptionsError("by", `expected the key function to return a string, null or undefined, found ${describeValue(raw)} for customer ${JSON.stringify(entering.customerId)}`);
    }
    const key = raw ?? null;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    segmentOf[c] = id;
  }
  const counts = funnelCounts(scan, specs, matcher.unmatchable, segmentOf, ids.size);
  const keys = [...ids.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => ({ key, ...counts[ids.get(key)!]! }));
}
