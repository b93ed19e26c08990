// Profiling target: a single-process chaos sweep as a pool worker runs it (`runSeed`: plan, run, row, coverage),
// from the sweep's default first seed. `node --cpu-prof --import tsx bench/profile/sweep.ts [seeds] [preset]`
// Prints seeds/min (wall), CPU ms per seed (the figure to compare on a loaded machine), events per seed and where the wall time went by phase (plan drawing, translation, run, coverage).
import { chaosScenario, coverageOf, findPreset, findProfile, fullSelection, generatePlan, runScenario, selectPlan } from "../../src/index.ts";
import { rowOf } from "../../sim/chaos-run.ts";
import { rememberOwnSignatures } from "../../src/crypto/index.ts";

const runs = Number(process.argv[2] ?? 300);
// As a pool worker runs (sim/chaos-worker.ts); CLAWSIM_BENCH_VERIFY_ALL=1 verifies every signature instead (A/B).
rememberOwnSignatures(process.env["CLAWSIM_BENCH_VERIFY_ALL"] !== "1");
const preset = findPreset(process.argv[3] ?? "light")!;
const profile = findProfile("2026.9")!;
const phase = { plan: 0, translate: 0, run: 0, row: 0, coverage: 0 };
let events = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let s = 424242n; s < 424242n + BigInt(runs); s++) {
  let t = performance.now();
  const tick = (k: keyof typeof phase) => {
    const now = performance.now();
    phase[k] += now - t;
    t = now;
  };
  const plan = generatePlan(s, preset);
  tick("plan");
  const sel = fullSelection(plan);
  const scenario = chaosScenario(selectPlan(plan, sel), sel, preset);
  tick("translate");
  const r = await runScenario(scenario, { seed: s, profile });
  tick("run");
  rowOf(r);
  tick("row");
  coverageOf(r.events, plan.steps);
  tick("coverage");
  events += r.events.length;
}
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMsPerSeed = Number(((cpu.user + cpu.system) / 1000 / runs).toFixed(1));
const pct = Object.fromEntries(Object.entries(phase).map(([k, v]) => [k, `${((100 * v) / wallMs).toFixed(1)}%`]));
console.log(JSON.stringify({ seeds: runs, preset: preset.name, seedsPerMinute: Math.round(runs / (wallMs / 60_000)), msPerSeed: Number((wallMs / runs).toFixed(1)), cpuMsPerSeed, eventsPerSeed: Math.round(events / runs), phases: pct }));
