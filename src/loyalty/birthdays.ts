import { RetentionOptionsError } from "../input/errors";
import type { Birthday, BirthdayMilestone } from "./milestoneTypes";
import { printValue } from "../input/describeValue";
import { daysInMonth } from "../core/time";

/** A leap year: its months have every day a birthday can fall on (29 February included). */
const LEAP_YEAR = 2000;

/** Validates birthdays: a non-empty `customerId`, an integer month 1–12 and a day that exists in it (29 Feb allowed). */
export function readBirthdays(birthdays: unknown): readonly Birthday[] {
  if (birthdays === undefined) return [];
  if (!Array.isArray(birthdays)) throw new RetentionOptionsError("birthdays", `expected an array of { customerId, month, day }, found ${printValue(birthdays)}`);
  birthdays.forEach((entry: unknown, i) => {
    const b = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<Birthday>;
    if (typeof b.customerId !== "string" || b.customerId.length === 0) throw new RetentionOptionsError(`birthdays[${i}].customerId`, `expected a non-empty customer id, found ${printValue(b.customerId)}`);
    const month = b.month;
    if (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > 12) throw new RetentionOptionsError(`birthdays[${i}].month`, `expected an integer month from 1 to 12, found ${printValue(month)}`);
    const last = daysInMonth(LEAP_YEAR, month);
    if (typeof b.day !== "number" || !Number.isInteger(b.day) || b.day < 1 || b.day > last) throw new RetentionOptionsError(`birthdays[${i}].day`, `expected an integer day from 1 to ${last} for month ${month}, found ${printValue(b.day)}`);
  });
  return birthdays as readonly Birthday[];
}

/**
 * Birthdays celebrated in `[from, to)`, each at 00:00 UTC of its day. 29 February is
 * celebrated on 28 February in non-leap years.
 */
export function birthdays(list: readonly Birthday[], from: number, to: number): BirthdayMilestone[] {
  const entries: BirthdayMilestone[] = [];
  const firstYear = new Date(from).getUTCFullYear();
  const lastYear = new Date(to).getUTCFullYear();
  for (const { customerId, month, day } of list) {
    for (let year = firstYear; year <= lastYear; year++) {
      const moved = month === 2 && day === 29 && daysInMonth(year, 2) === 28;
      const date = Date.UTC(year, month - 1, moved ? 28 : day);
      if (date < from || date >= to) continue;
      entries.push({ customerId, kind: "birthday", date: new Date(date), detail: { month, day, movedFromLeapDay: moved } });
    }
  }
  return entries;
}
