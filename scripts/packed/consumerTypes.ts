import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * TypeScript setups a consumer of the packed tarball may use (issue 11). Each is a folder
 * in the installed project, with test/packaging/consumer.ts copied in under the file name
 * that selects its module format, checked `strict` with `skipLibCheck: false`.
 */
interface TscConsumer {
  readonly name: string;
  readonly type: "module" | "commonjs";
  readonly file: string;
  readonly module: string;
  readonly moduleResolution: string;
}

const TSC_CONSUMERS: readonly TscConsumer[] = [
  { name: "node16-esm", type: "module", file: "main.mts", module: "node16", moduleResolution: "node16" },
  { name: "node16-cjs", type: "commonjs", file: "main.cts", module: "node16", moduleResolution: "node16" },
  { name: "nodenext", type: "module", file: "main.ts", module: "nodenext", moduleResolution: "nodenext" },
  { name: "bundler", type: "module", file: "main.ts", module: "esnext", moduleResolution: "bundler" },
];

export interface ConsumerResult {
  readonly name: string;
  readonly ok: boolean;
  readonly output: string;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function checkWithTsc(repo: string, project: string, consumer: TscConsumer): ConsumerResult {
  const folder = join(project, consumer.name);
  mkdirSync(folder, { recursive: true });
  writeJson(join(folder, "package.json"), { name: `consumer-${consumer.name}`, private: true, type: consumer.type });
  copyFileSync(join(repo, "test", "packaging", "consumer.ts"), join(folder, consumer.file));
  writeJson(join(folder, "tsconfig.json"), {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: consumer.module,
      moduleResolution: consumer.moduleResolution,
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      // Node's types, for subpaths such as retention-metrics/node; from the repository's install.
      types: ["node"],
      typeRoots: [join(repo, "node_modules", "@types")],
    },
    files: [consumer.file],
  });
  const tsc = spawnSync(process.execPath, [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", folder], { encoding: "utf8" });
  return { name: consumer.name, ok: tsc.status === 0, output: `${tsc.stdout}${tsc.stderr}` };
}

/** `deno check --all` (npm packages' declarations included, Deno's skipLibCheck: false), strict by default. */
function checkWithDeno(repo: string, project: string): ConsumerResult {
  const folder = join(project, "deno");
  mkdirSync(folder, { recursive: true });
  writeJson(join(project, "deno.json"), { nodeModulesDir: "manual" });
  copyFileSync(join(repo, "test", "packaging", "consumer.ts"), join(folder, "main.ts"));
  const deno = spawnSync(join(repo, "node_modules", ".bin", "deno"), ["check", "--all", "--quiet", "main.ts"], {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, DENO_DIR: join(project, ".deno"), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
  });
  return { name: "deno check", ok: deno.status === 0, output: `${deno.stdout}${deno.stderr}${deno.error?.message ?? ""}` };
}

/** Type-checks every consumer; prints one line each and the compiler's output for failures. */
export function checkConsumerTypes(repo: string, project: string): string[] {
  const results = [...TSC_CONSUMERS.map((consumer) => checkWithTsc(repo, project, consumer)), checkWithDeno(repo, project)];
  const failures: string[] = [];
  for (const result of results) {
    console.log(`types: ${result.name}: ${result.ok ? "ok" : "FAIL"}`);
    if (!result.ok) {
      console.log(result.output.trim());
      failures.push(`the ${result.name} consumer does not type-check`);
    }
  }
  return failures;
}
