import { CANCEL, REACTIVATE, SIGNUP } from "../input/eventColumns";
import type { Ledger } from "../input/ledger";
import { GapBuffer } from "./gaps";

/** Per-customer event facts as of an instant; `NaN` marks "none" (internal only). */
export interface EventSummary {
  /** Last event at or before `asOf`. */
  readonly lastEventAt: Float64Array;
  /** First `cancel` with no later signup, reactivate or order. */
  readonly cancelledAt: Float64Array;
  /** First `appointment_missed` with no later `appointment_kept`, `service_visit` or order. */
  readonly missedAt: Float64Array;
  /** Last `service_visit`, kept only for customers with at least 2 service visit days. */
  readonly lastServiceAt: Float64Array;
  /** Median gap between service visit days (each at least `minGapDays`). */
  readonly serviceGapDays: Float64Array;
}

/**
 * One pass over every customer's events up to `asOf` (inclusive). "Later" means strictly
 * later; `lastOrderAt` (from the order summary) counts as a later start or recovery.
 */
export function summarizeEvents(ledger: Ledger, asOf: number, minGapDays: number, lastOrderAt: Float64Array): EventSummary {
  const n = ledger.customerIds.length;
  const { at, type, typeNames } = ledger.events;
  const { offsets, rows } = ledger.eventsByCustomer;
  const missed = typeNames.indexOf("appointment_missed");
  const kept = typeNames.indexOf("appointment_kept");
  const service = typeNames.indexOf("service_visit");
  const summary = {
    lastEventAt: new Float64Array(n).fill(Number.NaN),
    cancelledAt: new Float64Array(n).fill(Number.NaN),
    missedAt: new Float64Array(n).fill(Number.NaN),
    lastServiceAt: new Float64Array(n).fill(Number.NaN),
    serviceGapDays: new Float64Array(n).fill(Number.NaN),
  };
  const gaps = new GapBuffer(minGapDays);
  for (let c = 0; c < n; c++) {
    const from = offsets[c]!;
    const stop = offsets[c + 1]!;
    if (from === stop) continue;
    const lastOrder = Number.isNaN(lastOrderAt[c]!) ? Number.NEGATIVE_INFINITY : lastOrderAt[c]!;
    let lastStart = lastOrder;
    let lastRecovery = lastOrder;
    let end = from;
    gaps.reset();
    for (; end < stop; end++) {
      const k = rows[end]!;
      const t = at[k]!;
      if (t > asOf) break;
      const code = type[k]!;
      summary.lastEventAt[c] = t;
      if (code === SIGNUP || code === REACTIVATE) lastStart = Math.max(lastStart, t);
      else if (code === kept) lastRecovery = Math.max(lastRecovery, t);
      else if (code === service) {
        lastRecovery = Math.max(lastRecovery, t);
        summary.lastServiceAt[c] = t;
        gaps.visit(t);
      }
    }
    if (gaps.visits > 1) summary.serviceGapDays[c] = gaps.median();
    else summary.lastServiceAt[c] = Number.NaN;
    summary.cancelledAt[c] = firstUnanswered(at, type, rows, from, end, CANCEL, lastStart);
    if (missed >= 0) summary.missedAt[c] = firstUnanswered(at, type, rows, from, end, missed, lastRecovery);
  }
  return summary;
}

/** The first event of type `code` at or after `answeredUntil` among `rows[from..end)`, or `NaN`. */
function firstUnanswered(
  at: Float64Array,
  type: Uint16Array,
  rows: Uint32Array,
  from: number,
  end: number,
  code: number,
  answeredUntil: number,
): number {
  for (let p = from; p < end; p++) {
    const k = rows[p]!;
    if (type[k] === code && at[k]! >= answeredUntil) return at[k]!;
  }
  return Number.NaN;
}
