import { shapeError } from "../input/errors";
import { closestName } from "./closestName";
import { RECORD_KINDS, type RecordKind } from "./fields";
import { describe } from "./readOptions";

/**
 * The sources of a reader's first argument, checked: one source alone is purchases;
 * otherwise `{ purchases?, events?, surveys? }` with at least one, and no other key (a
 * misspelled one gets a suggestion). `expected` says what a source is, for messages.
 */
export function sourcesOf<T>(input: unknown, isSource: (value: unknown) => value is T, expected: string): [RecordKind, T][] {
  if (isSource(input)) return [["purchases", input]];
  const fail = (message: string): never => {
    throw shapeError([], "invalid_type", message);
  };
  if (typeof input !== "object" || input === null || Array.isArray(input) || input instanceof Map) {
    return fail(`expected ${expected} or { purchases?, events?, surveys? } of them, found ${describe(input)}`);
  }
  for (const key of Object.keys(input)) {
    if (!(RECORD_KINDS as readonly string[]).includes(key)) {
      const near = closestName(key, RECORD_KINDS);
      fail(`unknown key "${key}"${near === undefined ? ` (keys: ${RECORD_KINDS.join(", ")})` : `; did you mean "${near}"?`}`);
    }
  }
  const sources: [RecordKind, T][] = [];
  for (const kind of RECORD_KINDS) {
    const source = (input as Record<string, unknown>)[kind];
    if (source === undefined) continue;
    if (!isSource(source)) fail(`${kind}: expected ${expected}, found ${describe(source)}`);
    sources.push([kind, source as T]);
  }
  if (sources.length === 0) fail("expected at least one of purchases, events, surveys");
  return sources;
}
