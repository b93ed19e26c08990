// A chaos sweep's summary as data: one row per seed (verdict, invariants that failed, trace hash), sorted by
// seed, so the summary is the same whatever the worker and shard counts; shards pick seeds by index modulo n;
// merging shard summaries checks they belong to one sweep and cover it exactly. Coverage is merged too.
import type { CoverageCounts } from "./coverage.ts";
import { mergeCoverage } from "./coverage.ts";

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface SeedRow {
  readonly seed: string;
  readonly verdict: "pass" | "fail";
  /** Invariants with findings, sorted, distinct. */
  readonly invariants: readonly string[];
  readonly traceHash: string;
  readonly steps: number;
}

export interface SweepSummary {
  readonly kind: "clawsim-chaos-sweep";
  readonly version: string;
  readonly profile: string;
  readonly preset: string;
  readonly seedStart: string;
  readonly runs: number;
  /** Shards this summary covers (all of them after a merge). */
  readonly shards: readonly number[];
  readonly shardCount: number;
  readonly rows: readonly SeedRow[];
  readonly coverage: CoverageCounts;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/** The seeds a shard runs: every n-th seed of the sweep, starting at its own offset. */
export function shardSeeds(seedStart: bigint, runs: number, shard: Shard = { index: 1, count: 1 }): bigint[] {
  const out: bigint[] = [];
  for (let i = shard.index - 1; i < runs; i += shard.count) out.push(seedStart + BigInt(i));
  return out;
}

function bySeed(a: SeedRow, b: SeedRow): number {
  const x = BigInt(a.seed);
  const y = BigInt(b.seed);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sortRows(rows: readonly SeedRow[]): SeedRow[] {
  return [...rows].sort(bySeed);
}

export type MergeResult = { readonly ok: true; readonly summary: SweepSummary } | { readonly ok: false; readonly message: string };

/** Merges shard summaries of one sweep; refuses mixed sweeps, repeated shards and incomplete coverage. */
export function mergeSummaries(parts: readonly SweepSummary[]): MergeResult {
  const first = parts[0];
  if (!first) return { ok: false, message: "nothing to merge" };
  for (const p of parts) {
    if (p.kind !== "clawsim-chaos-sweep") return { ok: false, message: "not a chaos sweep summary" };
    const same = p.profile === first.profile && p.preset === first.preset && p.seedStart === first.seedStart && p.runs === first.runs && p.shardCount === first.shardCount;
    if (!same) return { ok: false, message: `summaries of different sweeps (${p.profile}/${p.preset}/${p.seedStart}+${p.runs} vs ${first.profile}/${first.preset}/${first.seedStart}+${first.runs})` };
  }
  const shards = parts.flatMap((p) => p.shards).sort((a, b) => a - b);
  if (new Set(shards).size !== shards.length) return { ok: false, message: `a shard appears twice (${shards.join(", ")})` };
  const rows = sortRows(parts.flatMap((p) => p.rows));
  if (new Set(rows.map((r) => r.seed)).size !== rows.length) return { ok: false, message: "a seed appears in two summaries" };
  const coverage = parts.reduce((acc, p) => mergeCoverage(acc, p.coverage), {} as CoverageCounts);
  return { ok: true, summary: { ...first, shards, rows, coverage } };
}

export function failedRows(summary: SweepSummary): SeedRow[] {
  return summary.rows.filter((r) => r.verdict === "fail");
}
