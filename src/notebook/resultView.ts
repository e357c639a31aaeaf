/*
 * What the notebook shows of a result, before it becomes HTML or text: a title, a few lines
 * of summary and tables of formatted cells. Each kind of result has a view function (views/).
 */

/** A table of formatted cells; `total` counts the rows of the result, of which `rows` are the first. */
export interface TableView {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly total: number;
}

/** A result as displayed. */
export interface ResultView {
  readonly title: string;
  readonly lines: readonly string[];
  readonly tables: readonly TableView[];
}

/** How much and how precisely the views show (see `DisplayOptions`). */
export interface ViewSettings {
  /** The most rows a table shows. */
  readonly rows: number;
  /** Decimals of money. */
  readonly moneyPlaces: number;
}

/**
 * A table of the first `settings.rows` items (of `items.length`), one row each.
 *
 * @example
 * firstRows("Rows", ["A"], [1, 2, 3], { rows: 2, moneyPlaces: 2 }, (n) => [String(n)]).rows //=> [["1"], ["2"]]
 */
export function firstRows<T>(caption: string, header: readonly string[], items: readonly T[], settings: ViewSettings, row: (item: T, index: number) => readonly string[]): TableView {
  const shown = Math.min(items.length, settings.rows);
  const rows: (readonly string[])[] = [];
  for (let i = 0; i < shown; i++) rows.push(row(items[i]!, i));
  return { caption, header, rows, total: items.length };
}
