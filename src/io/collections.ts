import { shapeError } from "../input/errors";
import { describeValue, isPlainObject } from "../input/describeValue";
import { unknownKeyMessage } from "../input/suggestKey";
import { RECORD_KINDS, type RecordKind } from "./fields";

/**
 * The sources of a reader's first argument, checked: one source alone is purchases;
 * otherwise `{ purchases?, events?, surveys?, costs? }` with at least one, and no other key (a
 * misspelled one gets a suggestion). `expected` says what a source is, for messages.
 */
export function sourcesOf<T>(input: unknown, isSource: (value: unknown) => value is T, expected: string): [RecordKind, T][] {
  if (isSource(input)) return [["purchases", input]];
  const fail = (message: string): never => {
    throw shapeError([], "invalid_type", message);
  };
  if (!isPlainObject(input)) {
    return fail(`expected ${expected} or { purchases?, events?, surveys?, costs? } of them, found ${describeValue(input)}`);
  }
  for (const key of Object.keys(input)) {
    if (!(RECORD_KINDS as readonly string[]).includes(key)) fail(unknownKeyMessage("key", key, RECORD_KINDS));
  }
  const sources: [RecordKind, T][] = [];
  for (const kind of RECORD_KINDS) {
    const source = input[kind];
    if (source === undefined) continue;
    if (!isSource(source)) throw shapeError([kind], "invalid_type", `expected ${expected}, found ${describeValue(source)}`);
    sources.push([kind, source as T]);
  }
  if (sources.length === 0) fail("expected at least one of purchases, events, surveys, costs");
  return sources;
}
