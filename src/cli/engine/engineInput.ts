import { RetentionInputError, RetentionOptionsError } from "../../input/errors";
import type { Ledger } from "../../input/ledger";
import { dateParser } from "../../io/dateFormat";
import { CliError } from "../errors";
import { checkPurchases, type CheckedPurchases } from "./checkedPurchases";
import { strptimeFormat } from "./dateFormatSql";
import { findInput, type DuckFormat } from "./duckInput";
import { streamLedger } from "./duckLedger";
import { DuckSession } from "./duckSession";

/** The input flags as `--engine duckdb` reads them. */
export interface EngineFlags {
  /** `--purchases`: a file or a glob. */
  readonly purchases: string;
  readonly format: DuckFormat | undefined;
  readonly mapping: ReadonlyMap<string, string>;
  readonly dateFormat: string | undefined;
  readonly delimiter: string | undefined;
  readonly decimalSeparator: "." | ",";
  readonly currency: string | undefined;
  readonly memoryLimit: string | undefined;
}

/** The purchases in DuckDB, checked: the view `rm_purchases` for aggregate SQL, or the whole ledger. */
export interface EngineInput {
  readonly session: DuckSession;
  readonly checked: CheckedPurchases;
  /** Streams every purchase into a `Ledger` (the path of commands that need the rows). */
  ledger(): Promise<Ledger>;
}

/**
 * Runs `work` on the purchases file read by DuckDB and closes the database after, whatever
 * happens (the spill directory of `--memory-limit` is removed too).
 *
 * @throws {CliError} for a missing file or column, or bad usage; {RetentionInputError} for invalid records
 */
export async function withEngine<T>(flags: EngineFlags, work: (input: EngineInput) => Promise<T>): Promise<T> {
  if (flags.dateFormat !== undefined) dateParser(flags.dateFormat);
  const strptime = flags.dateFormat === undefined ? null : strptimeFormat(flags.dateFormat);
  const session = await DuckSession.open(flags.memoryLimit);
  try {
    const input = await findInput(session.connection, flags.purchases, flags.format);
    const checked = await checkPurchases(session, input, flags.mapping, { strptime, decimalSeparator: flags.decimalSeparator, delimiter: flags.delimiter });
    return await work({ session, checked, ledger: () => streamLedger(session, checked, flags.currency) });
  } catch (error) {
    if (error instanceof CliError || error instanceof RetentionInputError || error instanceof RetentionOptionsError) throw error;
    // DuckDB's own errors: reading (a malformed CSV, a broken Parquet file: they name the file and, when it can, the line) or memory.
    const text = error instanceof Error ? error.message : String(error);
    if (text.startsWith("Out of Memory Error")) throw new CliError(`${flags.purchases}: DuckDB ran out of memory (${text}); raise --memory-limit`);
    throw new CliError(`${flags.purchases}: DuckDB cannot read it: ${text}`);
  } finally {
    session.close();
  }
}
