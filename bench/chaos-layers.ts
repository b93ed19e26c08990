// What a default chaos seed costs with parts of the harness switched off, to tell how far the simulation alone is
// from issue 12's 5,000 seeds/min on 2 cores (at most 2 × 60,000 / 5,000 = 24 ms of CPU a seed, whatever the
// number of workers). Each mode runs the default sweep's seeds (from 424242, 2026.9, as a pool worker runs them:
// own signatures remembered) in a process of its own; modes alternate within each round; medians over rounds.
//   full      the seed as `pnpm sim chaos` runs it: the world, the invariants, the trace, its hash, the coverage;
//   no-hash   without the end-of-run trace hash;
//   no-checks also without the invariants;
//   protocol  also without keeping the trace or reading coverage: the gateway, clients, host, network and
//             scheduler only (events are still made and handed to listeners, none are kept).
// The switches are bench-only patches made in the child (`Trace.prototype`), never in src/. Every mode must take
// the same scheduler steps as `full`, or the run is reported failed: switching a layer off must not change the run.
// The children run this file bundled by esbuild (into node_modules/.cache, where its packages resolve), as
// `pnpm sim chaos` runs its bundle.
// `npx tsx bench/chaos-layers.ts [seeds] [rounds]` prints one JSON line.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { runNode } from "./child.ts";
import { median } from "./rates.ts";

export const layerModes = ["full", "no-hash", "no-checks", "protocol"] as const;
export type LayerMode = (typeof layerModes)[number];

/** CPU ms a seed may take for 5,000 seeds/min on 2 cores. */
export const cpuBudgetMsPerSeed = (2 * 60_000) / 5_000;

export interface ChaosLayers {
  readonly preset: string;
  readonly profile: string;
  readonly seeds: number;
  readonly rounds: number;
  readonly stepsPerSeed: number;
  /** Medians over rounds, per mode: CPU ms (all threads: JIT and GC helpers count) and wall ms a seed. */
  readonly cpuMsPerSeed: Record<LayerMode, number>;
  readonly wallMsPerSeed: Record<LayerMode, number>;
  readonly cpuBudgetMsPerSeed: number;
  /** 120,000 / cpuMsPerSeed: the seeds/min two fully used cores could give at that cost. */
  readonly twoCoreSeedsPerMinuteAtMost: Record<LayerMode, number>;
  readonly perRound: readonly Record<LayerMode, number>[];
}

interface ChildLine {
  readonly mode: LayerMode;
  readonly cpuMsPerSeed: number;
  readonly wallMsPerSeed: number;
  readonly steps: number;
}

async function child(mode: LayerMode, seeds: number): Promise<ChildLine> {
  const { chaosScenario, coverageOf, findPreset, findProfile, fullSelection, generatePlan, runScenario, selectPlan, Trace } = await import("../src/index.ts");
  const { rememberOwnSignatures } = await import("../src/crypto/index.ts");
  rememberOwnSignatures(true);
  const proto = Trace.prototype as unknown as { hash(): string; record(...args: unknown[]): unknown; listeners: ((e: unknown) => void)[] };
  if (mode !== "full") proto.hash = () => "";
  if (mode === "protocol") {
    proto.record = function (this: typeof proto, atMs: unknown, actor: unknown, kind: unknown, data: unknown = {}) {
      const event = { i: 0, atMs, actor, kind, data };
      for (const listener of this.listeners) listener(event);
      return event;
    };
  }
  const preset = findPreset("light")!;
  const profile = findProfile("2026.9")!;
  let steps = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < seeds; i++) {
    const seed = 424_242n + BigInt(i);
    const plan = generatePlan(seed, preset);
    const selection = fullSelection(plan);
    const scenario = chaosScenario(selectPlan(plan, selection), selection, preset);
    const result = await runScenario(mode === "full" || mode === "no-hash" ? scenario : { ...scenario, invariants: undefined }, { seed, profile });
    steps += result.stats.steps;
    if (mode !== "protocol") coverageOf(result.events, plan.steps);
  }
  const used = process.cpuUsage(cpu);
  return { mode, cpuMsPerSeed: (used.user + used.system) / 1000 / seeds, wallMsPerSeed: (performance.now() - started) / seeds, steps };
}

const round1 = (n: number) => Number(n.toFixed(1));

export function measureChaosLayers(seeds: number, rounds: number): ChaosLayers | { error: string } {
  const cache = join(import.meta.dirname, "..", "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "clawsim-chaos-layers-"));
  try {
    const bundle = join(dir, "chaos-layers.mjs");
    buildSync({ entryPoints: [import.meta.filename], bundle: true, platform: "node", format: "esm", packages: "external", outfile: bundle, logLevel: "warning" });
    return measureWith(bundle, seeds, rounds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureWith(bundle: string, seeds: number, rounds: number): ChaosLayers | { error: string } {
  const perRound: Record<LayerMode, number>[] = [];
  const walls: Record<LayerMode, number>[] = [];
  let steps: number | undefined;
  for (let r = 0; r < rounds; r++) {
    const cpuRow = {} as Record<LayerMode, number>;
    const wallRow = {} as Record<LayerMode, number>;
    for (const mode of layerModes) {
      const line = runNode<ChildLine>([bundle, "--child", mode, String(seeds)]);
      if ("error" in line) return { error: `${mode}: ${line.error}` };
      if (steps !== undefined && line.steps !== steps) return { error: `${mode} took ${line.steps} steps where full took ${steps}: switching a layer off changed the run` };
      steps = line.steps;
      cpuRow[mode] = round1(line.cpuMsPerSeed);
      wallRow[mode] = round1(line.wallMsPerSeed);
    }
    perRound.push(cpuRow);
    walls.push(wallRow);
  }
  const medians = (rows: Record<LayerMode, number>[]) => Object.fromEntries(layerModes.map((m) => [m, round1(median(rows.map((row) => row[m])))])) as Record<LayerMode, number>;
  const cpuMsPerSeed = medians(perRound);
  return {
    preset: "light",
    profile: "2026.9",
    seeds,
    rounds,
    stepsPerSeed: Math.round((steps ?? 0) / seeds),
    cpuMsPerSeed,
    wallMsPerSeed: medians(walls),
    cpuBudgetMsPerSeed,
    twoCoreSeedsPerMinuteAtMost: Object.fromEntries(layerModes.map((m) => [m, Math.round((2 * 60_000) / cpuMsPerSeed[m])])) as Record<LayerMode, number>,
    perRound,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [first, mode, count] = process.argv.slice(2);
  if (first === "--child") {
    if (!layerModes.includes(mode as LayerMode)) {
      console.error(`chaos-layers: unknown mode ${mode}`);
      process.exit(2);
    }
    console.log(JSON.stringify(await child(mode as LayerMode, Number(count))));
  } else {
    const seeds = Number(first ?? 150);
    const rounds = Number(mode ?? 3);
    if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(rounds) || rounds < 1) {
      console.error("usage: npx tsx bench/chaos-layers.ts [seeds ≥ 1] [rounds ≥ 1]");
      process.exit(2);
    }
    console.log(JSON.stringify(measureChaosLayers(seeds, rounds)));
  }
}
