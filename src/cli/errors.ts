/** Exit codes of `retention-metrics`. */
export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_USAGE = 2;

/** A problem the user can fix: bad usage or bad input. Exits 2 with its message. */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** A problem in an input file, named by file, line and field. */
export class CliInputError extends CliError {
  constructor(file: string, line: number | null, field: string | null, message: string) {
    const where = line === null ? file : `${file}:${line}`;
    super(`${where}: ${field === null ? "" : `field "${field}": `}${message}`);
  }
}
