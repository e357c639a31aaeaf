/**
 * Event types the library understands; any other non-empty string is kept as a custom type.
 * (A module of its own, without zod, so that the core entry does not load zod.)
 */
export const KNOWN_EVENT_TYPES = [
  "signup",
  "cancel",
  "reactivate",
  "appointment_booked",
  "appointment_kept",
  "appointment_missed",
  "service_visit",
  "complaint",
  "support_contact",
  "points_earned",
  "points_redeemed",
  "points_expired",
] as const;
