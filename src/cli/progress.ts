import { escapeControlCharacters } from "../io/escapeControl";
import type { KpiReportPhase } from "../report/progress";

/** The part of a stream the progress bar writes to. */
export interface ProgressTarget {
  write(text: string): unknown;
}

const LARGE_INPUT_BYTES = 8 * 1024 * 1024;
const EVERY_MS = 150;
const WIDTH = 30;

/** What each report phase says while it runs. */
const PHASE_LABELS: Readonly<Record<KpiReportPhase, string>> = {
  periodKpis: "computing the period's KPIs",
  cohorts: "building the cohort table",
  customerSummaries: "summarising customers",
  bgNbdFit: "fitting the BG/NBD model",
  modelChoice: "choosing the model (MBG/NBD and Pareto/NBD fits, holdout check)",
  gammaGammaFit: "fitting the Gamma-Gamma model",
  predictions: "predicting CLV",
  defections: "classifying defections",
  segments: "ranking LTV segments",
  modelFit: "checking the model on a holdout",
};

const bar = (share: number): string => `[${"#".repeat(Math.round(share * WIDTH)).padEnd(WIDTH, ".")}] ${(share * 100).toFixed(0).padStart(3)}% `;

/**
 * A one-line progress bar on stderr while large inputs are read and, after reading, while
 * the report's slow phases run (model fits, predictions). It shows only when stderr is a
 * terminal and the input is large (or of unknown size, such as stdin), and erases itself
 * when done, so logs and pipes never see it.
 */
export class Progress {
  private last = 0;
  private shown = false;
  private large = false;
  private current: KpiReportPhase | null = null;

  constructor(private readonly target: ProgressTarget, private readonly enabled: boolean, private readonly now: () => number) {}

  /** Reading: `bytes` of `size` (null: unknown) read from `name`, `rows` records so far. */
  update(name: string, bytes: number, size: number | null, rows: number): void {
    if (!this.enabled || (size !== null && size < LARGE_INPUT_BYTES)) return;
    this.large = true;
    if (!this.due()) return;
    const share = size === null || size === 0 ? null : Math.min(1, bytes / size);
    this.draw(`${share === null ? "" : bar(share)}reading ${escapeControlCharacters(name)}: ${rows.toLocaleString("en-US")} rows`);
  }

  /** A report phase (see `KpiReportProgress`): drawn at once when it starts, then at most every 150 ms. */
  phase(name: KpiReportPhase, done: number, total: number): void {
    if (!this.enabled || !this.large) return;
    const starting = name !== this.current;
    this.current = name;
    if (!starting && !this.due()) return;
    this.last = this.now();
    const counted = total > 1 ? `: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} customers` : "…";
    this.draw(`${total > 1 ? bar(Math.min(1, done / total)) : ""}${PHASE_LABELS[name]}${counted}`);
  }

  /** Erases the bar. */
  done(): void {
    if (this.shown) this.target.write("\r\x1b[2K");
    this.shown = false;
    this.current = null;
  }

  private due(): boolean {
    const time = this.now();
    if (time - this.last < EVERY_MS) return false;
    this.last = time;
    return true;
  }

  private draw(text: string): void {
    this.shown = true;
    this.target.write(`\r\x1b[2K${text}`);
  }
}
