// What one step kind is: its schema fragment, a static check over a model of the run (names declared so far;
// never the world), how it runs against the world with the run's bindings, and how it prints in one line.
import type { RuleHandle } from "../../net/index.ts";
import type { Profile } from "../../profiles/index.ts";
import type { IssuedSetupCode, World } from "../../world/index.ts";
import type { ScenarioContext } from "../scenario.ts";
import type { RunSpec, StepKindName, StepOf } from "./spec.ts";

export type JsonSchema = Readonly<Record<string, unknown>>;

/** What check() sees: the spec and the names declared by the steps before this one. No world. */
export interface StaticModel {
  readonly spec: RunSpec;
  /** The profile the run is checked for, when known (options a release does not have are problems then). */
  readonly profile?: Profile;
  readonly identities: ReadonlySet<string>;
  readonly clients: Set<string>;
  readonly hosts: Set<string>;
  readonly machines: Set<string>;
  /** Setup codes named by earlier setupCode steps. */
  readonly setupCodes: Set<string>;
  /** Time marks set by earlier timeMark steps. */
  readonly marks: Set<string>;
  /** Clients running in a browser tab opened by URL → the tab and whether it is still open. */
  readonly browserTabs: Map<string, { readonly machine: string; readonly browser: string; readonly tab: string; open: boolean }>;
  /** The standard world (gateway-host and its peers) is there. */
  readonly standard: boolean;
  /** Records one input problem at a JSON pointer (e.g. `/steps/3/client/identity`). */
  problem(at: string, message: string): void;
}

/** The run's bindings: what steps share while the world runs. */
export interface StepEnv {
  readonly world: World;
  readonly ctx: ScenarioContext;
  readonly spec: RunSpec;
  readonly profile: Profile;
  /** Identity name → 64-hex seed. */
  readonly seeds: Readonly<Record<string, string>>;
  /** The standard world's gateway port. */
  readonly port: number;
  /** The shared token steps resolve as {{gatewayToken}} (operator rotations change it). */
  token: string;
  /** Fault rules still in force, removed by `heal`. */
  readonly rules: RuleHandle[];
  /** Named config snapshots (doctor's view at its start). */
  readonly snapshots: Map<string, unknown>;
  /** Setup codes by name (`setupCode` steps), for clients and {{bootstrapToken:NAME}}. */
  readonly setupCodes: Map<string, IssuedSetupCode>;
  /** Named instants (timeMark steps), virtual ms. */
  readonly marks: Map<string, number>;
  /** Work a step left running (a background connect): called before each later step and with final=true at
   * the end of the run; returns true once settled. */
  readonly pending: ((final: boolean) => boolean)[];
  /** Index of the step being run. */
  readonly stepIndex: number;
  /** Resolves {{gatewayToken}}, {{deviceToken:NAME[:role]}}, {{deviceId:NAME}}, {{lastRequestId}}, {{protocol}}, … */
  resolve(text: string): string;
  /** A device id by identity name (the static check made sure the name exists). */
  deviceIdOf(identity: string): string;
}

export interface StepKind<K extends StepKindName = StepKindName> {
  readonly kind: K;
  /** JSON Schema of the payload under the kind's key. */
  readonly schema: JsonSchema;
  /** Other keys this kind allows on the step (name → schema). */
  readonly extras?: Readonly<Record<string, JsonSchema>>;
  /** Static check: record problems (model.problem) and declare the names this step creates. No world. */
  check(step: StepOf<K>, model: StaticModel, at: string): void;
  run(step: StepOf<K>, env: StepEnv): void | Promise<void>;
  /** One line for reports and shrink output. */
  print(step: StepOf<K>): string;
}

/** Typed helper for kind modules. */
export function defineStepKind<K extends StepKindName>(kind: StepKind<K>): StepKind<K> {
  return kind;
}
