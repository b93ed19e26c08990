// `pnpm sim chaos --engine fast-check`: chaos plans drawn by fast-check (chaosPlanArbitrary, the same drawing code
// as a chaos seed's plan) and checked with `fc.check(fc.asyncProperty(plan, runPlanPasses), { seed, numRuns })`.
// A failing plan is shrunk twice: first by fast-check over the plan's draws (fewer clients and steps, swarm kinds
// off, smaller numbers), then by the joint shrinker (shrink.ts) over the steps, clients and timing that remain.
// The result goes out as `chaos` does: the minimal run, a scenario file, a step-language file, with --emit-test a
// regression test. Deterministic: the same fast-check seed gives the same plans, shrinks and output.
import fc from "fast-check";
import {
  chaosPlanArbitrary,
  chaosScenario,
  fcPlanAt,
  fcSeedLimit,
  formatReplayPath,
  fullSelection,
  openBugsOf,
  profiles,
  runScenario,
  selectPlan,
  shrink,
  withBugFixed,
  type ChaosPlan,
  type FaultPreset,
  type Finding,
  type PlanSelection,
  type Profile,
  type RunResult,
} from "../src/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { emitFailure, type DrawnPlan } from "./chaos-emit.ts";
import { printResult } from "./output.ts";

/** Plans fast-check draws when --runs is not given. */
export const fcRunsDefault = 100;
/** Property runs fast-check's own shrinking may take after the first failure; later candidates are not run. */
export const fcShrinkRunsMax = 150;

export interface FcOptions {
  readonly fcSeed: number;
  readonly numRuns: number;
  readonly preset: FaultPreset;
  readonly profile: Profile;
  /** Shrink runs for fast-check's stage (default fcShrinkRunsMax) and the joint stage (default the shrinker's). */
  readonly fcShrinkRunsMax?: number;
  readonly jointShrinkRunsMax?: number;
}

/** What the fast-check engine found: nothing in `runs` plans, or a failure shrunk by both stages. */
export type FcOutcome =
  | { readonly found: false; readonly runs: number }
  | {
      readonly found: true;
      /** Plans run until the first failure (1-based). */
      readonly runs: number;
      /** Shrink steps fast-check took, and property runs its shrinking spent. */
      readonly fcShrinks: number;
      readonly fcShrinkRuns: number;
      readonly fcPath: string;
      readonly invariant: string;
      /** Sizes before and after: the first failing plan, fast-check's shrunk plan, the joint shrinker's selection. */
      readonly first: PlanSize;
      readonly fcShrunk: PlanSize;
      readonly joint: PlanSize & { readonly runs: number; readonly path: string; readonly selection: PlanSelection };
      /** fast-check's shrunk plan (the joint selection applies to it). */
      readonly plan: ChaosPlan;
      readonly findings: readonly Finding[];
    };

export interface PlanSize {
  readonly clients: number;
  readonly steps: number;
}

/** A plan's size for the shrink order: its clients and steps together. */
function weight(size: PlanSize): number {
  return size.clients + size.steps;
}

function sizeOf(plan: ChaosPlan): PlanSize {
  return { clients: plan.clients.length, steps: plan.steps.length };
}

/** The command that replays a fast-check plan (and a selection of it). */
export function fcReplayCommand(options: { fcSeed: number; fcPath: string; preset: FaultPreset; profile: Profile; selection?: PlanSelection }): string {
  const replay = options.selection ? ` --replay ${formatReplayPath(options.selection)}` : "";
  return `pnpm sim chaos --engine fast-check --seed ${options.fcSeed} --profile ${options.profile.name} --preset ${options.preset.name} --fc-path ${options.fcPath}${replay}`;
}

/** Runs a drawn plan (or a selection of it) on its own run seed. */
export async function runDrawnPlan(plan: ChaosPlan, preset: FaultPreset, profile: Profile, selection?: PlanSelection): Promise<RunResult> {
  const chosen = selection ?? fullSelection(plan);
  return runScenario(chaosScenario(selectPlan(plan, chosen), chosen, preset), { seed: plan.seed, profile });
}

/**
 * fast-check draws up to numRuns plans and runs each; the first failure names the invariant that every shrink
 * candidate must break again (as the joint shrinker does), with no more clients and steps than the failure it
 * replaces: fast-check shrinks draws, and a smaller draw early in the plan can redraw a longer timeline after it.
 * The shrink budget counts property runs, so it is deterministic; candidates past it, or larger than the current
 * failure, count as passing and are not run.
 */
export async function runFastCheck(options: FcOptions): Promise<FcOutcome> {
  const { preset, profile } = options;
  const shrinkRunsMax = options.fcShrinkRunsMax ?? fcShrinkRunsMax;
  let target: string | undefined;
  let runs = 0;
  let shrinkRuns = 0;
  let first: PlanSize | undefined;
  let current: PlanSize | undefined;
  const property = fc.asyncProperty(chaosPlanArbitrary(preset), async (plan) => {
    if (target === undefined) runs++;
    else if (shrinkRuns >= shrinkRunsMax || weight(sizeOf(plan)) > weight(current!)) return true;
    else shrinkRuns++;
    const result = await runDrawnPlan(plan, preset, profile);
    if (target === undefined) {
      if (result.verdict === "pass") return true;
      target = result.findings[0]?.invariant ?? "(no finding)";
      first = sizeOf(plan);
      current = first;
      return false;
    }
    if (!result.findings.some((f) => f.invariant === target)) return true;
    current = sizeOf(plan);
    return false;
  });
  const details = await fc.check(property, { seed: options.fcSeed, numRuns: options.numRuns });
  if (!details.failed || target === undefined) {
    if (details.errorInstance) throw details.errorInstance;
    return { found: false, runs };
  }
  if (!details.counterexample || details.counterexamplePath === null) throw details.errorInstance ?? new Error("fast-check failed without a counterexample");
  const plan = details.counterexample[0];
  const fcPath = details.counterexamplePath;
  const failing = await runDrawnPlan(plan, preset, profile);
  const probe = async (candidate: PlanSelection) => (await runDrawnPlan(plan, preset, profile, candidate)).findings;
  const joint = await shrink(fullSelection(plan), failing.findings, probe, (i) => plan.steps[i]?.atMs ?? 0, options.jointShrinkRunsMax);
  return {
    found: true,
    runs,
    fcShrinks: details.numShrinks,
    fcShrinkRuns: shrinkRuns,
    fcPath,
    invariant: target,
    first: first!,
    fcShrunk: sizeOf(plan),
    joint: { clients: joint.selection.clients.length, steps: joint.selection.steps.length, runs: joint.runs, path: formatReplayPath(joint.selection), selection: joint.selection },
    plan,
    findings: joint.findings,
  };
}

/** The fast-check engine's seed: the CLI seed, which fast-check takes as a 32-bit number. */
function fcSeedOf(seed: bigint): number {
  if (seed >= BigInt(fcSeedLimit)) throw new UsageError(`--engine fast-check takes a --seed below 2^32 (fast-check's seed is 32-bit), got ${seed}`);
  return Number(seed);
}

/** Flags the fast-check engine does not take: one clear line each. */
function refuseFlags(args: SimArgs): void {
  const flags = args.chaos;
  const refused: [boolean, string][] = [
    [flags?.killRate === true, "--kill-rate"],
    [flags?.workers !== undefined, "--workers"],
    [flags?.shard !== undefined, "--shard"],
    [flags?.out !== undefined, "--out"],
    [flags?.coverage === true, "--coverage"],
    [flags?.merge !== undefined, "chaos merge"],
    [flags?.seedsMax !== undefined, "--seeds-max"],
    [flags?.cleanSeeds !== undefined, "--clean-seeds"],
    [args.json, "--json"],
  ];
  const hit = refused.find(([given]) => given);
  if (hit) throw new UsageError(`${hit[1]} is not available with --engine fast-check`);
  if (args.replayPath !== undefined && flags?.fcPath === undefined) throw new UsageError("--replay with --engine fast-check needs the plan's --fc-path");
  if (flags?.fcPath !== undefined && args.runs !== undefined) throw new UsageError("--fc-path replays one plan; it takes no --runs");
}

function fixedOf(profile: Profile): string {
  return profile.name.includes("~") ? profile.name.slice(0, profile.name.indexOf("~")) : profiles[profiles.length - 1]!.name;
}

export async function runFastCheckCommand(args: SimArgs, seed: bigint, profile: Profile, preset: FaultPreset, selection: PlanSelection | undefined): Promise<number> {
  refuseFlags(args);
  const fcSeed = fcSeedOf(seed);
  const fcPath = args.chaos?.fcPath;
  if (fcPath !== undefined) {
    const plan = fcPlanAt(preset, fcSeed, fcPath);
    if (!plan) throw new UsageError(`--fc-path ${fcPath} leads to no plan for fast-check seed ${fcSeed}`);
    const chosen = selection ?? fullSelection(plan);
    const result = await runDrawnPlan(plan, preset, profile, chosen);
    await printResult({ ...result, replayCommand: fcReplayCommand({ fcSeed, fcPath, preset, profile, selection: chosen }) }, args, 0);
    return result.verdict === "pass" ? 0 : 1;
  }
  const numRuns = args.runs ?? fcRunsDefault;
  const outcome = await runFastCheck({ fcSeed, numRuns, preset, profile });
  const where = `under ${profile.name} with preset ${preset.name}, fast-check seed ${fcSeed}`;
  if (!outcome.found) {
    console.log(`chaos (fast-check): ${outcome.runs} plan(s) ${where}: no finding`);
    return 0;
  }
  const size = (s: PlanSize) => `${s.clients} client(s), ${s.steps} step(s)`;
  console.log(`chaos (fast-check): plan ${outcome.runs} of at most ${numRuns} failed [${outcome.invariant}] ${where} (${size(outcome.first)})`);
  console.log(`fast-check shrank it in ${outcome.fcShrinks} step(s) (${outcome.fcShrinkRuns} shrink run(s)) to ${size(outcome.fcShrunk)}: --fc-path ${outcome.fcPath}`);
  console.log(`joint shrinker: ${outcome.joint.runs} run(s) to ${size(outcome.joint)}: --replay ${outcome.joint.path}`);
  // As a seed sweep does: the open bug of the profile whose fix makes the shrunk plan pass, if any.
  for (const bug of openBugsOf(profile)) {
    if ((await runDrawnPlan(outcome.plan, preset, withBugFixed(profile, bug), outcome.joint.selection)).verdict === "pass") {
      console.log(`open bug ${bug.name} of ${profile.name} (passes with its fix; ${bug.file})`);
      break;
    }
  }
  const at = { fcSeed, fcPath: outcome.fcPath, preset, profile };
  const chosen = outcome.joint.selection;
  const minimal = await runDrawnPlan(outcome.plan, preset, profile, chosen);
  await printResult({ ...minimal, replayCommand: fcReplayCommand({ ...at, selection: chosen }) }, { ...args, json: false }, 0);
  const finding = outcome.findings.find((f) => f.invariant === outcome.invariant) ?? outcome.findings[0];
  const drawn: DrawnPlan = { plan: outcome.plan, replay: fcReplayCommand({ ...at, selection: chosen }), fcSeed, fcPath: outcome.fcPath };
  const emitted = emitFailure({
    seed: outcome.plan.seed,
    preset,
    profile,
    path: outcome.joint.path,
    invariant: finding?.invariant ?? outcome.invariant,
    message: finding?.message ?? "",
    dir: args.reportDir ?? "reports/chaos",
    emitTest: args.chaos?.emitTest ?? false,
    fixed: fixedOf(profile),
    drawn,
  });
  console.log(`scenario file: ${emitted.scenarioPath}`);
  if (emitted.yamlPath !== undefined) console.log(`step-language file: ${emitted.yamlPath}\n  run it: ${emitted.runCommand}`);
  else console.log(`no step-language file: ${emitted.yamlRefused}`);
  if (emitted.testPath) console.log(`regression test: ${emitted.testPath}`);
  return 1;
}
