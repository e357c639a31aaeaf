import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { addYears } from "date-fns/addYears";
import type { Ledger } from "../input/ledger";
import type { AnniversaryMilestone } from "./milestoneTypes";

/**
 * Anniversaries (1 year, 2 years, …) of each customer's first order or signup that fall in
 * `[from, to)`. A first activity on 29 February has its anniversary on 28 February in
 * non-leap years (date-fns `addYears`, UTC).
 */
export function anniversaries(ledger: Ledger, from: number, to: number): AnniversaryMilestone[] {
  const entries: AnniversaryMilestone[] = [];
  const fromYear = new Date(from).getUTCFullYear();
  for (let c = 0; c < ledger.customerIds.length; c++) {
    const first = ledger.firstActivity[c]!;
    if (!(first < to)) continue;
    const since = new UTCDate(first);
    for (let years = Math.max(1, fromYear - since.getUTCFullYear() - 1); ; years++) {
      const date = addYears(since, years).getTime();
      if (date >= to) break;
      if (date < from) continue;
      entries.push({ customerId: ledger.customerIds[c]!, kind: "anniversary", date: new Date(date), detail: { years, since: new Date(first) } });
    }
  }
  return entries;
}
