// The sweep's progress line on a TTY (stderr): done/total and seeds per second of wall time. Quiet when stderr
// is not a terminal, so piped output and CI logs stay clean. Only sim/ reads wall time, and only to report it.
export class Progress {
  private doneCount = 0;
  private readonly startedMs = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly total: number, private readonly unit: string) {}

  add(n: number): void {
    this.doneCount += n;
    if (!this.tty) return;
    process.stderr.write(`\r  ${this.doneCount}/${this.total} ${this.unit}  ${this.rate().toFixed(2)} ${this.unit}/s  `);
  }

  /** Seeds per second so far (wall time). */
  rate(): number {
    const seconds = (performance.now() - this.startedMs) / 1000;
    return seconds > 0 ? this.doneCount / seconds : 0;
  }

  done(): void {
    if (this.tty) process.stderr.write(`\r  ${this.doneCount}/${this.total} ${this.unit}  ${this.rate().toFixed(2)} ${this.unit}/s\n`);
  }
}
