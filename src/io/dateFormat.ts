import { RetentionOptionsError } from "../input/errors";
import { daysInMonth } from "../core/time";

const CACHE_LIMIT = 100_000;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** What a token sets, and how its text is matched (a sticky pattern, read without backtracking, as date-fns does). */
interface Token {
  readonly set: "year" | "month" | "day" | "hour" | "hour12" | "ampm" | "minute" | "second" | "ms" | "offset" | null;
  readonly pattern: RegExp;
  readonly width?: number;
}

const digits = (n: number): RegExp => new RegExp(`\\d{1,${n}}`, "y");
const MONTH_NAME = /(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)/iy;
const OFFSET = { X: /Z|[+-]\d{2}(?::?\d{2})?/iy, x: /[+-]\d{2}(?::?\d{2})?/y };

/** The date-fns tokens read, by the text of the token. */
const TOKENS: ReadonlyMap<string, Token> = new Map<string, Token>([
  ["y", { set: "year", pattern: digits(4) }],
  ["yyyy", { set: "year", pattern: digits(4) }],
  ["M", { set: "month", pattern: /1[0-2]|0?\d/y }],
  ["MM", { set: "month", pattern: digits(2) }],
  ["MMM", { set: "month", pattern: MONTH_NAME }],
  ["MMMM", { set: "month", pattern: MONTH_NAME }],
  ["d", { set: "day", pattern: /3[01]|[0-2]?\d/y }],
  ["dd", { set: "day", pattern: digits(2) }],
  ["H", { set: "hour", pattern: /2[0-3]|[01]?\d/y }],
  ["HH", { set: "hour", pattern: digits(2) }],
  ["h", { set: "hour12", pattern: /1[0-2]|0?\d/y }],
  ["hh", { set: "hour12", pattern: digits(2) }],
  ["a", { set: "ampm", pattern: /[ap]\.?\s?m\.?/iy }],
  ["aa", { set: "ampm", pattern: /[ap]\.?\s?m\.?/iy }],
  ["m", { set: "minute", pattern: /[0-5]?\d/y }],
  ["mm", { set: "minute", pattern: digits(2) }],
  ["s", { set: "second", pattern: /[0-5]?\d/y }],
  ["ss", { set: "second", pattern: digits(2) }],
  ["S", { set: "ms", pattern: digits(1), width: 1 }],
  ["SS", { set: "ms", pattern: digits(2), width: 2 }],
  ["SSS", { set: "ms", pattern: digits(3), width: 3 }],
  ...["X", "XX", "XXX", "x", "xx", "xxx"].map((t): [string, Token] => [t, { set: "offset", pattern: OFFSET[t[0] as "X" | "x"] }]),
]);

const TOKEN_LIST = [...TOKENS.keys()].join(", ");

/** Splits a format into tokens (runs of one letter) and literal text (other characters, or quoted: `'T'`, `''` for a quote). */
function compile(format: string, option: string): Token[] {
  const tokens: Token[] = [];
  const parts = format.match(/([A-Za-z])\1*|'(?:[^']|'')*'?|[^A-Za-z']+/g) ?? [];
  for (const part of parts) {
    if (/^[A-Za-z]/.test(part)) {
      const token = TOKENS.get(part);
      if (token === undefined) {
        const hint = part === "YYYY" || part === "DD" ? ` (write ${part.toLowerCase()}: ${part} is the week-numbering year or the day of the year)` : part === "yy" ? " (write yyyy: a two-digit year is ambiguous)" : "";
        throw new RetentionOptionsError(option, `"${format}" uses ${part}, which is not read${hint}; tokens read: ${TOKEN_LIST}, and literal text (quote letters: 'T')`);
      }
      tokens.push(token);
    } else {
      const text = part === "''" ? "'" : part.startsWith("'") ? part.slice(1, part.endsWith("'") && part.length > 1 ? -1 : undefined).replaceAll("''", "'") : part;
      tokens.push({ set: null, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "y") });
    }
  }
  const missing = (["year", "month", "day"] as const).filter((part) => !tokens.some((token) => token.set === part));
  if (missing.length > 0) {
    throw new RetentionOptionsError(option, `"${format}" has no ${missing.join(", ")}: a date format needs a year (yyyy), a month (MM or MMM) and a day (dd), or every date would fall on 1970-01-01`);
  }
  return tokens;
}

/** Reads `text` with `tokens` into epoch ms (UTC unless it holds an offset), or `null`. */
function read(tokens: readonly Token[], text: string): number | null {
  const v = { year: 1970, month: 1, day: 1, hour: 0, hour12: -1, pm: false, minute: 0, second: 0, ms: 0, offset: 0 };
  let at = 0;
  for (const token of tokens) {
    token.pattern.lastIndex = at;
    const m = token.pattern.exec(text);
    if (m === null) return null;
    at += m[0].length;
    const found = m[0];
    switch (token.set) {
      case null:
        break;
      case "month":
        v.month = /\d/.test(found) ? Number(found) : MONTHS.findIndex((name) => name.startsWith(found.toLowerCase().slice(0, 3))) + 1;
        break;
      case "ampm":
        v.pm = found[0] === "p" || found[0] === "P";
        break;
      case "ms":
        v.ms = Number(found) * 10 ** (3 - token.width!);
        break;
      case "offset": {
        const minutes = offsetMinutes(found);
        if (minutes === null) return null;
        v.offset = minutes;
        break;
      }
      default:
        v[token.set] = Number(found);
    }
  }
  if (text.slice(at).trim() !== "") return null;
  if (v.hour12 >= 0) {
    if (v.hour12 < 1 || v.hour12 > 12) return null;
    v.hour = (v.hour12 % 12) + (v.pm ? 12 : 0);
  }
  if (v.month < 1 || v.month > 12 || v.day < 1 || v.day > daysInMonth(v.year, v.month)) return null;
  if (v.hour > 23 || v.minute > 59 || v.second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(v.year, v.month - 1, v.day);
  date.setUTCHours(v.hour, v.minute, v.second, v.ms);
  return date.getTime() - v.offset * 60_000;
}

/** An offset in minutes, or `null` past ±18:00 (ISO 8601 and ECMAScript's limit) or with minutes past 59. */
function offsetMinutes(text: string): number | null {
  if (text === "Z" || text === "z") return 0;
  const digitsOnly = text.slice(1).replace(":", "");
  const hours = Number(digitsOnly.slice(0, 2));
  const mins = Number(digitsOnly.slice(2) || "0");
  const minutes = hours * 60 + mins;
  if (mins > 59 || minutes > 18 * 60) return null;
  return text[0] === "-" ? -minutes : minutes;
}

/**
 * Parses dates written in a date format (`yyyyMMdd`, `dd.MM.yyyy`, `MMM d, yyyy h:mm a`) as UTC,
 * whatever the machine's time zone (an offset token, `XXX`, shifts it). The tokens are
 * date-fns' (Unicode TR35) numeric ones plus English month names and AM/PM, read as date-fns
 * `parse` reads them (it is pinned to it by a property test); a small reader of its own keeps
 * date-fns' 7 kB parser and locale out of browser bundles. Impossible dates (30 February) and
 * offsets past ±18:00 give `null`. Results are cached per text (exports repeat the same dates many times).
 *
 * @throws {RetentionOptionsError} naming `option` when the format uses a token it does not read, or lacks a year, month or day
 * @example
 * dateParser("dd.MM.yyyy")("29.02.2024") //=> Date.UTC(2024, 1, 29)
 */
export function dateParser(format: string, option = "dateFormat"): (text: string) => number | null {
  const tokens = compile(format, option);
  const cache = new Map<string, number | null>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = read(tokens, text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}
