// Chaos throughput: seeds per minute of a preset, run the way users run it — `pnpm sim chaos` from the compiled
// bundle (dist/main.mjs, rebuilt first so it matches the sources), with its own worker pool — with 1 or more
// workers. The wall time includes the CLI's start-up (≈ 0.3 s), as a user sees it. Prints one JSON line.
// `npx tsx bench/chaos-rate.ts [preset] [runs] [workers]`
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const preset = process.argv[2] ?? "light";
const runs = Number(process.argv[3] ?? 60);
const workers = Number(process.argv[4] ?? 1);

execFileSync("pnpm", ["-s", "build:sim"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const dir = mkdtempSync(join(tmpdir(), "clawsim-chaos-rate-"));
const out = join(dir, "summary.json");
const args = ["dist/main.mjs", "chaos", "--runs", String(runs), "--workers", String(workers), "--preset", preset, "--profile", "2026.9", "--out", out];
const started = performance.now();
const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
const wallMs = performance.now() - started;
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  throw new Error(`chaos-rate: pnpm sim chaos exited ${run.status}`);
}
const summary = JSON.parse(readFileSync(out, "utf8")) as { rows: { verdict: string }[] };
rmSync(dir, { recursive: true, force: true });
const failing = summary.rows.filter((r) => r.verdict === "fail").length;
console.log(JSON.stringify({ preset, workers, via: "bundle", seeds: summary.rows.length, failing, wallMs: Math.round(wallMs), seedsPerMinute: Math.round(summary.rows.length / (wallMs / 60_000)) }));
