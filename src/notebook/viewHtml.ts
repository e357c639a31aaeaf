import { formatInt } from "../report/format";
import { escapeXml } from "../report/svgCommon";
import type { ResultView, TableView } from "./resultView";

/** The class of the display's wrapper element. */
export const DISPLAY_CLASS = "retention-metrics-display";

function tableHtml(table: TableView): string {
  const head = `<tr>${table.header.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join("")}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(cell)}</td>`).join("")}</tr>`).join("");
  const note = truncation(table);
  return `<table><caption>${escapeXml(table.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>${note === null ? "" : `<p>${escapeXml(note)}</p>`}`;
}

/** "First 10 of 2,357 rows." when a table shows only the first rows; null when it shows them all. */
export function truncation(table: TableView): string | null {
  return table.rows.length < table.total ? `First ${formatInt(table.rows.length)} of ${formatInt(table.total)} rows.` : null;
}

/**
 * A view as an HTML fragment: its title, summary lines and tables, every text escaped. No
 * `<style>`: the tables take the notebook's own table style.
 *
 * @example
 * viewHtml({ title: "<b>", lines: [], tables: [] }) //=> '<div class="retention-metrics-display"><h3>&lt;b&gt;</h3></div>'
 */
export function viewHtml(view: ResultView): string {
  const lines = view.lines.map((line) => `<p>${escapeXml(line)}</p>`).join("");
  return `<div class="${DISPLAY_CLASS}"><h3>${escapeXml(view.title)}</h3>${lines}${view.tables.map(tableHtml).join("")}</div>`;
}

/**
 * A view as plain text, for front ends without HTML: the title, the summary lines and, per
 * table, its caption and row count.
 *
 * @example
 * viewText({ title: "NPS", lines: ["NPS 12.5"], tables: [] }) //=> "NPS\nNPS 12.5"
 */
export function viewText(view: ResultView): string {
  const tables = view.tables.map((table) => `${table.caption}: ${formatInt(table.total)} row${table.total === 1 ? "" : "s"}`);
  return [view.title, ...view.lines, ...tables].join("\n");
}
