// Chaos throughput: seeds per minute for a preset, one process (one worker). Prints one JSON line.
// `npx tsx bench/chaos-rate.ts [preset] [seconds]`
import { chaosScenario, findPreset, findProfile, fullSelection, generatePlan, presetDefault, runScenario, selectPlan } from "../src/index.ts";

const presetName = process.argv[2] ?? presetDefault;
const seconds = Number(process.argv[3] ?? 20);
const preset = findPreset(presetName)!;
const profile = findProfile("2026.9")!;
const started = performance.now();
let seeds = 0;
let failing = 0;
for (let seed = 1n; performance.now() - started < seconds * 1000; seed++) {
  const plan = generatePlan(seed, preset);
  const selection = fullSelection(plan);
  const result = await runScenario(chaosScenario(selectPlan(plan, selection), selection, preset), { seed, profile });
  seeds++;
  if (result.verdict !== "pass") failing++;
}
const wallMs = performance.now() - started;
console.log(JSON.stringify({ preset: preset.name, workers: 1, seeds, failing, wallMs: Math.round(wallMs), seedsPerMinute: Math.round(seeds / (wallMs / 60_000)) }));
