// The interpreter: turns a RunSpec into a Scenario whose script builds the world (the standard one unless the
// spec says "bare") and runs each step through its kind's module — the only code that touches the World on a
// spec's behalf. Before each step it records `{ step: i }` (kind "step") in the trace, so reports, shrinking and
// replay speak in step indices. Steps whose `when` excludes the run's profile are not run and leave no marker.
import { ScenarioInputError } from "../../kernel/index.ts";
import { requireWithinBudget } from "../runner.ts";
import type { Scenario, ScenarioContext } from "../scenario.ts";
import { invariantsFor, stepApplies } from "./invariants.ts";
import { resolvePlaceholders } from "./placeholders.ts";
import { kindOf, moduleOf, printStep } from "./registry.ts";
import type { RunSpec } from "./spec.ts";
import type { StepEnv } from "./step-kind.ts";
import { buildStandardWorld, deviceIdFromSeed, identitySeeds, standardPort } from "./standard-world.ts";

/** A RunSpec as a Scenario the runner, the gate and the reports already know. */
export { stepApplies };

export function specScenario(spec: RunSpec): Scenario {
  const { default: verdictDefault, ...verdicts } = spec.verdicts ?? {};
  return {
    name: spec.name,
    description: spec.description ?? spec.name,
    expect: verdicts,
    expectDefault: verdictDefault ?? "pass",
    ...(spec.budgets ? { budgets: spec.budgets } : {}),
    invariants: (profile) => invariantsFor(spec.invariants ?? [], profile),
    spec,
    run: (ctx) => interpret(spec, ctx),
  };
}

async function interpret(spec: RunSpec, ctx: ScenarioContext): Promise<void> {
  const { world, profile } = ctx;
  const seeds = identitySeeds(spec);
  const standard = (spec.world ?? "standard") === "standard";
  const token = standard ? buildStandardWorld(spec, world, seeds) : "";
  if (standard) requireWithinBudget(await world.advance(profile.gateway.startupUnavailableMs ?? 0));
  const deviceIds = new Map<string, string>();
  const env: StepEnv & { stepIndex: number } = {
    world,
    ctx,
    spec,
    profile,
    seeds,
    port: standardPort,
    token,
    rules: [],
    snapshots: new Map(),
    setupCodes: new Map(),
    marks: new Map(),
    pending: [],
    stepIndex: 0,
    resolve: (text) => resolvePlaceholders(text, env),
    deviceIdOf: (name) => {
      let id = deviceIds.get(name);
      if (id === undefined) {
        const seed = seeds[name];
        if (seed === undefined) throw new Error(`unknown identity '${name}'`);
        id = deviceIdFromSeed(seed);
        deviceIds.set(name, id);
      }
      return id;
    },
  };
  const settle = (final: boolean) => {
    const open = env.pending.splice(0).filter((check) => !check(final));
    env.pending.push(...open);
  };
  for (const [i, step] of spec.steps.entries()) {
    if (!stepApplies(step.when, profile)) continue;
    settle(false);
    env.stepIndex = i;
    world.scheduler.record("scenario", "step", { step: i, kind: kindOf(step), text: printStep(step) });
    try {
      await moduleOf(step).run(step as never, env);
    } catch (error) {
      if (error instanceof ScenarioInputError) throw new ScenarioInputError(`step ${i} (${kindOf(step)}): ${error.message}`);
      throw error;
    }
  }
  settle(true);
}
