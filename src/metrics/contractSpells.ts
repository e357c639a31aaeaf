import { CANCEL, REACTIVATE, SIGNUP } from "../input/eventColumns";
import type { Ledger } from "../input/ledger";

/** Contract spells as columns: length in ms and whether a cancel ended it (else censored at `asOf`). */
export interface ContractSpells {
  readonly count: number;
  readonly durationMs: Float64Array;
  /** 1 when the spell ended with a cancel, 0 when it was still open at `asOf`. */
  readonly ended: Uint8Array;
  /** Contract events that did not fit a spell: a start while one is open, a cancel with none open. */
  readonly ignoredEvents: number;
}

/**
 * Reads each customer's contract spells from their events in time order, before `asOf`:
 * a signup or reactivate opens a spell, the next cancel closes it (at the same instant a start
 * sorts before a cancel, so a same-instant cancel closes a spell of length 0); a spell still
 * open at `asOf` is censored there. Events at or after `asOf` are not read.
 */
export function contractSpells(ledger: Ledger, asOf: number): ContractSpells {
  const { events, eventsByCustomer } = ledger;
  const durationMs: number[] = [];
  const ended: number[] = [];
  let ignoredEvents = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    if (ledger.hasContract[c] !== 1) continue;
    let open = Number.NaN;
    for (let i = eventsByCustomer.offsets[c]!; i < eventsByCustomer.offsets[c + 1]!; i++) {
      const k = eventsByCustomer.rows[i]!;
      const at = events.at[k]!;
      if (at >= asOf) break;
      const type = events.type[k]!;
      if (type === SIGNUP || type === REACTIVATE) {
        if (Number.isNaN(open)) open = at;
        else ignoredEvents++;
      } else if (type === CANCEL) {
        if (Number.isNaN(open)) {
          ignoredEvents++;
          continue;
        }
        durationMs.push(at - open);
        ended.push(1);
        open = Number.NaN;
      }
    }
    if (!Number.isNaN(open)) {
      durationMs.push(asOf - open);
      ended.push(0);
    }
  }
  return { count: durationMs.length, durationMs: Float64Array.from(durationMs), ended: Uint8Array.from(ended), ignoredEvents };
}
