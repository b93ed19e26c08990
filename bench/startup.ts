// Start-up: `sim cli-connect` split into starting Node with tsx (an empty module) and the rest (loading clawsim,
// running the scenario, printing), and the same run from the compiled bundle (dist/main.mjs). Medians of a few
// spawns, as wall time and as the child's CPU time (less distorted by a loaded machine). Prints one JSON line.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

const cpuPreload = join(import.meta.dirname, "cpu-at-exit.cjs");

interface Timing { wallMs: number; cpuMs: number }

function time(args: readonly string[]): Timing {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--require", cpuPreload, ...args], { cwd: root, encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.trim().split("\n").at(-1)}`);
  const cpu = /clawsim-cpu-us (\d+)/.exec(run.stderr);
  return { wallMs, cpuMs: cpu ? Number(cpu[1]) / 1000 : Number.NaN };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const empty = join(import.meta.dirname, "empty.ts");
const compiledEntry = join(root, "dist", "main.mjs");
const series: Record<"node" | "tsx" | "sim" | "compiled", Timing[]> = { node: [], tsx: [], sim: [], compiled: [] };
let hasCompiled = true;
for (let r = 0; r < rounds; r++) {
  series.node.push(time(["-e", ""]));
  series.tsx.push(time(["--import", "tsx", empty]));
  series.sim.push(time(["--import", "tsx", join(root, "sim", "main.ts"), "cli-connect"]));
  try {
    series.compiled.push(time([compiledEntry, "cli-connect"]));
  } catch {
    hasCompiled = false;
  }
}
const m = (name: keyof typeof series, field: keyof Timing) => Math.round(median(series[name].map((t) => t[field])));
console.log(JSON.stringify({
  rounds,
  nodeStartMs: m("node", "wallMs"),
  tsxStartMs: m("tsx", "wallMs"),
  simCliConnectMs: m("sim", "wallMs"),
  afterTsxStartMs: m("sim", "wallMs") - m("tsx", "wallMs"),
  tsxShare: Number((m("tsx", "wallMs") / m("sim", "wallMs")).toFixed(2)),
  compiledCliConnectMs: hasCompiled ? m("compiled", "wallMs") : null,
  cpuMs: { nodeStart: m("node", "cpuMs"), tsxStart: m("tsx", "cpuMs"), simCliConnect: m("sim", "cpuMs"), compiledCliConnect: hasCompiled ? m("compiled", "cpuMs") : null },
}));
