import { brandResult } from "../core/resultBrand";
import type { Granularity } from "../core/calendar";
import type { Decimal } from "../core/money";
import { dateOption } from "../core/period";
import type { DateInput } from "../core/time";
import { RetentionOptionsError } from "../input/errors";
import { toLedger, type MetricInput } from "../input/toLedger";
import { summaryRow, type CustomerSummaryRow } from "./customerSummary";
import type { TimeUnit } from "./models/modelTypes";
import { scanCustomers } from "./scanCustomers";
import { moneyConverter } from "./moneyConverter";
import { readTimeAxis, type TimeAxisOptions } from "./timeAxis";
import { readOptions } from "../input/readOptions";

/** Options of `calibrationHoldoutSummary`. */
export interface CalibrationHoldoutOptions extends TimeAxisOptions {
  /** End of calibration: purchases at or before it are summarised as `customerSummary` does. */
  readonly calibrationEnd: DateInput;
  /** End of the holdout: purchases in (calibrationEnd, observationEnd] are the holdout. */
  readonly observationEnd: DateInput;
}

/** A calibration summary row plus what the customer did in the holdout. */
export interface CalibrationHoldoutRow extends CustomerSummaryRow {
  /** Transactions in the holdout (all of them: none is "first"). */
  readonly holdoutFrequency: number;
  /** Mean value of the holdout transactions; 0 when there are none. */
  readonly holdoutMonetaryValue: Decimal;
  /** Length of the holdout, in the summary's time unit. */
  readonly holdoutDuration: number;
}

/** Calibration and holdout summaries, ready for fitting on one and checking on the other. */
export interface CalibrationHoldoutSummary {
  readonly customers: readonly CalibrationHoldoutRow[];
  readonly calibrationEnd: Date;
  readonly observationEnd: Date;
  readonly timeUnit: TimeUnit;
  readonly calendar: Granularity | null;
  readonly customerCount: number;
  /** Customers with a first purchase only in the holdout, or none: left out, as lifetimes does. */
  readonly skippedCustomerCount: number;
}

/**
 * Splits each customer's history at `calibrationEnd`: the calibration part is summarised as
 * `customerSummary` (asOf = calibrationEnd) does; the holdout (calibrationEnd, observationEnd]
 * gives `holdoutFrequency` (transactions, collapsed per day or bucket as in calibration),
 * `holdoutMonetaryValue` (their mean value) and `holdoutDuration`. Customers whose first
 * purchase falls in the holdout are left out. Matches lifetimes'
 * `calibration_and_holdout_data` (with `freq` as the time unit).
 *
 * @param input - purchases, `{ purchases }`, or a prepared `Ledger`
 * @param options - calibrationEnd, observationEnd, and `timeUnit` or `calendar`
 * @returns one row per customer with a purchase at or before calibrationEnd
 * @throws {RetentionInputError} when a purchase row is invalid
 * @throws {RetentionOptionsError} when observationEnd is not after calibrationEnd, or a time option is invalid
 * @example
 * calibrationHoldoutSummary(purchases, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" })
 * //=> { customers: [{ customerId: "1", frequency: 2, …, holdoutFrequency: 1, holdoutDuration: 39 }, …], … }
 */
export function calibrationHoldoutSummary(input: MetricInput, options: CalibrationHoldoutOptions): CalibrationHoldoutSummary {
  options = readOptions(options, "calibrationHoldoutSummary");
  const ledger = toLedger(input);
  const calibrationEnd = dateOption("calibrationEnd", options?.calibrationEnd);
  const observationEnd = dateOption("observationEnd", options.observationEnd);
  if (!(observationEnd > calibrationEnd)) throw new RetentionOptionsError("observationEnd", "calibrationHoldoutSummary expects observationEnd after calibrationEnd");
  const axis = readTimeAxis(options, "calibrationHoldoutSummary");
  const holdoutDuration = axis.toEnd(axis.key(calibrationEnd), observationEnd) - (axis.calendar === null ? axis.toEnd(axis.key(calibrationEnd), calibrationEnd) : 0);
  const calibration = scanCustomers(ledger, Number.NEGATIVE_INFINITY, calibrationEnd, axis);
  const holdout = scanCustomers(ledger, calibrationEnd, observationEnd, axis);
  const money = moneyConverter(ledger.moneyScale);
  const customers: CalibrationHoldoutRow[] = [];
  for (let c = 0; c < ledger.customerIds.length; c++) {
    if (calibration.transactions[c] === 0) continue;
    const transactions = holdout.transactions[c]!;
    customers.push({
      ...summaryRow(ledger, c, calibration, axis, calibrationEnd, money),
      holdoutFrequency: transactions,
      holdoutMonetaryValue: money.mean(holdout.transactionUnits[c]!, transactions),
      holdoutDuration,
    });
  }
  return brandResult(
    {
      customers,
      calibrationEnd: new Date(calibrationEnd),
      observationEnd: new Date(observationEnd),
      timeUnit: axis.timeUnit,
      calendar: axis.calendar,
      customerCount: customers.length,
      skippedCustomerCount: ledger.customerIds.length - customers.length,
    },
    "calibrationHoldoutSummary",
  );
}
