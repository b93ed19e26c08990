// Test harness: run raw connect attempts against a simulated gateway under a profile, in a fresh world.
import { findProfile, World, type Attempt, type GatewayConfigInput, type Outcome, type Profile } from "../../src/index.ts";
import type { PairingStore } from "../../src/gateway/index.ts";

export const port = 18789;
export const token = "secret";

export function profile(name: string, override?: { gateway?: Partial<Profile["gateway"]> }): Profile {
  const p = findProfile(name);
  if (!p) throw new Error(`no profile ${name}`);
  return override?.gateway ? { ...p, gateway: { ...p.gateway, ...override.gateway } } : p;
}

export function seedHex(n: number): string {
  return n.toString(16).padStart(2, "0").repeat(32);
}

export interface AttemptRun {
  outcomes: Outcome[];
  world: World;
}

/** Runs attempts one after another (each waits for the previous to end). `from` picks the peer's host. */
export function runAttempts(options: {
  profile: Profile;
  config?: GatewayConfigInput;
  store?: PairingStore;
  identities?: Record<string, string>;
  /** "loopback": gateway.bind loopback, as the recorded real gateways run (no Control UI origins seeded). */
  bind?: "loopback";
  /** waitMs: virtual time that passes before the attempt starts. */
  attempts: (Attempt & { from?: "local" | "remote"; waitMs?: number })[];
  seed?: bigint;
  /** Runs once the gateway is up, before the first attempt (e.g. writes a bootstrap token into its host file). */
  beforeAttempts?: (world: World) => void;
}): AttemptRun {
  const world = new World({ seed: options.seed ?? 1n, profile: options.profile });
  world.addHost({ name: "gw", kind: "lan", alsoOn: ["remote"] });
  world.addHost({ name: "far", kind: "remote" });
  world.addGateway({ name: "gateway", host: "gw", port, config: options.config ?? { auth: { mode: "token", token } }, store: options.store, ...(options.bind ? { bind: options.bind } : {}) });
  world.runFor(options.profile.gateway.startupUnavailableMs ?? 0);
  options.beforeAttempts?.(world);
  const outcomes: Outcome[] = [];
  for (const a of options.attempts) {
    const { from, waitMs, ...attempt } = a;
    if (waitMs !== undefined) world.runFor(waitMs);
    const remote = from === "remote";
    const gwAddress = remote ? "gw" : "127.0.0.1";
    const h = world.attempt({ fromHost: remote ? "far" : "gw", url: `ws://${gwAddress}:${port}`, port, gatewayToken: token, identities: options.identities, attempt });
    world.runUntil(() => h.outcome !== undefined, 60_000);
    if (!h.outcome) throw new Error(`attempt ${a.name} did not finish`);
    outcomes.push(h.outcome);
  }
  return { outcomes, world };
}

export function params(extra: Record<string, unknown> = {}, protocol = 3): Record<string, unknown> {
  return {
    minProtocol: protocol,
    maxProtocol: protocol,
    client: { id: "test", version: "1", platform: "test", mode: "test" },
    role: "operator",
    scopes: ["operator.admin"],
    auth: { token: "{{gatewayToken}}" },
    ...extra,
  };
}

export function details(o: Outcome): Record<string, unknown> {
  return (o.response?.error?.details ?? {}) as Record<string, unknown>;
}
