// `pnpm sim chaos`: generate fault plans from seeds, run each (safety phase, then heal and converge), and shrink
// any failure to a minimal plan whose replay path reproduces it: `pnpm sim chaos --seed S --replay c0.2-e1`.
import {
  chaosScenario,
  findPreset,
  formatReplayPath,
  fullSelection,
  generatePlan,
  parseReplayPath,
  presetDefault,
  presets,
  runScenario,
  selectPlan,
  shrink,
  type FaultPreset,
  type PlanSelection,
  type Profile,
  type RunResult,
} from "../src/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { printResult } from "./output.ts";
import { progressLine } from "./progress.ts";

/** Runs one plan selection and gives the result the command that replays it. */
export async function runChaos(seed: bigint, preset: FaultPreset, profile: Profile, selection?: PlanSelection): Promise<RunResult> {
  const plan = generatePlan(seed, preset);
  const chosen = selection ?? fullSelection(plan);
  const result = await runScenario(chaosScenario(selectPlan(plan, chosen), chosen, preset), { seed, profile });
  const replayCommand = `pnpm sim chaos --seed ${seed} --profile ${profile.name} --preset ${preset.name} --replay ${formatReplayPath(chosen)}`;
  return { ...result, replayCommand };
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
  if (!selection) throw new UsageError(`malformed replay path '${args.replayPath}' (expected like c0.2-e1.3)`);
  return selection;
}

export async function runChaosCommand(args: SimArgs, seed: bigint, profile: Profile): Promise<number> {
  const preset = presetOf(args);
  const selection = selectionOf(args);
  if (selection) {
    const result = await runChaos(seed, preset, profile, selection);
    await printResult(result, args, 0);
    return result.verdict === "pass" ? 0 : 1;
  }
  const runs = args.runs ?? 10;
  const progress = progressLine({ total: runs });
  for (let i = 0n; i < BigInt(runs); i++) {
    const s = seed + i;
    progress.update(Number(i), `seed ${s}`);
    const result = await runChaos(s, preset, profile);
    progress.finish();
    const line = `seed ${s}: ${result.verdict.toUpperCase()} (${result.findings.length} finding(s), ${result.stats.steps} steps)`;
    if (!args.json) console.log(line);
    if (result.verdict === "pass") continue;
    const plan = generatePlan(s, preset);
    const shrunk = await shrink(fullSelection(plan), result.findings, async (candidate) => (await runChaos(s, preset, profile, candidate)).findings);
    const minimal = await runChaos(s, preset, profile, shrunk.selection);
    console.log(`shrunk in ${shrunk.runs} runs to ${shrunk.selection.clients.length} client(s) and ${shrunk.selection.episodes.length} fault episode(s):`);
    await printResult(minimal, args, 0);
    return 1;
  }
  if (!args.json) console.log(`chaos: ${runs} run(s) under ${profile.name} with preset ${preset.name}: no finding`);
  return 0;
}
