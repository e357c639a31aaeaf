/**
 * One problem found in the input: the row, the field path, a machine code and a message.
 * `index` is -1 when the problem is not one row's: the input's shape, or a whole column.
 * Records read from a file or text (`readLedger`, `parseLedgerText`) also say where they came
 * from: `source` (the path, or the collection's name), `line` (1-based, where the record starts)
 * and `column` (the source's column, when a `columns` mapping renamed the field).
 */
export interface InputIssue {
  readonly index: number;
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  readonly source?: string;
  readonly line?: number;
  readonly column?: string;
}

/** Largest number of issues an input error keeps; `totalIssues` counts them all. */
export const MAX_KEPT_ISSUES = 100;

/**
 * Thrown when input rows are invalid. `issues` holds the first 100 problems (row index,
 * field path, code, message); `totalIssues` counts every problem found.
 */
export class RetentionInputError extends Error {
  override readonly name = "RetentionInputError";
  readonly issues: readonly InputIssue[];
  readonly totalIssues: number;

  constructor(issues: readonly InputIssue[], totalIssues: number = issues.length) {
    const first = issues[0];
    const more = totalIssues > 1 ? ` (and ${totalIssues - 1} more issue${totalIssues > 2 ? "s" : ""})` : "";
    super(first === undefined ? "invalid input" : `${formatIssue(first)}${more}`);
    this.issues = issues.slice(0, MAX_KEPT_ISSUES);
    this.totalIssues = totalIssues;
  }
}

/** Thrown when an option is impossible (an end before its start, an unknown granularity...). */
export class RetentionOptionsError extends Error {
  override readonly name = "RetentionOptionsError";
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

/**
 * Formats an issue as `<collection>[index].field: message`; an issue of no row (index -1)
 * reads `<collection>.field: message`, and one of the whole input `input: message`. An issue
 * read from a source reads `source:line: field "x" (column "y"): message`.
 */
export function formatIssue(issue: InputIssue): string {
  const [collection, ...rest] = issue.path;
  if (issue.source !== undefined) {
    const where = issue.line === undefined ? issue.source : `${issue.source}:${issue.line}`;
    const field = rest.length === 0 ? "" : `field "${rest.join(".")}"${issue.column === undefined ? "" : ` (column "${issue.column}")`}: `;
    return `${where}: ${field}${issue.message}`;
  }
  const field = rest.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("");
  const row = issue.index >= 0 ? `[${issue.index}]` : "";
  return `${collection === undefined ? "input" : String(collection)}${row}${field}: ${issue.message}`;
}

/** A `RetentionInputError` with one issue that belongs to no row: the input's shape or a whole column. */
export function shapeError(path: readonly (string | number)[], code: string, message: string): RetentionInputError {
  return new RetentionInputError([{ index: -1, path, code, message }]);
}

/** True when `error` is a `RetentionInputError`. */
export function isRetentionInputError(error: unknown): error is RetentionInputError {
  return error instanceof RetentionInputError;
}

/** True when `error` is a `RetentionOptionsError`. */
export function isRetentionOptionsError(error: unknown): error is RetentionOptionsError {
  return error instanceof RetentionOptionsError;
}

/** Collects issues, keeping the first 100 and counting the rest. */
export class IssueCollector {
  readonly kept: InputIssue[] = [];
  total = 0;

  add(issue: InputIssue): void {
    this.total++;
    if (this.kept.length < MAX_KEPT_ISSUES) this.kept.push(issue);
  }

  /** True once 100 issues are kept: later ones need only be counted (`count`), not built. */
  get full(): boolean {
    return this.kept.length >= MAX_KEPT_ISSUES;
  }

  /** Counts `n` issues that are not kept. */
  count(n: number): void {
    this.total += n;
  }

  throwIfAny(): void {
    if (this.total > 0) throw new RetentionInputError(this.kept, this.total);
  }
}
