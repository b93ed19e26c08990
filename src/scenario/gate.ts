// The regression gate: run scenarios under profiles and compare each verdict with the one declared.
// Returns rows; the CLI prints them with the gate-table reporter.
import type { Seed } from "../kernel/index.ts";
import type { Profile } from "../profiles/index.ts";
import { expectedVerdict, type Scenario } from "./scenario.ts";
import { runScenario } from "./runner.ts";
import type { RunResult } from "./result.ts";

export interface GateJob {
  readonly scenario: Scenario;
  readonly profile: Profile;
  readonly source?: RunResult["source"];
}

/** One gate line (the report's gate table renders these). */
export interface GateRow {
  readonly scenario: string;
  readonly profile: string;
  readonly expected: RunResult["expected"];
  readonly actual: RunResult["verdict"];
  readonly findings: number;
  readonly traceHash: string;
}

export interface GateOutcome {
  readonly rows: GateRow[];
  readonly results: RunResult[];
}

/** Every (scenario, profile) pair of the library. */
export function libraryJobs(scenarios: readonly Scenario[], profiles: readonly Profile[]): GateJob[] {
  return scenarios.flatMap((scenario) => profiles.map((profile) => ({ scenario, profile })));
}

export async function runGate(jobs: readonly GateJob[], options: { seed: Seed; onProgress?: (done: number, total: number, label: string) => void }): Promise<GateOutcome> {
  const rows: GateRow[] = [];
  const results: RunResult[] = [];
  for (const [i, job] of jobs.entries()) {
    options.onProgress?.(i, jobs.length, `${job.scenario.name} @ ${job.profile.name}`);
    const result = await runScenario(job.scenario, { seed: options.seed, profile: job.profile, source: job.source });
    results.push(result);
    rows.push({
      scenario: job.scenario.name,
      profile: job.profile.name,
      expected: expectedVerdict(job.scenario, job.profile.name),
      actual: result.verdict,
      findings: result.findings.length,
      traceHash: result.traceHash,
    });
  }
  options.onProgress?.(jobs.length, jobs.length, "done");
  return { rows, results };
}
