import type { CliIo } from "./context";

/** FORCE_COLOR values that turn colour on (as Node.js reads them); any other value turns it off. */
const FORCING = new Set(["", "1", "2", "3", "true"]);

/**
 * Whether messages on stderr may use ANSI colour. In order:
 * 1. `NO_COLOR` set and not empty: never (no-color.org; an opt-out is never overridden);
 * 2. `FORCE_COLOR` set: `""`, `1`, `2`, `3` or `true` → always, even into a pipe or file;
 *    `0`, `false` or anything else → never;
 * 3. otherwise only when stderr is a terminal.
 *
 * @example useColor({ stderr: { isTTY: false }, env: { FORCE_COLOR: "1" } }) //=> true
 */
export function useColor(io: { readonly stderr: Pick<CliIo["stderr"], "isTTY">; readonly env: CliIo["env"] }): boolean {
  if ((io.env.NO_COLOR ?? "") !== "") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return FORCING.has(force.trim().toLowerCase());
  return io.stderr.isTTY === true;
}

/** `text` in red or green when colour is on. */
export function paint(text: string, tone: "red" | "green", on: boolean): string {
  return on ? `${tone === "red" ? "\x1b[31m" : "\x1b[32m"}${text}\x1b[0m` : text;
}
