// Sweeps: the summary is the same whatever the worker and shard counts; merging refuses summaries that do not
// make one sweep; shards split the seeds without overlap.
import { describe, expect, it } from "vitest";
import { findPreset, findProfile, mergeSummaries, parseShard, shardSeeds, type SweepSummary } from "../../src/index.ts";
import { sweep } from "../../sim/chaos.ts";
import { runSeed } from "../../sim/chaos-run.ts";
import { rememberOwnSignatures } from "../../src/crypto/index.ts";

const light = findPreset("light")!;
const profile = findProfile("2026.9")!;
const base = { seedStart: 7n, runs: 3, preset: light, profile };

describe("chaos sweeps", () => {
  it("rows and coverage are the same with the own-signature memory on (as pool workers run) and off", { timeout: 120_000 }, async () => {
    const seeds = [424242n, 424243n, 424244n, 424253n, 424266n];
    rememberOwnSignatures(false);
    const verified = [];
    for (const seed of seeds) verified.push(await runSeed(seed, light, profile));
    rememberOwnSignatures(true);
    try {
      const remembered = [];
      for (const seed of seeds) remembered.push(await runSeed(seed, light, profile));
      expect(remembered).toEqual(verified);
    } finally {
      rememberOwnSignatures(false);
    }
  });

  it("shards split the seeds exactly", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/2", "3/2", "1/0", "a/b", "1"]) expect(parseShard(bad), bad).toBeUndefined();
    const all = shardSeeds(10n, 7);
    const parts = [1, 2, 3].flatMap((index) => shardSeeds(10n, 7, { index, count: 3 }));
    expect([...parts].sort((a, b) => Number(a - b))).toEqual(all);
  });

  it("gives the same summary for --workers 1, --workers 2 and --shard 1/2 + 2/2", { timeout: 120_000 }, async () => {
    const one = await sweep({ ...base, workers: 1 });
    const two = await sweep({ ...base, workers: 2 });
    const s1 = await sweep({ ...base, workers: 1, shardText: "1/2" });
    const s2 = await sweep({ ...base, workers: 1, shardText: "2/2" });
    expect(s1.rows.map((r) => r.seed)).toEqual(["7", "9"]);
    const merged = mergeSummaries([s2, s1]);
    expect(merged.ok).toBe(true);
    const whole = merged.ok ? merged.summary : undefined;
    expect(two).toEqual(one);
    expect({ ...whole, shards: [1], shardCount: 1 }).toEqual(one);
    expect(one.rows).toHaveLength(3);
  });

  it("merge refuses a repeated shard and summaries of different sweeps", () => {
    const part: SweepSummary = { kind: "clawsim-chaos-sweep", version: "0", profile: "2026.9", preset: "light", seedStart: "1", runs: 2, shards: [1], shardCount: 2, rows: [{ seed: "1", verdict: "pass", invariants: [], traceHash: "x", steps: 1 }], coverage: {} };
    expect(mergeSummaries([part, part]).ok).toBe(false);
    expect(mergeSummaries([part, { ...part, shards: [2], profile: "2026.3", rows: [] }]).ok).toBe(false);
    const other = { ...part, shards: [2], rows: [{ ...part.rows[0]!, seed: "2" }], coverage: { "detail:X": 1 } };
    const merged = mergeSummaries([part, other]);
    expect(merged.ok && merged.summary.rows.map((r) => r.seed)).toEqual(["1", "2"]);
    expect(merged.ok && merged.summary.coverage).toEqual({ "detail:X": 1 });
  });
});
