/** Longest customer or order id the ledger accepts, in UTF-16 code units: far past any real key (a UUID is 36, an email at most 320). */
export const MAX_ID_LENGTH = 10_000;

/** The message for an id longer than `MAX_ID_LENGTH`. */
export const LONG_ID_MESSAGE = (what: string): string => `expected ${what} of at most ${MAX_ID_LENGTH.toLocaleString("en-US")} characters`;
