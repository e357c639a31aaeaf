import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "tsup";
import { describe, expect, it } from "vitest";
import { samplePath } from "../../src/cli/commands/demo";
import { ROOT } from "./spawnCli";

const SAMPLE = join("examples", "data", "cdnow-sample.csv");

describe("retention-metrics demo", () => {
  it("finds the sample from the built CLI and from an installed package", () => {
    expect(samplePath(join(ROOT, "dist", "cli.js"))).toBe(join(ROOT, SAMPLE));
    const installed = mkdtempSync(join(tmpdir(), "retention-metrics-installed-"));
    const pkg = join(installed, "node_modules", "retention-metrics");
    mkdirSync(join(pkg, "dist"), { recursive: true });
    mkdirSync(join(pkg, "examples", "data"), { recursive: true });
    writeFileSync(join(pkg, SAMPLE), "customerId,at,quantity,amount\n");
    expect(samplePath(join(pkg, "dist", "cli.js"))).toBe(join(pkg, SAMPLE));
  });

  it("runs from the files npm packs: Markdown on stdout, report.html written", async () => {
    // The files `npm pack` would publish, with dist/ freshly built from the source (the rest of
    // `npm test` builds dist/ after the unit tests), installed under node_modules as a user gets it.
    const listing = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" })) as { files: { path: string }[] }[];
    const files = listing[0]!.files.map((f) => f.path);
    expect(files).toContain("examples/data/cdnow-sample.csv");
    expect(files).toContain("examples/data/README.md");
    const project = mkdtempSync(join(tmpdir(), "retention-metrics-demo-"));
    const pkg = join(project, "node_modules", "retention-metrics");
    for (const file of files.filter((f) => !f.startsWith("dist/"))) {
      mkdirSync(dirname(join(pkg, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(pkg, file));
    }
    await build({ entry: { cli: join(ROOT, "src/cli/main.ts") }, format: ["esm"], outDir: join(pkg, "dist"), dts: false, silent: true, config: false, clean: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
    const bin = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).bin["retention-metrics"] as string;
    const run = spawnSync(process.execPath, [join(pkg, bin), "demo"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toContain("demo: the CDNOW sample");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# KPI report: 1998-06-01 – 1998-06-30\n/);
    expect(run.stdout).toContain("As of 1998-07-01 · 2,357 customers · 6,919 purchases");
    expect(run.stdout).toContain("## Definitions");
    expect(existsSync(join(project, "report.html"))).toBe(true);
    expect(readFileSync(join(project, "report.html"), "utf8")).toContain("<h2>Customer lifetime value</h2>");
    expect(run.stderr).toContain(`wrote ${join(project, "report.html")}`);
  }, 60_000);

  it("takes --html and refuses input flags", () => {
    const tsx = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const project = mkdtempSync(join(tmpdir(), "retention-metrics-demo-flags-"));
    const run = spawnSync(process.execPath, ["--import", tsx, join(ROOT, "src/cli/main.ts"), "demo", "--html", "kpis.html", "--out", "kpis.md"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status).toBe(0);
    expect(readFileSync(join(project, "kpis.md"), "utf8")).toContain("# KPI report");
    expect(existsSync(join(project, "kpis.html"))).toBe(true);
    const refused = spawnSync(process.execPath, ["--import", tsx, join(ROOT, "src/cli/main.ts"), "demo", "--purchases", "x.csv"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("demo: --purchases does not apply to this command");
  }, 60_000);
});
