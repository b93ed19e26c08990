// One chaos seed as data for sweeps and the kill-rate gate: run the generated plan, reduce the result to a
// summary row plus coverage, and (for a failure) shrink it to a minimal replay path. Used in the main thread
// and inside pool workers alike, so results do not depend on where they ran.
import { createHash } from "node:crypto";
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
  type ChaosPlan,
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

export async function runChaosPlan(seed: bigint, preset: FaultPreset, profile: Profile, selection?: PlanSelection, drawn?: ChaosPlan): Promise<RunResult> {
  const plan = drawn ?? generatePlan(seed, preset);
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
  // Drawn once: the run and its coverage use the same plan (drawing takes fast-check's probe sampling).
  const plan = generatePlan(seed, preset);
  const result = await runChaosPlan(seed, preset, profile, undefined, plan);
  return { row: rowOf(result), coverage: coverageOf(result.events, plan.steps) };
}

/** Shrink runs the kill-rate gate allows per target (a full `chaos` sweep uses the shrinker's own limit). */
export const killShrinkRunsMax = 60;

export async function shrinkSeed(seed: bigint, preset: FaultPreset, profile: Profile, first: RunResult, runsMax?: number): Promise<ShrunkFailure> {
  const plan = generatePlan(seed, preset);
  const probe = async (candidate: PlanSelection) => (await runChaosPlan(seed, preset, profile, candidate)).findings;
  const shrunk = await shrink(fullSelection(plan), first.findings, probe, (i) => plan.steps[i]?.atMs ?? 0, runsMax);
  const finding = shrunk.findings.find((f) => f.invariant === first.findings[0]?.invariant) ?? shrunk.findings[0]!;
  const { clients, steps } = shrunk.selection;
  return { path: formatReplayPath(shrunk.selection), clients: clients.length, steps: steps.length, invariant: finding.invariant, message: finding.message, runs: shrunk.runs };
}

export interface KillOutcome {
  readonly seedsRun: number;
  /** First seed where an invariant failed. */
  readonly firstFailSeed?: string;
  readonly shrunk?: ShrunkFailure;
  /** First seed whose wire traffic differed from the reference profile's (mutants only). */
  readonly firstDiffSeed?: string;
  readonly shrunkDiff?: ShrunkFailure;
}

/**
 * What the world can observe on the wire: every delivered frame and every close, with its time. Two runs with
 * the same digest cannot be told apart by any client or peer.
 */
export function wireDigest(events: RunResult["events"]): string {
  const hash = createHash("sha256");
  for (const e of events) {
    if (e.kind === "frame.deliver" || e.kind === "close") hash.update(`${e.atMs} ${e.actor} ${e.kind} ${JSON.stringify(e.data)}\n`);
  }
  return hash.digest("hex");
}

/** Reference digests by profile, preset, seed and selection (the parent of many mutants is run once per seed). */
const referenceDigests = new Map<string, string>();
const referenceDigestsMax = 5_000;

async function referenceDigest(seed: bigint, preset: FaultPreset, reference: Profile, selection?: PlanSelection): Promise<string> {
  const key = `${reference.name}|${preset.name}|${seed}|${selection ? formatReplayPath(selection) : "all"}`;
  const known = referenceDigests.get(key);
  if (known !== undefined) return known;
  const digest = wireDigest((await runChaosPlan(seed, preset, reference, selection)).events);
  if (referenceDigests.size >= referenceDigestsMax) referenceDigests.clear();
  referenceDigests.set(key, digest);
  return digest;
}

const differsName = "differs-from-reference";

async function shrinkDiff(seed: bigint, preset: FaultPreset, profile: Profile, reference: Profile): Promise<ShrunkFailure> {
  const plan = generatePlan(seed, preset);
  const probe = async (candidate: PlanSelection) => {
    const mine = wireDigest((await runChaosPlan(seed, preset, profile, candidate)).events);
    const theirs = await referenceDigest(seed, preset, reference, candidate);
    return mine === theirs ? [] : [{ kind: "correctness" as const, invariant: differsName, message: `wire traffic differs from ${reference.name}` }];
  };
  const start = fullSelection(plan);
  const shrunk = await shrink(start, await probe(start), probe, (i) => plan.steps[i]?.atMs ?? 0, killShrinkRunsMax);
  const { clients, steps } = shrunk.selection;
  return { path: formatReplayPath(shrunk.selection), clients: clients.length, steps: steps.length, invariant: differsName, message: `wire traffic differs from ${reference.name}`, runs: shrunk.runs };
}

/**
 * Runs seeds from seedStart until an invariant fails (then shrinks it) or seedsMax seeds pass. With a
 * reference profile it also notes the first seed whose wire traffic differs from the reference's.
 */
export async function firstFailure(input: { seedStart: bigint; seedsMax: number; preset: FaultPreset; profile: Profile; shrink: boolean; reference?: Profile }): Promise<KillOutcome> {
  // A mutant runs under its parent's name: the name is on the wire (the gateway's version, frame sizes), and
  // only behaviour may tell the two apart.
  const options = input.reference ? { ...input, profile: { ...input.profile, name: input.reference.name } } : input;
  let firstDiffSeed: bigint | undefined;
  for (let i = 0; i < options.seedsMax; i++) {
    const seed = options.seedStart + BigInt(i);
    const result = await runChaosPlan(seed, options.preset, options.profile);
    if (options.reference && firstDiffSeed === undefined && wireDigest(result.events) !== (await referenceDigest(seed, options.preset, options.reference))) firstDiffSeed = seed;
    if (result.verdict === "pass") continue;
    const shrunk = options.shrink ? await shrinkSeed(seed, options.preset, options.profile, result, killShrinkRunsMax) : undefined;
    return { seedsRun: i + 1, firstFailSeed: seed.toString(), ...(shrunk ? { shrunk } : {}), ...(firstDiffSeed !== undefined ? { firstDiffSeed: firstDiffSeed.toString() } : {}) };
  }
  if (firstDiffSeed === undefined || !options.reference) return { seedsRun: options.seedsMax };
  const shrunkDiff = options.shrink ? await shrinkDiff(firstDiffSeed, options.preset, options.profile, options.reference) : undefined;
  return { seedsRun: options.seedsMax, firstDiffSeed: firstDiffSeed.toString(), ...(shrunkDiff ? { shrunkDiff } : {}) };
}

export function presetNamed(name: string): FaultPreset {
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown preset ${name}`);
  return preset;
}
