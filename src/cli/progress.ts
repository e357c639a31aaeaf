/** The part of a stream the progress bar writes to. */
export interface ProgressTarget {
  write(text: string): unknown;
}

const LARGE_INPUT_BYTES = 8 * 1024 * 1024;
const EVERY_MS = 150;

/**
 * A one-line progress bar on stderr while large inputs are read. It shows only when stderr
 * is a terminal and the input is large (or of unknown size), and erases itself when done,
 * so logs and pipes never see it.
 */
export class Progress {
  private last = 0;
  private shown = false;

  constructor(private readonly target: ProgressTarget, private readonly enabled: boolean, private readonly now: () => number) {}

  update(name: string, bytes: number, size: number | null, rows: number): void {
    if (!this.enabled || (size !== null && size < LARGE_INPUT_BYTES)) return;
    const time = this.now();
    if (time - this.last < EVERY_MS) return;
    this.last = time;
    this.shown = true;
    const share = size === null || size === 0 ? null : Math.min(1, bytes / size);
    const bar = share === null ? "" : `[${"#".repeat(Math.round(share * 30)).padEnd(30, ".")}] ${(share * 100).toFixed(0).padStart(3)}% `;
    this.target.write(`\r${bar}reading ${name}: ${rows.toLocaleString("en-US")} rows`);
  }

  done(): void {
    if (this.shown) this.target.write("\r\x1b[2K");
    this.shown = false;
  }
}
