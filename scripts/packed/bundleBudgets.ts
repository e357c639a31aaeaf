import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * Browser bundle budgets (issue 11; everything raised from 80 to 85 kB in issue 13 for the fast
 * paths, then to 90 kB in its second round, then to 105 kB for issue 14's five new areas, then to 120 kB for issue 15's six, then to 140 kB
 * for issue 16's diagnostics and charts, then to 150 kB for issue 17's models and intervals, see docs/packaging.md; the notebook entry's, issue 16: 36.2 kB measured with the chart functions); the SQL entry's, issue 18: 46.0 kB measured), in gzipped bytes (1 kB = 1000 bytes): each entry is
 * bundled from the installed package as an app would, minified ESM for the browser, and
 * uses what it imports so nothing is dropped as unused.
 */
export const BUNDLE_BUDGETS: readonly { readonly name: string; readonly source: string; readonly budget: number }[] = [
  { name: "import { nps }", source: 'import { nps } from "retention-metrics";\nconsole.log(nps);\n', budget: 20_000 },
  {
    name: "import { createLedger, retentionRate }",
    source: 'import { createLedger, retentionRate } from "retention-metrics";\nconsole.log(createLedger, retentionRate);\n',
    budget: 30_000,
  },
  { name: "import * as all (everything)", source: 'import * as all from "retention-metrics";\nconsole.log(all);\n', budget: 150_000 },
  { name: "import { display } from retention-metrics/notebook", source: 'import { display } from "retention-metrics/notebook";\nconsole.log(display);\n', budget: 40_000 },
  { name: "import * as sql from retention-metrics/sql", source: 'import * as sql from "retention-metrics/sql";\nconsole.log(sql);\n', budget: 50_000 },
];

export interface BundleSize {
  readonly name: string;
  readonly minified: number;
  readonly gzipped: number;
  readonly budget: number;
  /** Minified bytes per package in the bundle, largest first. */
  readonly packages: readonly (readonly [string, number])[];
}

/** The package a bundled file belongs to (`zod`, `@date-fns/utc`, `retention-metrics`). */
function packageOf(path: string): string {
  const inside = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  const parts = inside.split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Bundles each budget entry with esbuild (`--bundle --minify --platform=browser --format=esm`) and gzips it (level 9). */
export async function measureBundles(project: string): Promise<BundleSize[]> {
  const folder = join(project, "bundles");
  mkdirSync(folder, { recursive: true });
  const sizes: BundleSize[] = [];
  for (const [i, entry] of BUNDLE_BUDGETS.entries()) {
    const input = join(folder, `entry${i}.js`);
    const output = join(folder, `entry${i}.min.js`);
    writeFileSync(input, entry.source);
    const result = await build({ entryPoints: [input], outfile: output, bundle: true, minify: true, platform: "browser", format: "esm", logLevel: "error", metafile: true });
    const code = readFileSync(output);
    const perPackage = new Map<string, number>();
    for (const [path, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
      if (!path.includes("node_modules/")) continue;
      perPackage.set(packageOf(path), (perPackage.get(packageOf(path)) ?? 0) + bytesInOutput);
    }
    const packages = [...perPackage].sort((a, b) => b[1] - a[1]);
    sizes.push({ name: entry.name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, budget: entry.budget, packages });
  }
  return sizes;
}

/** Prints the sizes; returns the budget failures. */
export function checkBundles(sizes: readonly BundleSize[]): string[] {
  const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
  for (const size of sizes) {
    console.log(`bundle: ${size.name}: ${kb(size.gzipped)} kB gzipped (${kb(size.minified)} kB minified), budget ${kb(size.budget)} kB`);
    console.log(`        minified by package: ${size.packages.map(([name, bytes]) => `${name} ${kb(bytes)} kB`).join(", ")}`);
  }
  return sizes.filter((size) => size.gzipped > size.budget).map((size) => `${size.name} is ${kb(size.gzipped)} kB gzipped, budget ${kb(size.budget)} kB`);
}
