// What a report may carry besides its own run: the nearest passing run, to show what changed.
import type { RunResult } from "../scenario/result.ts";

export interface ReportOptions {
  /** The same scenario and seed under the nearest profile where it passes (for a failing run). */
  readonly passingRun?: RunResult;
}
