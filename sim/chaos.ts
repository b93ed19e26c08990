// `pnpm sim chaos`: a sweep of generated chaos plans (one per seed, sharded and spread over worker threads),
// its summary (identical whatever the worker and shard counts), coverage, and the first failure shrunk to a
// minimal replay path (optionally emitted as a scenario file and a regression test). `--replay PATH` re-runs
// one selection; `merge` joins shard summaries; `--kill-rate` is chaos-kill-rate.ts; `--engine fast-check` draws
// the plans with fast-check instead of one per seed (chaos-fc.ts).
import { readFileSync, writeFileSync } from "node:fs";
import {
  detailCoveragePercent,
  failedRows,
  findPreset,
  mergeCoverage,
  mergeSummaries,
  openBugsOf,
  parseReplayPath,
  parseShard,
  presetDefault,
  presets,
  profiles,
  shardSeeds,
  sortRows,
  unreachedDetailCodes,
  withBugFixed,
  type CoverageCounts,
  type OpenBug,
  type SeedRow,
  type FaultPreset,
  type PlanSelection,
  type Profile,
  type RunResult,
  type SweepSummary,
} from "../src/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { printResult } from "./output.ts";
import { runChaosPlan, shrinkSeed, type SeedOutcome } from "./chaos-run.ts";
import { runTasks, workersMax } from "./chaos-pool.ts";
import type { ChaosTask } from "./chaos-worker.ts";
import { emitFailure } from "./chaos-emit.ts";
import { runKillRate } from "./chaos-kill-rate.ts";
import { runFastCheckCommand } from "./chaos-fc.ts";
import { Progress } from "./chaos-progress.ts";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
/** Seeds one pool task runs (small, so threads stay busy to the end). */
const seedsPerTask = 2;

/** Runs one plan selection and gives the result the command that replays it. */
export async function runChaos(seed: bigint, preset: FaultPreset, profile: Profile, selection?: PlanSelection): Promise<RunResult> {
  return runChaosPlan(seed, preset, profile, selection);
}

export function presetOf(args: SimArgs): FaultPreset {
  const name = args.preset ?? presetDefault;
  const preset = findPreset(name);
  if (!preset) throw new UsageError(`unknown preset '${name}' (one of ${presets.map((p) => p.name).join(", ")})`);
  return preset;
}

export function selectionOf(args: SimArgs): PlanSelection | undefined {
  if (args.replayPath === undefined) return undefined;
  const selection = parseReplayPath(args.replayPath);
  if (!selection) throw new UsageError(`malformed replay path '${args.replayPath}' (expected like c0.2-e1.3 or c0-e1@5000)`);
  return selection;
}

function workersOf(args: SimArgs): number {
  const workers = args.chaos?.workers ?? 1;
  if (workers > workersMax) throw new UsageError(`--workers must be at most ${workersMax}, got ${workers}`);
  return workers;
}

/** Runs the sweep's seeds (this shard's) and returns its summary. */
export async function sweep(options: { seedStart: bigint; runs: number; shardText?: string; workers: number; preset: FaultPreset; profile: Profile }): Promise<SweepSummary> {
  const shard = options.shardText === undefined ? { index: 1, count: 1 } : parseShard(options.shardText);
  if (!shard) throw new UsageError(`malformed --shard '${options.shardText}' (expected I/N with 1 ≤ I ≤ N)`);
  const seeds = shardSeeds(options.seedStart, options.runs, shard).map(String);
  const tasks: ChaosTask[] = [];
  for (let i = 0; i < seeds.length; i += seedsPerTask) {
    tasks.push({ kind: "seeds", seeds: seeds.slice(i, i + seedsPerTask), preset: options.preset.name, profile: options.profile });
  }
  const progress = new Progress(seeds.length, "seeds");
  const results = await runTasks(tasks, options.workers, (r) => progress.add(r.kind === "seeds" ? r.outcomes.length : 0));
  progress.done();
  console.error(`chaos: ${seeds.length} seed(s) on ${options.workers} worker(s): ${(progress.rate() * 60).toFixed(1)} seeds/min (wall)`);
  const outcomes: SeedOutcome[] = results.flatMap((r) => (r.kind === "seeds" ? r.outcomes : []));
  const coverage = outcomes.reduce<CoverageCounts>((acc, o) => mergeCoverage(acc, o.coverage), {});
  return {
    kind: "clawsim-chaos-sweep",
    version,
    profile: options.profile.name,
    preset: options.preset.name,
    seedStart: options.seedStart.toString(),
    runs: options.runs,
    shards: [shard.index],
    shardCount: shard.count,
    rows: sortRows(outcomes.map((o) => o.row)),
    coverage,
  };
}

function printCoverage(summary: SweepSummary, min: number | undefined): boolean {
  const keys = Object.entries(summary.coverage);
  for (const prefix of ["decision", "code", "detail", "step", "fault", "attack"]) {
    const reached = keys.filter(([k]) => k.startsWith(`${prefix}:`)).map(([k, v]) => `${k.slice(prefix.length + 1)}×${v}`);
    console.log(`coverage ${prefix}: ${reached.length > 0 ? reached.join(" ") : "(none)"}`);
  }
  const percent = detailCoveragePercent(summary.coverage);
  console.log(`coverage detail codes reached: ${percent}%; never reached: ${unreachedDetailCodes(summary.coverage).join(" ") || "(none)"}`);
  if (min !== undefined && percent < min) {
    console.log(`coverage ${percent}% is below --coverage-min ${min}%`);
    return false;
  }
  return true;
}

function readSummary(path: string): SweepSummary {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read summary file '${path}'`);
  }
  try {
    return JSON.parse(text) as SweepSummary;
  } catch {
    throw new UsageError(`${path}: not JSON`);
  }
}

function mergeCommand(args: SimArgs, files: readonly string[]): number {
  const merged = mergeSummaries(files.map(readSummary));
  if (!merged.ok) throw new UsageError(`cannot merge: ${merged.message}`);
  const text = `${JSON.stringify(merged.summary, null, 2)}\n`;
  if (args.chaos?.out) writeFileSync(args.chaos.out, text);
  else process.stdout.write(text);
  const failed = failedRows(merged.summary);
  const line = `chaos merge: ${merged.summary.rows.length} seed(s) from shard(s) ${merged.summary.shards.join(",")}/${merged.summary.shardCount}: ${failed.length} failed`;
  console.error(line);
  const coverageOk = args.chaos?.coverage ? printCoverage(merged.summary, args.chaos.coverageMin) : true;
  return failed.length > 0 || !coverageOk ? 1 : 0;
}

/**
 * The open bug (src/profiles/open-bugs.ts) each failed seed is: the first whose fix makes the same seed pass.
 * A seed that still fails with every fix is a new finding (absent from the map).
 */
export async function openBugOfSeeds(rows: readonly SeedRow[], preset: FaultPreset, profile: Profile): Promise<Map<string, OpenBug>> {
  const out = new Map<string, OpenBug>();
  const bugs = openBugsOf(profile);
  for (const row of rows) {
    for (const bug of bugs) {
      if ((await runChaosPlan(BigInt(row.seed), preset, withBugFixed(profile, bug))).verdict === "pass") {
        out.set(row.seed, bug);
        break;
      }
    }
  }
  return out;
}

async function reportFirstFailure(args: SimArgs, summary: SweepSummary, preset: FaultPreset, profile: Profile, known: ReadonlyMap<string, OpenBug>): Promise<void> {
  // The first new finding is the one to shrink and show; with none, the first open bug's seed.
  const first = failedRows(summary).find((r) => !known.has(r.seed)) ?? failedRows(summary)[0];
  if (!first) return;
  const seed = BigInt(first.seed);
  const result = await runChaosPlan(seed, preset, profile);
  const shrunk = await shrinkSeed(seed, preset, profile, result);
  console.log(`seed ${seed} failed [${first.invariants.join(", ")}]; shrunk in ${shrunk.runs} runs to ${shrunk.clients} client(s) and ${shrunk.steps} step(s):`);
  const minimal = await runChaosPlan(seed, preset, profile, parseReplayPath(shrunk.path)!);
  await printResult(minimal, { ...args, json: false }, 0);
  const emitted = emitFailure({ seed, preset, profile, path: shrunk.path, invariant: shrunk.invariant, message: shrunk.message, dir: args.reportDir ?? "reports/chaos", emitTest: args.chaos?.emitTest ?? false, fixed: profile.name.includes("~") ? profile.name.slice(0, profile.name.indexOf("~")) : profiles[profiles.length - 1]!.name });
  console.log(`scenario file: ${emitted.scenarioPath}`);
  if (emitted.yamlPath !== undefined) console.log(`step-language file: ${emitted.yamlPath}\n  run it: ${emitted.runCommand}`);
  else console.log(`no step-language file: ${emitted.yamlRefused}`);
  if (emitted.testPath) console.log(`regression test: ${emitted.testPath}`);
}

export async function runChaosCommand(args: SimArgs, seed: bigint, profile: Profile): Promise<number> {
  const flags = args.chaos;
  if (flags?.engine === "fast-check") return runFastCheckCommand(args, seed, profile, presetOf(args), selectionOf(args));
  if (flags?.fcPath !== undefined) throw new UsageError("--fc-path needs --engine fast-check");
  if (flags?.merge) return mergeCommand(args, flags.merge);
  if (flags?.killRate) return runKillRate(args, seed, workersOf(args));
  const preset = presetOf(args);
  const selection = selectionOf(args);
  if (selection) {
    const result = await runChaos(seed, preset, profile, selection);
    await printResult(result, args, 0);
    return result.verdict === "pass" ? 0 : 1;
  }
  const runs = args.runs ?? 10;
  const summary = await sweep({ seedStart: seed, runs, ...(flags?.shard !== undefined ? { shardText: flags.shard } : {}), workers: workersOf(args), preset, profile });
  if (flags?.out) writeFileSync(flags.out, `${JSON.stringify(summary, null, 2)}\n`);
  if (args.json && !flags?.out) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const failed = failedRows(summary);
  const known = args.json ? new Map<string, OpenBug>() : await openBugOfSeeds(failed, preset, profile);
  if (!args.json) {
    for (const row of failed) {
      const bug = known.get(row.seed);
      console.log(`seed ${row.seed}: FAIL [${row.invariants.join(", ")}]${bug ? ` — open bug ${bug.name} (passes with its fix; ${bug.file})` : ""}`);
    }
    const knownText = known.size > 0 ? ` (${known.size} of them open bugs of ${profile.name}, ${failed.length - known.size} new)` : "";
    console.log(`chaos: ${summary.rows.length} run(s) under ${profile.name} with preset ${preset.name}${flags?.shard ? ` (shard ${flags.shard})` : ""}: ${failed.length === 0 ? "no finding" : `${failed.length} failed${knownText}`}`);
  }
  const coverageOk = flags?.coverage ? printCoverage(summary, flags.coverageMin) : true;
  if (failed.length > 0 && !args.json) await reportFirstFailure(args, summary, preset, profile, known);
  return failed.length > 0 || !coverageOk ? 1 : 0;
}
