import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A fixture path, relative to the root (the CLI runs with the root as its directory). */
export const fixture = (name: string): string => `test/fixtures/cli/${name}`;

/** What a CLI run gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node --import tsx src/cli/main.ts ...args` from the root, feeding `stdin` when given. */
export function runCli(args: readonly string[], options: { stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.end(options.stdin ?? "");
  });
}

/**
 * Runs the CLI's `run` in this process (fast); same result shape as `runCli`. `env` replaces
 * the default `{ NO_COLOR: "1" }`; `tty` makes stderr claim to be a terminal.
 */
export async function runInProcess(args: readonly string[], options: { stdin?: string | Buffer; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  const { Readable, Writable } = await import("node:stream");
  const { run } = await import("../../src/cli/run");
  const sink = (parts: Buffer[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        parts.push(Buffer.from(chunk));
        callback();
      },
    });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const stderr = Object.assign(sink(err), { isTTY: options.tty === true });
  const code = await run(args, { stdin, stdout: sink(out), stderr, env: options.env ?? { NO_COLOR: "1" } });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
