import { compareIds } from "../core/compareIds";
import type { MoneyInput } from "../core/money";
import { dateOption } from "../core/period";
import type { DateInput, DurationInput } from "../core/time";
import { toLedger, type MetricInput } from "../input/toLedger";
import { addDuration, withinDateRange } from "../core/time";
import { anniversaries } from "./anniversaries";
import { birthdays, readBirthdays } from "./birthdays";
import { readOrderMilestones, readSpendMilestones } from "./milestoneOptions";
import type { Birthday, Milestone, MilestoneKind } from "./milestoneTypes";
import { orderMilestones } from "./orderMilestones";
import { spendMilestones } from "./spendMilestones";
import { readTrailingWindow, trailingStart } from "./trailingWindow";
import { readOptions } from "../input/readOptions";
import { checkBucketCount } from "../core/bucketIndex";

/** The longest look-ahead `within` may set, in years: each customer then has at most this many anniversaries (and birthdays). */
export const MAX_LOOKAHEAD_YEARS = 100;
const YEAR_MS = 365.25 * 86_400_000;

/** Options of `milestones`. */
export interface MilestonesOptions {
  readonly asOf: DateInput;
  /** Length of the look-ahead `[asOf, asOf + within)` and of the spend look-back `(asOf − within, asOf]`. Default `{ days: 30 }`. */
  readonly within?: DurationInput | undefined;
  /** Order counts to celebrate; default `[5, 10, 25, 50, 100]`; `[]` turns them off. */
  readonly orderMilestones?: readonly number[] | undefined;
  /** Lifetime spend levels to celebrate; default `[100, 250, 500, 1000, 2500, 5000, 10000]`; `[]` turns them off. */
  readonly spendMilestones?: readonly MoneyInput[] | undefined;
  /** Include anniversaries of the first order or signup; default true. */
  readonly anniversaries?: boolean | undefined;
  readonly birthdays?: readonly Birthday[] | undefined;
}

/** Celebrations worth a message, sorted by date, then customer id. */
export interface Milestones {
  readonly asOf: Date;
  /** The look-ahead `[asOf, asOf + within)` for anniversaries and birthdays. */
  readonly window: { readonly start: Date; readonly end: Date };
  /** The look-back `(after, through]` in which spend milestones were crossed. */
  readonly spendWindow: { readonly after: Date; readonly through: Date };
  readonly entries: readonly Milestone[];
  readonly counts: Readonly<Record<MilestoneKind, number>>;
}

const KIND_ORDER: readonly MilestoneKind[] = ["anniversary", "birthday", "order-milestone", "spend-milestone"];

function detailRank(entry: Milestone): number {
  switch (entry.kind) {
    case "anniversary":
      return entry.detail.years;
    case "order-milestone":
      return entry.detail.milestone;
    case "spend-milestone":
      return entry.detail.milestone.toNumber();
    case "birthday":
      return 0;
  }
}

function compare(a: Milestone, b: Milestone): number {
  const byDate = a.date.getTime() - b.date.getTime();
  if (byDate !== 0) return byDate;
  return compareIds(a.customerId, b.customerId) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || detailRank(a) - detailRank(b);
}

/**
 * Celebrations worth a message: anniversaries of the first order or signup and birthdays in
 * `[asOf, asOf + within)`, customers one order away from an order milestone, and lifetime
 * spend milestones crossed in `(asOf − within, asOf]`. Birthdays on 29 February are
 * celebrated on 28 February in non-leap years, as are leap-day anniversaries.
 *
 * @param input - purchases, `{ purchases, events }` (signups count as first activity), or a `Ledger`
 * @param options - asOf, within (default 30 days), orderMilestones, spendMilestones, anniversaries, birthdays
 * @returns entries `{ customerId, kind, date, detail }` sorted by date then customer id, and counts per kind
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} naming the bad option, e.g. `birthdays[3].day`, `orderMilestones[0]`, or a `within` over 100 years
 * @example
 * milestones([{ customerId: "a", at: "2023-06-10", amount: "20" }], { asOf: "2024-06-01" }).entries
 * //=> [{ customerId: "a", kind: "anniversary", date: 2024-06-10T00:00:00.000Z, detail: { years: 1, since: 2023-06-10T00:00:00.000Z } }]
 */
export function milestones(input: MetricInput, options: MilestonesOptions): Milestones {
  options = readOptions(options, "milestones");
  const ledger = toLedger(input);
  const asOf = dateOption("asOf", options?.asOf);
  const within = readTrailingWindow(options.within ?? { days: 30 }, "within");
  const end = addDuration(asOf, within.duration);
  checkBucketCount("within", Math.ceil((end - asOf) / YEAR_MS), "years of look-ahead", MAX_LOOKAHEAD_YEARS, "use a shorter within");
  const after = withinDateRange(trailingStart(within, asOf), "asOf");
  const orderLevels = readOrderMilestones(options.orderMilestones);
  const spendLevels = readSpendMilestones(options.spendMilestones);
  const birthdayList = readBirthdays(options.birthdays);
  const entries: Milestone[] = [
    ...(options.anniversaries === false ? [] : anniversaries(ledger, asOf, end)),
    ...birthdays(birthdayList, asOf, end),
    ...(orderLevels.length === 0 ? [] : orderMilestones(ledger, asOf, orderLevels)),
    ...(spendLevels.length === 0 ? [] : spendMilestones(ledger, after, asOf, spendLevels)),
  ].sort(compare);
  const counts: Record<MilestoneKind, number> = { anniversary: 0, birthday: 0, "order-milestone": 0, "spend-milestone": 0 };
  for (const entry of entries) counts[entry.kind]++;
  return {
    asOf: new Date(asOf),
    window: { start: new Date(asOf), end: new Date(end) },
    spendWindow: { after: new Date(after), through: new Date(asOf) },
    entries,
    counts,
  };
}
