// Start-up: wall time of `pnpm sim cli-connect` split into starting Node with tsx (an empty module) and the
// rest (loading clawsim, running the scenario, printing). Medians of a few spawns. Prints one JSON line.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.trim().split("\n").at(-1)}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const empty = join(import.meta.dirname, "empty.ts");
const node: number[] = [];
const tsx: number[] = [];
const sim: number[] = [];
const compiled: number[] = [];
const compiledEntry = join(root, "dist", "sim", "main.js");
let hasCompiled = true;
for (let r = 0; r < rounds; r++) {
  node.push(wallMs(["-e", ""]));
  tsx.push(wallMs(["--import", "tsx", empty]));
  sim.push(wallMs(["--import", "tsx", join(root, "sim", "main.ts"), "cli-connect"]));
  try {
    compiled.push(wallMs([compiledEntry, "cli-connect"]));
  } catch {
    hasCompiled = false;
  }
}
const simMs = median(sim);
const tsxMs = median(tsx);
console.log(JSON.stringify({
  rounds,
  nodeStartMs: Math.round(median(node)),
  tsxStartMs: Math.round(tsxMs),
  simCliConnectMs: Math.round(simMs),
  afterTsxStartMs: Math.round(simMs - tsxMs),
  tsxShare: Number((tsxMs / simMs).toFixed(2)),
  compiledCliConnectMs: hasCompiled ? Math.round(median(compiled)) : null,
}));
