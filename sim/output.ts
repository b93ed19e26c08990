// Prints a run result: console timeline or JSON summary, optional report files, the trace hash last.
import type { RunResult } from "../src/index.ts";
import type { SimArgs } from "./args.ts";

export async function printResult(result: RunResult, args: SimArgs, wallMs: number): Promise<void> {
  if (args.json) {
    console.log(JSON.stringify({ scenario: result.scenario, profile: result.profile, seed: result.seed, verdict: result.verdict, expected: result.expected, findings: result.findings, traceHash: result.traceHash, stats: result.stats, replay: result.replayCommand }));
  } else {
    for (const f of result.findings) console.log(`  ${f.kind} [${f.invariant}] ${f.message}`);
    console.log(`${result.verdict.toUpperCase()}  ${result.scenario} under ${result.profile}: ${result.findings.length} finding(s), ${result.stats.steps} steps, ${result.stats.virtualMs} virtual ms (${Math.round(wallMs)} ms wall)`);
    console.log(`replay: ${result.replayCommand}`);
  }
  if (args.traceHash) console.log(result.traceHash);
}
