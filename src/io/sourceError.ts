import { RetentionInputError, type InputIssue } from "../input/errors";
import { escapeControlCharacters } from "./escapeControl";
import type { RecordKind } from "./fields";

/** Where a problem sits in a file or text: its source, line and field. */
export interface SourcePlace {
  readonly kind: RecordKind;
  readonly source: string;
  /** Records of this kind read before the problem: the issue's `index`. */
  readonly index: number;
  readonly line?: number | undefined;
  readonly field?: string | undefined;
}

/**
 * A `RetentionInputError` with one issue placed in a source, for problems found while reading
 * (a missing column, broken CSV or JSON, a date that does not parse). It prints as
 * `source:line: field "x": message`, as the command-line tool reports it. Control characters
 * in the message (a cell's text quoted in it) are escaped (`escapeControlCharacters`).
 */
export function sourceError(place: SourcePlace, code: string, message: string): RetentionInputError {
  const issue: InputIssue = {
    index: place.index,
    path: place.field === undefined ? [place.kind] : [place.kind, place.field],
    code,
    message: escapeControlCharacters(message),
    source: place.source,
    ...(place.line === undefined ? {} : { line: place.line }),
  };
  return new RetentionInputError([issue]);
}
