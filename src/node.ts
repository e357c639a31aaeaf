/**
 * retention-metrics/node: the Node-only entry. It reads files and streams (paths, `Readable`s,
 * buffers; CSV, JSON or NDJSON, optionally gzipped) into a `Ledger`. Everything else, including
 * `parseLedgerText` for text already in memory, is in the core entry, `retention-metrics`.
 */
export { readLedger } from "./io/node/readLedger";
export type { LedgerSources, ReadLedgerOptions } from "./io/node/readLedger";
export type { LedgerSource } from "./io/node/openSource";
export type { ParseLedgerOptions, LedgerTextFormat, DecimalSeparator, LedgerField } from "./io/readOptions";
export type { CsvDelimiter } from "./io/delimiter";
