import { suggestName } from "../core/suggest";

/** `"unknown key "purchase"; did you mean "purchases"?"`, or without the question when nothing is near. */
export function unknownKeyMessage(what: string, key: string, candidates: readonly string[]): string {
  const near = suggestName(key, candidates);
  const known = candidates.map((candidate) => JSON.stringify(candidate)).join(", ");
  return near === null
    ? `unknown ${what} ${JSON.stringify(key)}; expected one of ${known}`
    : `unknown ${what} ${JSON.stringify(key)}; did you mean ${JSON.stringify(near)}?`;
}
