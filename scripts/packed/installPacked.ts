import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** `npm`, run quietly in `cwd`; throws with npm's output when it fails. */
export function npm(args: readonly string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Packs the package (`npm pack`, which builds nothing: run `npm run build` first) into a
 * temporary folder and installs the tarball into an empty project there, as a user's
 * `npm i retention-metrics` would. `--prefer-offline` takes the dependencies from the npm
 * cache, which the repository's own install has filled, and asks the registry only for what
 * is missing.
 *
 * @returns the temporary folder, the tarball's path and the project folder
 */
export function installPacked(repo: string): { readonly root: string; readonly tarball: string; readonly project: string } {
  const root = mkdtempSync(join(tmpdir(), "retention-metrics-packed-"));
  npm(["pack", "--pack-destination", root, "--silent"], repo);
  const name = readdirSync(root).find((file) => file.endsWith(".tgz"));
  if (name === undefined) throw new Error(`npm pack wrote no tarball into ${root}`);
  const tarball = join(root, name);
  const project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "consumer", private: true }, null, 2)}\n`);
  npm(["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], project);
  return { root, tarball, project };
}
