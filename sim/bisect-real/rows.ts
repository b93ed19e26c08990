// `bisect --real` as data: for each release profile in release order, the real release it stands for and what
// running the scenario's plan on it gave (pass / fail / could not run, and why), then the flips over the
// releases that ran and the model-vs-real differences. Pure apart from the injected `runRelease`.
import type { ExpectationFailure } from "../../src/scenario/index.ts";
import type { Profile, RunSpec } from "../../src/index.ts";
import { describeFlips, type BisectRow } from "../bisect.ts";
import { realPlan, type RealPlan } from "./plan.ts";
import { releaseRowFor, type ReleaseRow } from "./releases.ts";

export type RealOutcome =
  | { readonly kind: "ran"; readonly verdict: "pass" | "fail"; readonly failures: readonly ExpectationFailure[]; readonly log: readonly string[]; readonly readyMs?: number }
  | { readonly kind: "could-not-run"; readonly why: string };

export interface RealRow {
  readonly profile: string;
  readonly release: string | null;
  readonly releaseNote?: string;
  readonly outcome: RealOutcome;
  /** The earlier profile whose run (same release, same plan) this row reuses. */
  readonly sameRunAs?: string;
}

export type RunRelease = (row: ReleaseRow, plan: RealPlan) => Promise<RealOutcome>;

/** Runs the plan of every profile on its real release, in release order; a release already run with the same
 *  plan is not started again. */
export async function realRows(spec: RunSpec, profiles: readonly Profile[], runRelease: RunRelease, rows?: readonly ReleaseRow[]): Promise<RealRow[]> {
  const out: RealRow[] = [];
  const done = new Map<string, { profile: string; outcome: RealOutcome }>();
  for (const profile of profiles) {
    const row = releaseRowFor(profile.name, rows);
    const base = { profile: profile.name, release: row.release, ...(row.note !== undefined ? { releaseNote: row.note } : {}) };
    if (row.release === null) {
      out.push({ ...base, outcome: { kind: "could-not-run", why: row.note ?? "no release mapped" } });
      continue;
    }
    const plan = realPlan(spec, profile);
    const key = `${row.release} ${JSON.stringify(plan)}`;
    const earlier = done.get(key);
    if (earlier !== undefined) {
      out.push({ ...base, outcome: earlier.outcome, sameRunAs: earlier.profile });
      continue;
    }
    const outcome = await runRelease(row, plan);
    done.set(key, { profile: profile.name, outcome });
    out.push({ ...base, outcome });
  }
  return out;
}

/** The rows that ran, as bisect rows (for the flip wording bisect uses). */
function ranRows(rows: readonly RealRow[]): BisectRow[] {
  return rows.flatMap((r) => (r.outcome.kind === "ran" ? [{ profile: r.profile, verdict: r.outcome.verdict, findings: r.outcome.failures.length, traceHash: "" }] : []));
}

/** bisect's sentence over the releases that ran, saying which could not run. */
export function describeRealFlips(rows: readonly RealRow[]): string {
  const ran = ranRows(rows);
  if (ran.length === 0) return "no release could run";
  const skipped = rows.filter((r) => r.outcome.kind !== "ran").map((r) => r.profile);
  return `${describeFlips(ran)}${skipped.length > 0 ? ` (could not run: ${skipped.join(", ")})` : ""}`;
}

/** Flip points over the releases that ran. */
export function realFlipPoints(rows: readonly RealRow[]): string[] {
  const ran = ranRows(rows);
  return ran.filter((r, i) => i > 0 && r.verdict !== ran[i - 1]!.verdict).map((r) => r.profile);
}

export interface FidelityDifference {
  readonly profile: string;
  readonly release: string;
  readonly model: "pass" | "fail";
  readonly real: "pass" | "fail";
  /** The first thing that went otherwise on the real gateway (when it failed) or in the model. */
  readonly detail: string;
}

/** Releases where the model's verdict and the real gateway's differ (both available). */
export function fidelityDifferences(real: readonly RealRow[], model: readonly BisectRow[], modelDetail: (profile: string) => string = () => ""): FidelityDifference[] {
  const out: FidelityDifference[] = [];
  for (const row of real) {
    const m = model.find((r) => r.profile === row.profile);
    if (m === undefined || row.outcome.kind !== "ran" || row.release === null || m.verdict === row.outcome.verdict) continue;
    const detail = row.outcome.verdict === "fail" ? (row.outcome.failures[0]?.message ?? "") : modelDetail(row.profile);
    out.push({ profile: row.profile, release: row.release, model: m.verdict, real: row.outcome.verdict, detail });
  }
  return out;
}
