// One chaos seed as data for sweeps and the kill-rate gate: run the generated plan, reduce the result to a
// summary row plus coverage, and (for a failure) shrink it to a minimal replay path. Used in the main thread
// and inside pool workers alike, so results do not depend on where they ran.
import {
  chaosScenario,
  coverageOf,
  findPreset,
  formatReplayPath,
  fullSelection,
  generatePlan,
  runScenario,
  selectPlan,
  shrink,
  type CoverageCounts,
  type FaultPreset,
  type PlanSelection,
  type Profile,
  type RunResult,
  type SeedRow,
} from "../src/index.ts";

export interface SeedOutcome {
  readonly row: SeedRow;
  readonly coverage: CoverageCounts;
}

export interface ShrunkFailure {
  readonly path: string;
  readonly clients: number;
  readonly steps: number;
  readonly invariant: string;
  readonly message: string;
  readonly runs: number;
}

export async function runChaosPlan(seed: bigint, preset: FaultPreset, profile: Profile, selection?: PlanSelection): Promise<RunResult> {
  const plan = generatePlan(seed, preset);
  const chosen = selection ?? fullSelection(plan);
  const result = await runScenario(chaosScenario(selectPlan(plan, chosen), chosen, preset), { seed, profile });
  const replayCommand = `pnpm sim chaos --seed ${seed} --profile ${profile.name} --preset ${preset.name} --replay ${formatReplayPath(chosen)}`;
  return { ...result, replayCommand };
}

export function rowOf(result: RunResult): SeedRow {
  const invariants = [...new Set(result.findings.map((f) => f.invariant))].sort();
  return { seed: result.seed, verdict: result.verdict, invariants, traceHash: result.traceHash, steps: result.stats.steps };
}

export async function runSeed(seed: bigint, preset: FaultPreset, profile: Profile): Promise<SeedOutcome> {
  const result = await runChaosPlan(seed, preset, profile);
  return { row: rowOf(result), coverage: coverageOf(result.events) };
}

export async function shrinkSeed(seed: bigint, preset: FaultPreset, profile: Profile, first: RunResult): Promise<ShrunkFailure> {
  const plan = generatePlan(seed, preset);
  const probe = async (candidate: PlanSelection) => (await runChaosPlan(seed, preset, profile, candidate)).findings;
  const shrunk = await shrink(fullSelection(plan), first.findings, probe, (i) => plan.steps[i]?.atMs ?? 0);
  const finding = shrunk.findings.find((f) => f.invariant === first.findings[0]?.invariant) ?? shrunk.findings[0]!;
  const { clients, steps } = shrunk.selection;
  return { path: formatReplayPath(shrunk.selection), clients: clients.length, steps: steps.length, invariant: finding.invariant, message: finding.message, runs: shrunk.runs };
}

export interface KillOutcome {
  readonly seedsRun: number;
  readonly firstFailSeed?: string;
  readonly shrunk?: ShrunkFailure;
}

/** Runs seeds from seedStart until the first failure (then shrinks it) or seedsMax seeds pass. */
export async function firstFailure(options: { seedStart: bigint; seedsMax: number; preset: FaultPreset; profile: Profile; shrink: boolean }): Promise<KillOutcome> {
  for (let i = 0; i < options.seedsMax; i++) {
    const seed = options.seedStart + BigInt(i);
    const result = await runChaosPlan(seed, options.preset, options.profile);
    if (result.verdict === "pass") continue;
    const shrunk = options.shrink ? await shrinkSeed(seed, options.preset, options.profile, result) : undefined;
    return { seedsRun: i + 1, firstFailSeed: seed.toString(), ...(shrunk ? { shrunk } : {}) };
  }
  return { seedsRun: options.seedsMax };
}

export function presetNamed(name: string): FaultPreset {
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown preset ${name}`);
  return preset;
}
