// A live progress line for long commands (gate, chaos, conformance, bisect): done/total, rate and ETA, redrawn
// in place on stderr at most every `progressRedrawMs`. Quiet unless stderr is a TTY and CI is not set, so logs
// and pipes get no escape codes. Wall time is read here (sim/ may), only to show the rate.
import { renderProgress } from "../src/index.ts";

/** Redraw at most this often. */
export const progressRedrawMs = 100;

export interface ProgressLine {
  /** `done` of `total` finished; `label` says what is running now. */
  update(done: number, label?: string): void;
  /** Clears the line (call before printing results). */
  finish(): void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly stream?: NodeJS.WriteStream;
  /** Override the TTY/CI decision (tests). */
  readonly live?: boolean;
  readonly nowMs?: () => number;
}

export function progressLiveByDefault(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && !process.env["CI"];
}

export function progressLine(options: ProgressOptions): ProgressLine {
  const stream = options.stream ?? process.stderr;
  const live = options.live ?? progressLiveByDefault(stream);
  const now = options.nowMs ?? (() => performance.now());
  const startedMs = now();
  let drawnMs = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, label) {
      if (!live) return;
      const t = now();
      if (t - drawnMs < progressRedrawMs && done < options.total) return;
      drawnMs = t;
      drawn = true;
      const elapsedMs = t - startedMs;
      const ratePerS = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
      const etaMs = ratePerS > 0 ? ((options.total - done) * 1000) / ratePerS : undefined;
      const text = renderProgress({ done, total: options.total, ...(label ? { label } : {}), ratePerS, ...(etaMs !== undefined ? { etaMs } : {}) });
      const width = stream.columns ?? 120;
      stream.write(`\r${text.slice(0, Math.max(20, width - 1))}\x1b[K`);
    },
    finish() {
      if (live && drawn) stream.write("\r\x1b[K");
    },
  };
}
