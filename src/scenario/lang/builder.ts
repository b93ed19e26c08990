// Typed builders that produce RunSpec data (never code): `scenario(name, description)` then verbs that append
// steps, `perProfile(p => Step[])` for set-up that differs by release (emitted as `when: { profiles }` variants,
// so the data stays one spec for every release), and `build()` → RunSpec. What a builder produces is exactly
// what `pnpm sim export` writes and a file holds.
import { profiles, type Profile } from "../../profiles/index.ts";
import type { OperatorCommand } from "../../host/index.ts";
import type { Verdict } from "../result.ts";
import type {
  ClientStep,
  GatewaySection,
  InvariantRef,
  MachineClientStep,
  MachineStep,
  OpenclawStep,
  RunSpec,
  Step,
  StepWhen,
} from "./spec.ts";

/** The library's gateway host: LAN address (TEST-NET-1, private enough for the client's insecure-ws guard). */
export const libraryGatewayAddress = "192.0.2.50";
export const libraryPort = 18789;
export const libraryLocalUrl = `ws://127.0.0.1:${libraryPort}`;
export const libraryRemoteUrl = `ws://${libraryGatewayAddress}:${libraryPort}`;

/** The hex seed of a deterministic identity: 32 bytes of n (the library's identity(n)). */
export function filledSeedHex(n: number): string {
  return Buffer.from(new Uint8Array(32).fill(n)).toString("hex");
}

export class ScenarioBuilder {
  private readonly spec: RunSpec;

  constructor(name: string, description: string) {
    this.spec = { name, description, steps: [] };
  }

  /** Declared verdicts; every profile is written out (`default` fills the ones not named). */
  verdicts(verdicts: Record<string, Verdict>): this {
    const fallback = verdicts["default"] ?? "pass";
    this.spec.verdicts = Object.fromEntries(profiles.map((p) => [p.name, verdicts[p.name] ?? fallback]));
    return this;
  }

  invariants(...refs: InvariantRef[]): this {
    this.spec.invariants = [...(this.spec.invariants ?? []), ...refs];
    return this;
  }

  /** Invariants that differ by release: equal outputs share one `when: { profiles }`. */
  invariantsPerProfile(fn: (profile: Profile) => InvariantRef[]): this {
    const groups = groupByProfile(fn);
    const refs = groups.length === 1 ? groups[0]!.items : groups.flatMap((g) => g.items.map((ref) => withProfiles(ref, g.profiles)));
    return this.invariants(...refs);
  }

  /** An identity by name with a 64-hex seed or the library's identity(n). */
  identity(name: string, seed: string | number): this {
    const ids = (this.spec.identities ?? {}) as Record<string, string>;
    ids[name] = typeof seed === "number" ? filledSeedHex(seed) : seed;
    this.spec.identities = ids;
    return this;
  }

  /** Steps build the world (hosts, machines, gateways) instead of the standard one. */
  bare(): this {
    this.spec.world = "bare";
    return this;
  }

  gateway(section: GatewaySection): this {
    this.spec.gateway = section;
    return this;
  }

  budgets(budgets: NonNullable<RunSpec["budgets"]>): this {
    this.spec.budgets = budgets;
    return this;
  }

  step(...steps: Step[]): this {
    this.spec.steps.push(...steps);
    return this;
  }

  /** Steps that differ by release: fn runs for every profile; equal outputs share one `when: { profiles }`. */
  perProfile(fn: (profile: Profile) => Step[]): this {
    this.spec.steps.push(...perProfile(fn));
    return this;
  }

  host(name: string, kind: "lan" | "tailnet" | "remote" = "lan", address?: string): this {
    return this.step({ host: { name, kind, ...(address !== undefined ? { address } : {}) } });
  }

  /** Host "gw" (LAN 192.0.2.50) with machine "gw" holding `config`. */
  gatewayMachine(options: Omit<MachineStep, "name" | "host"> & { name?: string }): this {
    const name = options.name ?? "gw";
    this.host(name, "lan", libraryGatewayAddress);
    return this.step({ machine: { ...options, name, host: name } });
  }

  /** `openclaw …` at machine `machine` (default gw). */
  openclaw(command: OperatorCommand, options: Omit<OpenclawStep, "machine" | "command"> & { machine?: string } = {}): this {
    const { machine = "gw", ...rest } = options;
    return this.step({ openclaw: { machine, command: { ...command } as OpenclawStep["command"], ...rest } });
  }

  /** `openclaw gateway install` on gw, then the release's start-up window. */
  install(machine = "gw"): this {
    return this.openclaw({ kind: "gateway-install", force: false }, { machine }).warmUp();
  }

  warmUp(plusMs?: number): this {
    return this.step({ warmUp: plusMs !== undefined ? { plusMs } : {} });
  }

  machineClient(client: Omit<MachineClientStep, "machine"> & { machine?: string }): this {
    return this.step({ machineClient: { machine: "gw", ...client } });
  }

  client(client: ClientStep): this {
    return this.step({ client });
  }

  wait(ms: number): this {
    return this.step({ wait: ms });
  }

  converge(text: string): this {
    return this.step({ converge: text });
  }

  note(text: string): this {
    return this.step({ note: text });
  }

  stop(...clients: string[]): this {
    return this.step(...clients.map((c) => ({ stop: c })));
  }

  expectConnected(clients: string[], whileDoing: string): this {
    return this.step({ expectConnected: { clients, while: whileDoing } });
  }

  build(): RunSpec {
    return structuredClone(this.spec);
  }
}

export function scenario(name: string, description: string): ScenarioBuilder {
  return new ScenarioBuilder(name, description);
}

/** fn's steps for every profile, grouped: identical step lists share one `when: { profiles }`. */
export function perProfile(fn: (profile: Profile) => Step[], among: readonly Profile[] = profiles): Step[] {
  const groups = groupByProfile(fn, among);
  if (groups.length === 1) return groups[0]!.items;
  return groups.flatMap((g) => g.items.map((step) => ({ ...step, when: narrow(step.when, g.profiles) }) as Step));
}

function groupByProfile<T>(fn: (profile: Profile) => T[], among: readonly Profile[] = profiles): { items: T[]; profiles: string[] }[] {
  const groups: { key: string; items: T[]; profiles: string[] }[] = [];
  for (const profile of among) {
    const items = fn(profile);
    const key = JSON.stringify(items);
    const group = groups.find((g) => g.key === key);
    if (group) group.profiles.push(profile.name);
    else groups.push({ key, items, profiles: [profile.name] });
  }
  return groups;
}

function withProfiles(ref: InvariantRef, names: string[]): InvariantRef {
  const object = typeof ref === "string" ? { name: ref } : ref;
  return { ...object, when: narrow(object.when, names) };
}

function narrow(when: StepWhen | undefined, names: readonly string[]): StepWhen {
  const profilesIn = when?.profiles ? names.filter((n) => when.profiles!.includes(n)) : [...names];
  return { ...(when ?? {}), profiles: profilesIn };
}
