// runScenario: builds the world, runs the script, collects findings from checks, budgets, assertions and
// invariants, and returns a RunResult value. It prints nothing; reporters format the result.
import { createHash } from "node:crypto";
import { AssertionFailure, LimitReached, ScenarioInputError, canonicalJson, type BudgetName, type Budgets, type RunOutcome, type Seed } from "../kernel/index.ts";
import type { RunSpec } from "./lang/spec.ts";
import type { Profile } from "../profiles/index.ts";
import { World, type WorldOptions } from "../world/index.ts";
import { withSharedTraceReaders, type Invariant } from "../invariants/index.ts";
import { expectedVerdict, type Scenario, type ScenarioContext } from "./scenario.ts";
import type { Finding, RunResult } from "./result.ts";
import { clawsimVersion } from "./version.ts";

export interface RunOptions {
  readonly seed: Seed;
  readonly profile: Profile;
  readonly source?: RunResult["source"];
  /** Overrides the scenario's own budgets. */
  readonly budgets?: Partial<Budgets>;
  /** Run the real OpenClaw client wherever the scenario adds clients through addAnyClient. */
  readonly realClientModule?: WorldOptions["realClientModule"];
  /** Stream the trace out of memory past a threshold (see World); the result's events are then the tail only. */
  readonly traceSpill?: WorldOptions["traceSpill"];
  /** When the network sweeps finished connections (tests lower it to sweep on every connect; same trace). */
  readonly connectionsSweepMin?: number;
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const world = new World({ seed: options.seed, profile: options.profile, budgets: { ...scenario.budgets, ...options.budgets }, realClientModule: options.realClientModule, traceSpill: options.traceSpill, ...(options.connectionsSweepMin !== undefined ? { connectionsSweepMin: options.connectionsSweepMin } : {}) });
  const findings: Finding[] = [];
  // The runner feeds every invariant every event in order, so their trace readers can share one reading.
  const invariants: Invariant[] = withSharedTraceReaders(() => scenario.invariants?.(options.profile) ?? []);
  const unsubscribe = world.trace.subscribe((event) => {
    for (const inv of invariants) inv.onEvent(event);
  });
  const ctx: ScenarioContext = {
    world,
    profile: options.profile,
    seed: options.seed,
    check(ok, invariant, message, extra) {
      if (!ok) {
        const last = world.trace.events.at(-1);
        const at = extra?.eventIndex ?? last?.i;
        findings.push({ kind: extra?.kind ?? "correctness", invariant, message, firstEventIndex: at, atMs: world.scheduler.nowMs() });
        world.scheduler.record("checker", "check", { invariant, ok: false, message });
      }
      return ok;
    },
    note(text, data = {}) {
      world.scheduler.record("scenario", "note", { text, ...data });
    },
  };
  let outcome: RunOutcome = { kind: "quiescent", steps: 0, atMs: 0 };
  try {
    await scenario.run(ctx);
    outcome = { kind: "reached", steps: world.scheduler.steps, atMs: world.scheduler.nowMs() };
  } catch (error) {
    // The scenario's own mistake: bad input for the caller to answer, never a finding.
    if (error instanceof ScenarioInputError) throw error;
    if (error instanceof BudgetExceeded || error instanceof LimitReached) {
      const exceeded = error instanceof BudgetExceeded ? error.outcome : ({ kind: "budget-exceeded", budget: error.budget, steps: error.steps, atMs: error.atMs } as const);
      outcome = exceeded;
      findings.push({ kind: "liveness", invariant: "budget", message: `run exceeded its ${budgetLabel[exceeded.budget]} budget at ${exceeded.atMs} ms after ${exceeded.steps} steps`, atMs: exceeded.atMs, firstEventIndex: world.trace.events.at(-1)?.i });
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      findings.push({ kind: "crash", invariant: error instanceof AssertionFailure ? "assertion" : "exception", message, atMs: world.scheduler.nowMs(), firstEventIndex: world.trace.events.at(-1)?.i });
    }
  }
  for (const inv of invariants) findings.push(...inv.finish({ nowMs: world.scheduler.nowMs() }));
  unsubscribe();
  const verdict = findings.length === 0 ? "pass" : "fail";
  world.scheduler.record("checker", "verdict", { verdict, findings: findings.length });
  return buildResult(scenario, options, world, outcome, findings, verdict);
}

const budgetLabel: Record<BudgetName, string> = { steps: "step", "virtual-time": "virtual-time", "queue-length": "event-queue length", connections: "connection-count" };

/** Scripts call this to turn a budget outcome into a liveness finding. */
export class BudgetExceeded extends Error {
  constructor(readonly outcome: Extract<RunOutcome, { kind: "budget-exceeded" }>) {
    super(`budget exceeded: ${outcome.budget}`);
  }
}

export function requireWithinBudget(outcome: RunOutcome): void {
  if (outcome.kind === "budget-exceeded") throw new BudgetExceeded(outcome);
}

function buildResult(scenario: Scenario, options: RunOptions, world: World, outcome: RunOutcome, findings: Finding[], verdict: "pass" | "fail"): RunResult {
  const events = world.trace.events;
  const actors: string[] = [];
  const seen = new Set<string>();
  let frames = 0;
  let connects = 0;
  for (const e of events) {
    if (!seen.has(e.actor)) {
      seen.add(e.actor);
      actors.push(e.actor);
    }
    if (e.kind === "frame.deliver") frames++;
    if (e.kind === "conn.open") connects++;
  }
  const source = options.source ?? { kind: "library" as const };
  const target = source.kind === "file" ? `run ${source.path}` : scenario.name;
  const budgetFlags = [
    options.budgets?.stepsMax !== undefined ? ` --steps-max ${options.budgets.stepsMax}` : "",
    options.budgets?.virtualTimeMsMax !== undefined ? ` --virtual-ms-max ${options.budgets.virtualTimeMsMax}` : "",
  ].join("");
  return {
    scenario: scenario.name,
    description: scenario.description,
    profile: options.profile.name,
    seed: options.seed.toString(),
    version: clawsimVersion,
    outcome,
    verdict,
    expected: expectedVerdict(scenario, options.profile.name),
    findings,
    traceHash: world.trace.hash(),
    events,
    actors,
    stats: { steps: world.scheduler.steps, virtualMs: world.scheduler.nowMs(), frames, connects },
    replayCommand: `pnpm sim ${target} --seed ${options.seed.toString()} --profile ${options.profile.name}${budgetFlags}`,
    source,
    ...(scenario.spec ? { runSpec: { content: scenario.spec, hash: runSpecHash(scenario.spec) } } : {}),
  };
}

/** SHA-256 (hex) of a RunSpec's canonical JSON: what trace.json records next to the spec. */
export function runSpecHash(spec: RunSpec): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex");
}
