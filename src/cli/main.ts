#!/usr/bin/env node
/** The `retention-metrics` executable: runs the CLI on this process's arguments and streams. */
import { run } from "./run";
import { quietOnClosedPipe } from "./closedPipe";

quietOnClosedPipe(process.stdout);
void run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
