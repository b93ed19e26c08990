// The differential run over any two oracles: run every attempt on both (with reset probes after failures),
// group the divergences, and shrink one example per group against the same two oracles, which keep their state.
// Knows nothing of processes or installs (run.ts starts the real gateway); fakes can stand in for both sides.
import type { Attempt, Outcome } from "../oracle/attempt.ts";
import { seedForName } from "../oracle/device-proof.ts";
import type { Divergence } from "./compare.ts";
import { OraclePair } from "./pair.ts";
import type { ShrunkGroup } from "./report.ts";
import { attemptSize, groupDivergences, groupKeyOf, shrinkGreedy, type DivergenceGroup } from "./shrink.ts";
import type { AttemptOracle } from "./sides.ts";

export interface SuiteOptions {
  readonly real: AttemptOracle;
  readonly model: AttemptOracle;
  readonly attempts: readonly Attempt[];
  /** Identity name → seed shared with both sides; fresh identities for shrinking are added to it. */
  readonly identities: Record<string, string>;
  /** Wall-clock ms (injected so tests need no real time). */
  readonly nowMs: () => number;
  readonly log?: (line: string) => void;
  /** Candidates checked per group at most. */
  readonly shrinkChecksMax?: number;
  /** Wall time for the whole shrinking phase; groups not reached keep their smallest original attempt. */
  readonly shrinkBudgetMs?: number;
  /** Called after each attempt with how many of the total are done (a live progress line). */
  readonly onAttempt?: (done: number, total: number) => void;
  /** Print a progress line every this many attempts. */
  readonly progressEvery?: number;
  /** The probe run on both sides after an attempt the real gateway refused (default READY_PROBE). */
  readonly resetProbe?: Attempt;
  /** Every attempt both sides ran, in order, shrinking included (fixture recording). */
  readonly onStep?: (attempt: Attempt, real: Outcome, model: Outcome) => void;
  /** Names the comparison in divergences (default "conformance"). */
  readonly runName?: string;
}

export interface SuiteResult {
  readonly attempts: number;
  readonly resets: number;
  readonly divergentAttempts: number;
  readonly divergences: readonly Divergence[];
  readonly groups: readonly ShrunkGroup[];
  readonly runMs: number;
  readonly shrinkMs: number;
}

export const shrinkChecksMaxDefault = 40;
export const shrinkBudgetMsDefault = 300_000;
/** Other members of a group tried as the starting point when the smallest no longer reproduces. */
const shrinkStartTriesMax = 3;

async function runAll(pair: OraclePair, options: SuiteOptions): Promise<{ divergences: Divergence[]; resets: number; divergentAttempts: number }> {
  const divergences: Divergence[] = [];
  let resets = 0;
  let divergentAttempts = 0;
  const startedMs = options.nowMs();
  const every = options.progressEvery ?? 50;
  for (const [index, attempt] of options.attempts.entries()) {
    const step = await pair.step(attempt);
    if (step.reset) resets++;
    if (step.divergences.length > 0) divergentAttempts++;
    divergences.push(...step.divergences);
    options.onAttempt?.(index + 1, options.attempts.length);
    if ((index + 1) % every === 0 || index + 1 === options.attempts.length) {
      const groups = new Set(divergences.map(groupKeyOf)).size;
      const elapsed = ((options.nowMs() - startedMs) / 1000).toFixed(0);
      options.log?.(`[${String(index + 1).padStart(5)}/${options.attempts.length}] ${elapsed} s  divergent attempts ${divergentAttempts}  groups ${groups}`);
    }
  }
  return { divergences, resets, divergentAttempts };
}

function freshIdentity(attempt: Attempt, identities: Record<string, string>): Attempt | undefined {
  if (attempt.device === undefined) return undefined;
  const name = `fresh${Object.keys(identities).filter((n) => n.startsWith("fresh")).length + 1}`;
  identities[name] = seedForName(`conformance-${name}`);
  return { ...attempt, device: { ...attempt.device, identitySeed: identities[name]! } };
}

function smallestFirst(names: readonly string[], byName: ReadonlyMap<string, Attempt>): Attempt[] {
  return [...new Set(names.map((n) => n.replace(/\/reset$/, "")))]
    .map((n) => byName.get(n))
    .filter((a): a is Attempt => a !== undefined)
    .sort((a, b) => attemptSize(a) - attemptSize(b));
}

type Shrunk = Pick<ShrunkGroup, "example" | "shrink" | "note">;

/**
 * Shrinks one cluster: groups seen on exactly the same attempts (one cause shows in several fields). A candidate
 * reproduces when every group of the cluster shows again. Tries the smallest members, then the smallest with a
 * never-paired identity (pairing state has moved on since the original attempt).
 */
async function shrinkCluster(pair: OraclePair, cluster: readonly DivergenceGroup[], byName: ReadonlyMap<string, Attempt>, options: SuiteOptions, label: string): Promise<Shrunk> {
  const keys = cluster.map((g) => g.key);
  let checks = 0;
  const reproduces = async (candidate: Attempt): Promise<boolean> => {
    const step = await pair.step({ ...candidate, name: `${label}-${++checks}` });
    const seen = new Set(step.divergences.map(groupKeyOf));
    return keys.every((key) => seen.has(key));
  };
  const members = smallestFirst(cluster[0]!.attempts, byName);
  const smallest = members[0];
  if (smallest === undefined) throw new Error(`group ${cluster[0]!.key} has no known attempt`);
  const starts = members.slice(0, shrinkStartTriesMax);
  const fresh = freshIdentity(smallest, options.identities);
  if (fresh !== undefined) starts.push(fresh);
  for (const start of starts) {
    if (!(await reproduces(start))) continue;
    const result = await shrinkGreedy(start, reproduces, options.shrinkChecksMax ?? shrinkChecksMaxDefault);
    return { example: result.attempt, shrink: { checks, steps: result.steps, budgetExhausted: result.budgetExhausted } };
  }
  return { example: smallest, shrink: null, note: "did not reproduce in the later state; smallest original attempt" };
}

async function shrinkAll(pair: OraclePair, groups: readonly DivergenceGroup[], options: SuiteOptions): Promise<ShrunkGroup[]> {
  const byName = new Map(options.attempts.map((a) => [a.name, a]));
  const deadline = options.nowMs() + (options.shrinkBudgetMs ?? shrinkBudgetMsDefault);
  const clusters = new Map<string, DivergenceGroup[]>();
  for (const group of groups) {
    const key = JSON.stringify(group.attempts);
    clusters.set(key, [...(clusters.get(key) ?? []), group]);
  }
  const shrunk = new Map<string, Shrunk>();
  let index = 0;
  for (const [key, cluster] of clusters) {
    index++;
    if (options.nowMs() > deadline) {
      shrunk.set(key, { example: smallestFirst(cluster[0]!.attempts, byName)[0]!, shrink: null, note: "not shrunk: shrinking time budget spent" });
      continue;
    }
    const result = await shrinkCluster(pair, cluster, byName, options, `s${index}`);
    const fields = cluster.map((g) => g.field).join(", ");
    options.log?.(`shrunk ${index}/${clusters.size} (${fields}): ${result.shrink === null ? result.note : `${result.shrink.steps} parts dropped in ${result.shrink.checks} checks`}`);
    shrunk.set(key, result);
  }
  return groups.map((group) => ({ ...group, ...shrunk.get(JSON.stringify(group.attempts))! }));
}

/** Runs the attempts on both oracles, groups the divergences and shrinks one example per group. */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const pair = new OraclePair(options.real, options.model, options.runName, options.resetProbe, options.onStep);
  const runStart = options.nowMs();
  const ran = await runAll(pair, options);
  const shrinkStart = options.nowMs();
  const groups = groupDivergences(ran.divergences);
  if (groups.length > 0) options.log?.(`shrinking ${groups.length} divergence groups`);
  const shrunk = await shrinkAll(pair, groups, options);
  const end = options.nowMs();
  return { attempts: options.attempts.length, resets: ran.resets, divergentAttempts: ran.divergentAttempts, divergences: ran.divergences, groups: shrunk, runMs: shrinkStart - runStart, shrinkMs: end - shrinkStart };
}
