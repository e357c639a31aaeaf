import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/*
 * Runs one fuzz case in a child process with a deadline and a small heap, for the known
 * failures that hang or exhaust memory: running them in the test process would stall or kill
 * it. The child is the script below, run by tsx; it prints one line saying how the call ended.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./runOneCase.ts", import.meta.url));

/** How a case ended in the child: its verdict line, or that it ran past the deadline or out of memory. */
export function runOutOfProcess(fn: string, key: string, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=256", "--import", "tsx", SCRIPT, fn, key], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (timer === undefined && out.includes("STARTED\n")) timer = setTimeout(() => child.kill("SIGKILL"), deadlineMs);
    });
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const verdict = /^VERDICT (.*)$/m.exec(out)?.[1];
      if (verdict !== undefined) resolve(verdict);
      else if (signal === "SIGKILL") resolve(`ran past ${deadlineMs} ms (killed)`);
      else resolve(`child ended without a verdict (exit ${code}, signal ${signal}): out of memory or a crash`);
    });
  });
}
