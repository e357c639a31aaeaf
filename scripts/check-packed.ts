/**
 * Checks the package as users get it: packs it, installs the tarball into an empty project
 * (offline from the npm cache where it can), then
 *  1. measures the install footprint (≤ 40 packages, ≤ 40 MB),
 *  2. bundles entries for the browser with esbuild and checks their gzipped budgets,
 *  3. type-checks consumer projects: node16 ESM and CommonJS, nodenext, bundler, deno.
 * Run after `npm run build`. Fails (exit 1) listing every budget or check that failed.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkBundles, measureBundles } from "./packed/bundleBudgets";
import { checkConsumerTypes } from "./packed/consumerTypes";
import { checkInstall, measureInstall } from "./packed/installFootprint";
import { installPacked } from "./packed/installPacked";

const repo = fileURLToPath(new URL("..", import.meta.url));
const { root, project } = installPacked(repo);
const failures = [...checkInstall(measureInstall(project)), ...checkBundles(await measureBundles(project)), ...checkConsumerTypes(repo, project)];
if (failures.length > 0) {
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(`(the packed project is kept in ${root})`);
  process.exit(1);
}
rmSync(root, { recursive: true, force: true });
console.log("packed package: install, bundle budgets and consumer types ok");
