// Chaos throughput: seeds per minute of a preset through `pnpm sim chaos`'s own sweep (its worker pool), with
// 1 or more workers. Prints one JSON line. `npx tsx bench/chaos-rate.ts [preset] [runs] [workers]`
import { findPreset, findProfile, presetDefault } from "../src/index.ts";
import { sweep } from "../sim/chaos.ts";

const preset = findPreset(process.argv[2] ?? presetDefault)!;
const runs = Number(process.argv[3] ?? 60);
const workers = Number(process.argv[4] ?? 1);
const profile = findProfile("2026.9")!;
const started = performance.now();
const summary = await sweep({ seedStart: 1n, runs, workers, preset, profile });
const wallMs = performance.now() - started;
const failing = summary.rows.filter((r) => r.verdict === "fail").length;
console.log(JSON.stringify({ preset: preset.name, workers, seeds: summary.rows.length, failing, wallMs: Math.round(wallMs), seedsPerMinute: Math.round(summary.rows.length / (wallMs / 60_000)) }));
