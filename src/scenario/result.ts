// What one run returns: a value that reporters (Markdown, JSON, HTML, console) format without re-running.
import type { RunOutcome, TraceEvent } from "../kernel/index.ts";
import type { RunSpec } from "./lang/spec.ts";

/** crash: an assertion fired; liveness: no convergence within budget; correctness: an invariant broke. */
export type FindingKind = "crash" | "liveness" | "correctness";

export interface Finding {
  readonly kind: FindingKind;
  /** Invariant name, e.g. "retries-bounded", "nonce-single-use", or "budget" / "assertion". */
  readonly invariant: string;
  /** One sentence a maintainer can read in an issue. */
  readonly message: string;
  /** Index (TraceEvent.i) of the first offending event, when there is one. */
  readonly firstEventIndex?: number;
  readonly atMs?: number;
  readonly actor?: string;
  /** When the property was first seen broken, if later than the first offending event (a missed deadline). */
  readonly brokeAtMs?: number;
  /** The client the finding is about, when it is not the first offending event's actor. */
  readonly client?: string;
}

export type Verdict = "pass" | "fail";

export interface RunResult {
  readonly scenario: string;
  readonly description: string;
  readonly profile: string;
  /** Decimal seed. */
  readonly seed: string;
  /** clawsim version (package.json). */
  readonly version: string;
  readonly outcome: RunOutcome;
  readonly verdict: Verdict;
  /** The verdict the scenario declares for this profile, if any. */
  readonly expected?: Verdict;
  readonly findings: readonly Finding[];
  readonly traceHash: string;
  readonly events: readonly TraceEvent[];
  /** Actors in order of first appearance (lanes in the HTML view). */
  readonly actors: readonly string[];
  readonly stats: { readonly steps: number; readonly virtualMs: number; readonly frames: number; readonly connects: number };
  /** The exact command that replays this run. */
  readonly replayCommand: string;
  /** Where the scenario came from: a registered name, or a scenario file path. */
  readonly source: { readonly kind: "library" } | { readonly kind: "file"; readonly path: string };
  /** The scenario as data and the SHA-256 of its canonical JSON (replay needs nothing else). */
  readonly runSpec?: { readonly content: RunSpec; readonly hash: string };
}
