/*
 * The `points` field of customer events (docs/programs.md, "Points ledger"): a whole number
 * of points ≥ 0, required on the three points events and refused on every other event, so a
 * misspelt type (`points_earn`) is an error rather than points silently ignored.
 */

/** The event types that carry points. */
export const POINTS_EVENT_TYPES = ["points_earned", "points_redeemed", "points_expired"] as const;

/** A points event type. */
export type PointsEventType = (typeof POINTS_EVENT_TYPES)[number];

/** True for `points_earned`, `points_redeemed` and `points_expired`. */
export const isPointsType = (type: unknown): boolean => type === "points_earned" || type === "points_redeemed" || type === "points_expired";

/** True for a whole number of points ≥ 0 (a safe integer, so sums stay exact). */
export const isWholePoints = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * The row-level rule, checked once every field is valid: points events carry `points`, other
 * events do not. `null` when the row keeps it.
 */
export function pointsTypeMessage(type: string, points: unknown): string | null {
  if (isPointsType(type)) return points === undefined ? `a ${type} event needs its points (a whole number ≥ 0)` : null;
  return points === undefined ? null : `points belong only to ${POINTS_EVENT_TYPES.join(", ")} events, found them on a ${JSON.stringify(type)} event`;
}
