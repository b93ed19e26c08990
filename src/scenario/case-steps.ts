// The richer steps of a scenario file: simulated clients, faults, credential fixes and client expectations,
// plus the file's invariants by name. Kept apart from case-runner.ts, which runs attempts and operator actions.
import { identityFromSeed } from "../crypto/index.ts";
import { parseRatio } from "../kernel/index.ts";
import { drop, dropVerdict, pass, type PacketView, type RuleHandle } from "../net/index.ts";
import {
  converges,
  cve202632034,
  noSilentRemotePairing,
  nonceSingleUse,
  reconnectLoopStops,
  retriesBounded,
  revokedTokenRefused,
  scopesWithinApproval,
  sharedSecretSessionsClosed,
  signedOverOwnChallenge,
  type Invariant,
} from "../invariants/index.ts";
import type { Profile } from "../profiles/index.ts";
import type { World } from "../world/index.ts";
import type { CaseFile, CaseFrom, ClientExpect, ClientStep, FaultStep } from "./case-file.ts";
import type { ScenarioContext } from "./scenario.ts";

export const gatewayHostName = "gateway-host";

/**
 * Invariant factories a file can name. Options given in the file are passed through; options that depend on
 * the release default to the run's profile (a file may still set them, e.g. to demand what a fix does).
 */
const invariantFactories: Record<string, (options: Record<string, unknown>, profile: Profile) => Invariant> = {
  "retries-bounded": (o) => retriesBounded(o),
  "reconnect-loop-stops": (o) => reconnectLoopStops(o),
  converges: (o) => converges(o),
  "nonce-single-use": () => nonceSingleUse(),
  "signed-over-own-challenge": (o, p) => signedOverOwnChallenge({ allowMissingNonceWhenLocal: p.gateway.nonceRequired === "remote-only", ...o }),
  "scopes-within-approval": (o) => scopesWithinApproval(o),
  "revoked-token-refused": (o, p) => revokedTokenRefused({ closeLiveSessions: p.gateway.revokeClosesSessions, ...o }),
  "no-silent-remote-pairing": () => noSilentRemotePairing(),
  "cve-2026-32034": (o) => cve202632034(o),
  "shared-secret-sessions-closed": (o, p) => sharedSecretSessionsClosed({
    closeLiveSessions: typeof o["closeLiveSessions"] === "boolean" ? o["closeLiveSessions"] : p.gateway.sharedSecretRotationClosesSessions,
    ...(typeof o["closeWithinMs"] === "number" ? { closeWithinMs: o["closeWithinMs"] } : {}),
  }),
};

export const invariantNames = Object.keys(invariantFactories);

/** Builds the file's invariants; an unknown name is reported as a message (the parser rejects it first). */
export function caseInvariants(file: CaseFile, profile: Profile): Invariant[] {
  return (file.invariants ?? []).map((entry) => {
    const { name, ...options } = typeof entry === "string" ? { name: entry } : entry;
    const make = invariantFactories[name];
    if (!make) throw new Error(`unknown invariant '${name}' (one of ${invariantNames.join(", ")})`);
    return make(options, profile);
  });
}

export interface StepEnv {
  readonly ctx: ScenarioContext;
  readonly seeds: Record<string, string>;
  readonly port: number;
  /** Fault rules still in force, removed by `heal`. */
  readonly rules: RuleHandle[];
  resolve(text: string): string;
}

function gatewayAddress(world: World, kind: "lan" | "tailnet" | "remote"): string {
  const host = world.network.hosts.get(gatewayHostName);
  const address = host.interfaces.find((i) => i.kind === kind)?.address;
  if (!address) throw new Error(`the gateway host has no ${kind} address`);
  return address;
}

/** Each lan/remote client gets its own host; local clients run on the gateway's host. */
export function startClient(step: ClientStep, env: StepEnv): void {
  const { world } = env.ctx;
  const from = step.from ?? "local";
  let host = gatewayHostName;
  let url = `ws://127.0.0.1:${env.port}`;
  if (from !== "local") {
    host = `${step.name}-host`;
    world.addHost({ name: host, kind: from });
    url = from === "remote" ? `wss://${gatewayAddress(world, "remote")}:${env.port}` : `ws://${gatewayAddress(world, from)}:${env.port}`;
  }
  if (step.clockOffsetMs !== undefined) {
    if (from === "local") throw new Error(`client ${step.name}: clockOffsetMs needs its own host (from: lan or remote)`);
    world.skewClock(host, step.clockOffsetMs);
  }
  const seed = step.identity ? env.seeds[step.identity] : undefined;
  if (step.identity && !seed) throw new Error(`client ${step.name}: unknown identity '${step.identity}'`);
  world.addAnyClient({
    name: step.name,
    host,
    user: step.name,
    client: {
      kind: step.kind,
      url,
      identity: seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null,
      explicitToken: step.explicitToken !== undefined ? env.resolve(step.explicitToken) : undefined,
      passiveToken: step.passiveToken !== undefined ? env.resolve(step.passiveToken) : undefined,
      password: step.password,
      // The device-auth file keeps the token under the client's role (a node host's is role node).
      storedTokens: step.storedToken !== undefined ? { [step.kind === "node" ? "node" : "operator"]: { token: env.resolve(step.storedToken), scopes: step.scopes ?? [] } } : undefined,
      scopes: step.scopes,
      oneShot: step.oneShot,
    },
  });
}

function hostsOf(world: World, kind: CaseFrom): string[] {
  if (kind === "local") return [gatewayHostName];
  return world.network.hosts.all().filter((h) => h.name !== gatewayHostName && h.kind === kind).map((h) => h.name);
}

export function applyFault(fault: FaultStep, env: StepEnv): void {
  const { world } = env.ctx;
  const gateway = world.gateway("gateway");
  if ("partition" in fault) {
    // Evaluated per packet, so hosts added after the fault (new clients) are cut off too.
    const [a, b] = fault.partition;
    const joins = (packet: PacketView) => {
      const ends = [packet.from, packet.to];
      return ends.some((x) => hostsOf(world, a).includes(x)) && ends.some((y) => hostsOf(world, b).includes(y)) && packet.from !== packet.to;
    };
    env.rules.push(world.network.addRule({ name: `partition ${a}|${b}`, decide: (packet) => (joins(packet) ? dropVerdict : pass) }));
  } else if ("heal" in fault) {
    for (const rule of env.rules.splice(0)) rule.remove();
  } else if ("drop" in fault) {
    const ratio = parseRatio(fault.drop);
    if (!ratio) throw new Error(`drop '${fault.drop}' is not a ratio like 1/10`);
    const fromHosts = fault.from ? new Set(hostsOf(world, fault.from)) : undefined;
    env.rules.push(world.network.addRule(drop({ ratio, match: { kinds: ["frame"], ...(fromHosts ? { where: (p) => fromHosts.has(p.from) } : {}) } })));
  } else if ("restartGateway" in fault) {
    gateway.restart(undefined, fault.restartGateway.downMs ?? 0);
  } else if ("crashGateway" in fault) {
    gateway.crash();
  } else if ("startGateway" in fault) {
    gateway.start();
  } else {
    for (const host of hostsOf(world, fault.skewClock.host)) world.skewClock(host, fault.skewClock.deltaMs);
  }
  world.scheduler.record("scenario", "fault", { fault: fault as unknown as Record<string, unknown> });
}

export function checkClient(expect: ClientExpect, i: number, env: StepEnv): void {
  const { check, world } = env.ctx;
  const status = world.clientStatus(expect.name);
  const at = `step ${i} (client ${expect.name})`;
  if (expect.connected !== undefined) check(status.connected === expect.connected, "case-expect", `${at}: connected is ${status.connected}, expected ${expect.connected}`);
  if (expect.paused !== undefined) check(status.paused === expect.paused, "case-expect", `${at}: ${status.paused ? "paused" : "not paused"}, expected ${expect.paused ? "paused" : "not paused"}`);
  if (expect.attemptsMax !== undefined) check(status.attempts <= expect.attemptsMax, "case-expect", `${at}: ${status.attempts} connect attempts, expected at most ${expect.attemptsMax}`);
  if (expect.attemptsMin !== undefined) check(status.attempts >= expect.attemptsMin, "case-expect", `${at}: ${status.attempts} connect attempts, expected at least ${expect.attemptsMin}`);
}
