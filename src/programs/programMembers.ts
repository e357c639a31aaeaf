import { printValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import type { Ledger } from "../input/ledger";

/** The event type that makes a customer a member, unless `joinEvent` or `member` says otherwise. */
export const PROGRAM_JOIN = "program_join";

/**
 * Per customer, 1 for a member: one for whom `member(customerId)` is true, or, without `member`,
 * one with a `joinEvent` event before `end`.
 *
 * @throws {RetentionOptionsError} (`member`) when the predicate returns something other than a boolean
 */
export function programMembers(ledger: Ledger, end: number, joinEvent: string, member: ((customerId: string) => boolean) | undefined): Uint8Array {
  const flags = new Uint8Array(ledger.customerIds.length);
  if (member !== undefined) {
    for (let c = 0; c < flags.length; c++) {
      const answer: unknown = member(ledger.customerIds[c]!);
      if (typeof answer !== "boolean") throw new RetentionOptionsError("member", `expected the predicate to return true or false, found ${printValue(answer)} for customer ${JSON.stringify(ledger.customerIds[c])}`);
      flags[c] = answer ? 1 : 0;
    }
    return flags;
  }
  const { events } = ledger;
  const code = events.typeNames.indexOf(joinEvent);
  if (code < 0) return flags;
  for (let k = 0; k < events.count && events.at[k]! < end; k++) if (events.type[k] === code) flags[events.customer[k]!] = 1;
  return flags;
}
