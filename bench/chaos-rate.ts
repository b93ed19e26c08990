// Chaos throughput: seeds per minute of a preset, run the way users run it — `pnpm sim chaos` from the compiled
// bundle (dist/main.mjs, rebuilt first so it matches the sources) — in rounds. Each round runs the same sweep three
// ways back to back: 1 worker, 2 workers (the CLI's own pool), and two independent 1-worker processes side by side
// (`--shard 1/2` and `2/2`, the most two cores give two copies of this program on this machine). Ratios are taken
// within a round, since this VM's per-core speed drifts between rounds; medians over rounds.
// The wall time is the whole command (CLI and worker start-up included, as a user sees it), with `--json --out`:
// the sweep only, without the report of a failure (re-running it to name its open bug, shrinking it).
// Each round also runs two control loops alone and as two processes side by side: an integer loop that touches no
// memory, and a loop that allocates short-lived objects as the simulation does. Their ratios are this machine's
// ceiling for two processes (what two cores give when nothing is shared, and when the caches and memory are).
// `npx tsx bench/chaos-rate.ts [preset] [runs] [rounds]` prints one JSON line.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./rates.ts";

const root = join(import.meta.dirname, "..");
const preset = process.argv[2] ?? "light";
const runs = Number(process.argv[3] ?? 60);
const rounds = Number(process.argv[4] ?? 1);

interface SweepRun {
  readonly seeds: number;
  readonly failing: number;
  readonly wallMs: number;
}

function sweep(dir: string, name: string, workers: number, shard?: string): Promise<SweepRun> {
  const out = join(dir, `${name}.json`);
  const args = ["dist/main.mjs", "chaos", "--runs", String(runs), "--workers", String(workers), "--preset", preset, "--profile", "2026.9", "--json", "--out", out, ...(shard ? ["--shard", shard] : [])];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => {
      const wallMs = performance.now() - started;
      if (status !== 0 && status !== 1) return reject(new Error(`chaos-rate: pnpm sim chaos exited ${status}: ${stderr.trim().split("\n").at(-1)}`));
      const summary = JSON.parse(readFileSync(out, "utf8")) as { rows: { verdict: string }[] };
      resolve({ seeds: summary.rows.length, failing: summary.rows.filter((r) => r.verdict === "fail").length, wallMs });
    });
  });
}

/** The control loops, as `node -e` programs that print their own CPU-bound wall time in ms. */
const controls = {
  /** An integer recurrence on one variable: registers only. */
  alu: "let x=0;const t=performance.now();for(let i=0;i<4e8;i++){x=(x*1103515245+12345)|0}console.log(performance.now()-t,x)",
  /** Small objects with a sliding window of survivors (a young generation that fills and is scavenged). */
  alloc: "let keep=[];const t=performance.now();for(let i=0;i<1.2e7;i++){keep.push({a:i,b:'x'+i});if(keep.length>50000)keep=[]}console.log(performance.now()-t,keep.length)",
} as const;

function control(code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (status) => (status === 0 ? resolve(Number(out.split(" ")[0])) : reject(new Error(`chaos-rate: control loop exited ${status}`))));
  });
}

/** Alone, then two copies side by side: 2 × alone / the slower copy's time (2 = the two cores share nothing). */
async function controlRatio(code: string): Promise<number> {
  const alone = await control(code);
  const side = await Promise.all([control(code), control(code)]);
  return (2 * alone) / Math.max(...side);
}

const perMinute = (seeds: number, wallMs: number) => seeds / (wallMs / 60_000);
const round2 = (x: number) => Number(x.toFixed(2));

execFileSync("pnpm", ["-s", "build:sim"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const dir = mkdtempSync(join(tmpdir(), "clawsim-chaos-rate-"));
try {
  const one: number[] = [];
  const two: number[] = [];
  const pair: number[] = [];
  const alu: number[] = [];
  const alloc: number[] = [];
  let seeds = 0;
  let failing = 0;
  for (let r = 0; r < rounds; r++) {
    const a = await sweep(dir, `w1-${r}`, 1);
    const b = await sweep(dir, `w2-${r}`, 2);
    const started = performance.now();
    const halves = await Promise.all([sweep(dir, `s1-${r}`, 1, "1/2"), sweep(dir, `s2-${r}`, 1, "2/2")]);
    const pairMs = performance.now() - started;
    seeds = a.seeds;
    failing = a.failing;
    if (b.seeds !== seeds || halves[0].seeds + halves[1].seeds !== seeds) throw new Error("chaos-rate: the three sweeps ran different seed counts");
    one.push(perMinute(a.seeds, a.wallMs));
    two.push(perMinute(b.seeds, b.wallMs));
    pair.push(perMinute(seeds, pairMs));
    alu.push(await controlRatio(controls.alu));
    alloc.push(await controlRatio(controls.alloc));
  }
  const ratios = one.map((w1, r) => ({ workers2: two[r]! / w1, twoProcesses: pair[r]! / w1 }));
  console.log(
    JSON.stringify({
      preset,
      profile: "2026.9",
      via: "bundle",
      seeds,
      failing,
      rounds,
      seedsPerMinute: { workers1: Math.round(median(one)), workers2: Math.round(median(two)), twoProcesses: Math.round(median(pair)) },
      /** Medians of the within-round ratios to 1 worker. */
      ratio: { workers2: round2(median(ratios.map((x) => x.workers2))), twoProcesses: round2(median(ratios.map((x) => x.twoProcesses))) },
      /** Two copies of a control loop side by side against one alone (medians): the machine's ceiling. */
      twoProcessCeiling: { alu: round2(median(alu)), alloc: round2(median(alloc)) },
      perRound: one.map((w1, r) => ({ workers1: Math.round(w1), workers2: Math.round(two[r]!), twoProcesses: Math.round(pair[r]!), aluCeiling: round2(alu[r]!), allocCeiling: round2(alloc[r]!) })),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
