import { UTCDate } from "@date-fns/utc";
import { parse } from "date-fns/parse";
import { RetentionOptionsError } from "../input/errors";

const CACHE_LIMIT = 100_000;

/** The letters of date-fns' parse tokens; any other letter must be quoted ('T'). */
const TOKEN_LETTERS = /^[GyYRuQqMLwIdDEeciabBhHKkmsSXxtTPp]*$/;

/** Tokens date-fns refuses to parse (and warns about on the console first). */
const CONFUSING_TOKENS = /(?<!Y)(YYYY|YY)(?!Y)|(?<!D)(DD|D)(?!D)/;

/**
 * Parses dates written in a date-fns format (`yyyyMMdd`, `dd/MM/yyyy HH:mm`...) as UTC,
 * whatever the machine's time zone: the reference date is a `UTCDate`, so every field is
 * read in UTC. Results are cached per text (exports repeat the same dates many times).
 * A format date-fns refuses (`YYYY`, an unescaped letter) is a `RetentionOptionsError`
 * naming `option`.
 */
export function dateParser(format: string, option = "dateFormat"): (text: string) => number | null {
  const unquoted = format.replace(/'[^']*'/g, "");
  const letters = unquoted.replace(/[^A-Za-z]/g, "");
  if (!TOKEN_LETTERS.test(letters)) {
    const letter = [...letters].find((ch) => !TOKEN_LETTERS.test(ch))!;
    throw new RetentionOptionsError(option, `"${format}" is not a date-fns format: "${letter}" is not a token (quote literal text: 'T')`);
  }
  const confusing = CONFUSING_TOKENS.exec(unquoted);
  if (confusing !== null) {
    const token = confusing[0];
    const meaning = token.startsWith("Y") ? "the calendar year; Y is the week-numbering year" : "the day of the month; D is the day of the year";
    throw new RetentionOptionsError(option, `"${format}" uses ${token}: write ${token.toLowerCase()} for ${meaning}`);
  }
  const reference = new UTCDate(0);
  const read = (text: string): number => {
    try {
      return parse(text, format, reference).getTime();
    } catch (error) {
      throw new RetentionOptionsError(option, `"${format}" is not a date-fns format: ${(error as Error).message}`);
    }
  };
  const cache = new Map<string, number | null>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const ms = read(text);
    const value = Number.isFinite(ms) ? ms : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}
