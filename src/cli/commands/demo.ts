import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CommandContext } from "../context";
import { CliError } from "../errors";
import { reportCommand } from "./report";

/** Where the package keeps the CDNOW sample (examples/data/README.md gives its source and licence). */
const SAMPLE = join("examples", "data", "cdnow-sample.csv");

/**
 * The bundled CDNOW sample, found by walking up from this module: `dist/cli.js` in an
 * installed package and `src/cli/commands/demo.ts` in a clone both reach the package root.
 */
export function samplePath(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, SAMPLE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new CliError(`demo: the bundled sample ${SAMPLE} is missing from this installation`);
    dir = parent;
  }
}

/**
 * `demo`: the KPI report of the bundled CDNOW sample (2,357 customers, 6,919 purchases,
 * 1997–1998), as Markdown on stdout, and the HTML report written to `report.html` (or
 * `--html FILE`). It is `report --purchases <sample> --format md --html report.html`.
 */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  ctx.allow("demo", ["html", "out"]);
  const purchases = samplePath();
  ctx.note(`demo: the CDNOW sample (Fader, Hardie & Lee 2005), ${purchases}; its source and licence: README.md beside it`);
  return reportCommand(new CommandContext({ purchases, format: "md", html: ctx.args.html ?? "report.html", ...(ctx.args.out === undefined ? {} : { out: ctx.args.out }) }, ctx.io));
}
