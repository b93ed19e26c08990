// The run summary every report opens with (Markdown table, HTML header, console verdict line): the same
// fields, worded once. Reads the RunResult only; the verdict itself was decided by the runner.
import type { Finding, RunResult } from "../scenario/result.ts";
import { formatDuration } from "./time-format.ts";

export interface SummaryRow {
  readonly label: string;
  readonly value: string;
}

/** How the verdict compares with the scenario's declared expectation. */
export type VerdictMatch = "as-expected" | "unexpected" | "no-expectation";


export function verdictMatch(result: Pick<RunResult, "verdict" | "expected">): VerdictMatch {
  if (result.expected === undefined) return "no-expectation";
  return result.verdict === result.expected ? "as-expected" : "unexpected";
}

/** Whether a run that declares its verdict reproduced what it declares, in the reader's words. */
export type Reproduction = "reproduced" | "not-reproduced" | "passed-as-declared" | "unexpected-failure" | "no-declaration";

export function reproductionOf(result: Pick<RunResult, "verdict" | "expected">): Reproduction {
  if (result.expected === undefined) return "no-declaration";
  if (result.expected === "fail") return result.verdict === "fail" ? "reproduced" : "not-reproduced";
  return result.verdict === "pass" ? "passed-as-declared" : "unexpected-failure";
}

/** Short words for the reproduction: `reproduced`, `not reproduced (unexpected pass)`, … */
export function reproductionWords(reproduction: Reproduction): string {
  switch (reproduction) {
    case "reproduced":
      return "reproduced";
    case "not-reproduced":
      return "not reproduced (unexpected pass)";
    case "passed-as-declared":
      return "passes, as declared";
    case "unexpected-failure":
      return "unexpected failure";
    case "no-declaration":
      return "no verdict declared";
  }
}

/** `fail — reproduced`, `pass — not reproduced (unexpected pass)`; `upper` shouts the verdict. */
export function verdictText(result: Pick<RunResult, "verdict" | "expected">, upper = false): string {
  const verdict = upper ? String(result.verdict).toUpperCase() : String(result.verdict);
  return `${verdict} — ${reproductionWords(reproductionOf(result))}`;
}

/**
 * The closing sentence of a run that declares its verdict: did the declared behaviour show under this profile.
 * Undefined when nothing is declared.
 */
export function reproductionLine(result: Pick<RunResult, "verdict" | "expected" | "profile" | "findings">): string | undefined {
  const invariants = [...new Set((result.findings ?? []).map((f) => String(f.invariant)))].join(", ");
  const under = `under ${String(result.profile)}`;
  switch (reproductionOf(result)) {
    case "reproduced":
      return `REPRODUCED ${under}: declared to fail, and it failed (${invariants || "no invariant named"})`;
    case "not-reproduced":
      return `NOT REPRODUCED ${under}: declared to fail, but every invariant held (unexpected pass)`;
    case "passed-as-declared":
      return `PASSES AS DECLARED ${under}: declared to pass, and every invariant held`;
    case "unexpected-failure":
      return `UNEXPECTED FAILURE ${under}: declared to pass, but it failed (${invariants || "no invariant named"})`;
    case "no-declaration":
      return undefined;
  }
}

export function outcomeText(result: RunResult): string {
  const outcome = result.outcome as RunResult["outcome"] | undefined;
  if (!outcome) return "?";
  switch (outcome.kind) {
    case "quiescent":
      return "quiescent (nothing left to run)";
    case "reached":
      return "stop condition reached";
    case "budget-exceeded":
      return `${outcome.budget} budget exceeded`;
    default:
      return String((outcome as { kind?: unknown }).kind ?? "?");
  }
}

export function sourceText(result: RunResult): string {
  const source = result.source as RunResult["source"] | undefined;
  if (source?.kind === "file") return `file ${source.path}`;
  return "library";
}

export function summaryRows(result: RunResult): SummaryRow[] {
  const stats = result.stats ?? { steps: Number.NaN, virtualMs: Number.NaN, frames: Number.NaN, connects: Number.NaN };
  return [
    { label: "scenario", value: String(result.scenario) },
    { label: "profile", value: String(result.profile) },
    { label: "seed", value: String(result.seed) },
    { label: "clawsim version", value: String(result.version) },
    { label: "verdict", value: verdictText(result) },
    { label: "findings", value: String(result.findings?.length ?? 0) },
    { label: "virtual duration", value: `${formatDuration(stats.virtualMs)} (${stats.virtualMs} ms)` },
    { label: "steps", value: String(stats.steps) },
    { label: "frames / connects", value: `${stats.frames} / ${stats.connects}` },
    { label: "run ended", value: outcomeText(result) },
    { label: "source", value: sourceText(result) },
    { label: "trace hash", value: String(result.traceHash) },
  ];
}

export function findingKindLabel(finding: Finding): string {
  switch (finding.kind) {
    case "crash":
      return "crash (an assertion fired)";
    case "liveness":
      return "liveness (no convergence within budget)";
    case "correctness":
      return "correctness (an invariant broke)";
    default:
      return String(finding.kind);
  }
}
