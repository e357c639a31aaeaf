import { UTCDate } from "@date-fns/utc";
import { parse } from "date-fns/parse";

const CACHE_LIMIT = 100_000;

/**
 * Parses dates written in a date-fns format (`yyyyMMdd`, `dd/MM/yyyy HH:mm`...) as UTC,
 * whatever the machine's time zone: the reference date is a `UTCDate`, so every field is
 * read in UTC. Results are cached per text (exports repeat the same dates many times).
 */
export function dateParser(format: string): (text: string) => number | null {
  const reference = new UTCDate(0);
  const cache = new Map<string, number | null>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const ms = parse(text, format, reference).getTime();
    const value = Number.isFinite(ms) ? ms : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}
