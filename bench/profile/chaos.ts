// Profiling target: heavy chaos seeds (`node --cpu-prof --import tsx bench/profile/chaos.ts N`).
import { chaosScenario, findPreset, findProfile, fullSelection, generatePlan, runScenario, selectPlan } from "../../src/index.ts";

const runs = Number(process.argv[2] ?? 40);
const preset = findPreset(process.argv[3] ?? "heavy")!;
const profile = findProfile("2026.9")!;
const start = performance.now();
const hashes: string[] = [];
for (let s = 1n; s <= BigInt(runs); s++) {
  const plan = generatePlan(s, preset);
  const sel = fullSelection(plan);
  const r = await runScenario(chaosScenario(selectPlan(plan, sel), sel, preset), { seed: s, profile });
  hashes.push(`${s} ${r.verdict} ${r.traceHash}`);
}
const wallMs = performance.now() - start;
console.log(hashes.join("\n"));
console.error(`${runs} ${preset.name} seeds: ${(runs / (wallMs / 60_000)).toFixed(0)}/min`);
