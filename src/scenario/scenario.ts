// A scenario: a world to build, a script to run in it, and the verdict it should get under each profile.
import type { Budgets, Seed } from "../kernel/index.ts";
import type { Profile } from "../profiles/index.ts";
import type { World } from "../world/index.ts";
import type { Invariant } from "../invariants/index.ts";
import type { Finding, Verdict } from "./result.ts";
import type { RunSpec } from "./lang/spec.ts";

export interface ScenarioContext {
  readonly world: World;
  readonly profile: Profile;
  readonly seed: Seed;
  /** Records a correctness finding unless `ok`; returns ok. */
  check(ok: boolean, invariant: string, message: string, options?: { eventIndex?: number; kind?: Finding["kind"] }): boolean;
  /** Free-form note in the trace (shown in reports). */
  note(text: string, data?: Record<string, unknown>): void;
}

export interface Scenario {
  readonly name: string;
  /** One line: what is simulated and what should hold. */
  readonly description: string;
  /** Declared verdict per profile name; profiles not listed get `expectDefault`. */
  readonly expect?: Readonly<Record<string, Verdict>>;
  readonly expectDefault: Verdict;
  readonly budgets?: Partial<Budgets>;
  /** Invariants observing the trace for the whole run, built for the run's profile. */
  readonly invariants?: (profile: Profile) => Invariant[];
  /** The data this scenario was built from (every scenario made by specScenario has one). */
  readonly spec?: RunSpec;
  run(ctx: ScenarioContext): void | Promise<void>;
}

export function expectedVerdict(scenario: Scenario, profile: string): Verdict {
  return scenario.expect?.[profile] ?? scenario.expectDefault;
}
