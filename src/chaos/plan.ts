// A chaos plan: a generated world (gateway machine, clients with their credential sources) and a timeline of
// operator, host, network and adversary steps for the safety phase, drawn from the seed on the "chaos:plan"
// stream with per-seed swarm weights. A plan is data, so a failing run is shrunk by dropping clients and steps
// (and by pulling steps earlier) and replayed from a short path.
import { Prng, type Seed } from "../kernel/index.ts";
import type { Draws } from "./draws.ts";
import type { FaultPreset } from "./preset.ts";
import { drawSwarm, pickKind, type SwarmWeights } from "./swarm.ts";
import { drawProbes } from "./probes.ts";
import { drawClientWorld } from "./worlds-client.ts";
import { drawGatewayWorld, type GatewayWorldFields } from "./worlds-gateway.ts";
import { stepClient, tokenSites, type Attack, type ChaosStep, type NetFault, type SwarmKind, type TimedStep } from "./steps.ts";

export type ChaosClientKind = "tui" | "backend" | "node" | "control-ui";

/**
 * Where a client's shared token comes from: a `--token` flag (explicit), the process's own service env
 * (own-env), the login shell it was started from (shell: shell env, then `.env`, then config), the browser's
 * storage (Control UI), or a token the operator handed to a remote machine (handed).
 */
export type CredentialSource = "explicit" | "own-env" | "shell" | "browser" | "handed";

export interface ChaosClient {
  readonly name: string;
  readonly kind: ChaosClientKind;
  readonly on: "gateway-host" | "lan";
  /** Has a device identity (and so gets paired and stores a device token). */
  readonly withDevice: boolean;
  readonly credential: CredentialSource;
}

/** The gateway machine as the operator found it (plus the gateway-world draw's fields, worlds-gateway.ts). */
export interface ChaosGatewaySpec extends GatewayWorldFields {
  /** The service unit embeds OPENCLAW_GATEWAY_TOKEN (installed by a legacy release). */
  readonly legacyUnit: boolean;
  /** gateway.controlUi.allowInsecureAuth. */
  readonly allowInsecureAuth: boolean;
  /** The operator's shell exports OPENCLAW_GATEWAY_TOKEN. */
  readonly shellToken: boolean;
  /** `~/.openclaw/.env` sets OPENCLAW_GATEWAY_TOKEN. */
  readonly dotEnvToken: boolean;
  /** gateway.auth.rateLimit (present only when drawn, so worlds drawn before it existed stay as they were). */
  readonly rateLimit?: ChaosRateLimit;
  /** gateway.controlUi.allowedOrigins (present only when a client-world episode opens a LAN tab). */
  readonly allowedOrigins?: readonly string[];
}

/** A failed-auth limiter the operator configured; lockouts stay short enough for the heal to outlast them. */
export interface ChaosRateLimit {
  readonly maxAttempts: number;
  readonly windowMs: number;
  readonly lockoutMs: number;
  readonly exemptLoopback: boolean;
}

export interface ChaosPlan {
  readonly seed: Seed;
  readonly preset: string;
  readonly swarm: SwarmWeights;
  readonly gateway: ChaosGatewaySpec;
  readonly clients: readonly ChaosClient[];
  /** Sorted by atMs; atMs counts from the start of the safety phase. */
  readonly steps: readonly TimedStep[];
  readonly safetyMs: number;
  /** After the heal, every long-lived client must have a session within this long (liveness). */
  readonly convergeWithinMs: number;
}

export const safetyMsDefault = 120_000;
/** Covers a connection lost in a partition (127 s connect timeout) plus a 30 s backoff step. */
export const chaosConvergeWithinMsDefault = 200_000;
/** The first shared token; rotations count up from T2. */
export const firstToken = "T1";
/** Draws allowed to find an applicable step before a slot stays empty. */
const stepDrawsMax = 8;

const localKinds: readonly ChaosClientKind[] = ["tui", "backend", "node", "control-ui"];
const lanKinds: readonly ChaosClientKind[] = ["backend", "node", "tui", "control-ui"];

function drawGateway(prng: Draws): ChaosGatewaySpec {
  const half = { numerator: 1, denominator: 2 };
  return {
    legacyUnit: prng.chance(half),
    allowInsecureAuth: prng.chance({ numerator: 1, denominator: 3 }),
    shellToken: prng.chance(half),
    dotEnvToken: prng.chance({ numerator: 1, denominator: 3 }),
  };
}

/** A third of the worlds configure the failed-auth limiter (its own stream: the rest of the draw is unchanged). */
function drawRateLimit(prng: Draws): ChaosRateLimit | undefined {
  if (!prng.chance({ numerator: 1, denominator: 3 })) return undefined;
  return {
    maxAttempts: prng.int(2, 10),
    windowMs: prng.pick([10_000, 60_000]),
    lockoutMs: prng.pick([5_000, 30_000, 60_000]),
    exemptLoopback: prng.chance({ numerator: 1, denominator: 2 }),
  };
}

function drawClient(prng: Draws, i: number): ChaosClient {
  const on = prng.chance({ numerator: 2, denominator: 3 }) ? "gateway-host" : "lan";
  const kind = prng.pick(on === "lan" ? lanKinds : localKinds);
  const name = `${kind}-${i}`;
  if (kind === "control-ui") {
    // A Control UI has a device identity only in a secure context: on the gateway host (localhost).
    return { name, kind, on, withDevice: on === "gateway-host", credential: on === "lan" ? "handed" : "browser" };
  }
  const withDevice = kind !== "backend" || prng.chance({ numerator: 1, denominator: 2 });
  if (on === "lan") return { name, kind, on, withDevice, credential: prng.pick(["handed", "explicit"] as const) };
  const credential = prng.pick(kind === "tui" ? (["explicit", "shell"] as const) : (["explicit", "own-env", "shell"] as const));
  return { name, kind, on, withDevice, credential };
}

/**
 * `gatewayWorld: false` leaves out the gateway-world draw, `pairingTwists: false` only its pairing twists (tests
 * show the rest of the plan does not depend on them).
 */
export function generatePlan(seed: Seed, preset: FaultPreset, options: PlanOptions = {}): ChaosPlan {
  return drawPlan(seed, new Prng(seed, "chaos:plan"), preset, options);
}

export interface PlanOptions {
  readonly gatewayWorld?: boolean;
  readonly pairingTwists?: boolean;
}

/**
 * The whole plan from one source of draws: a chaos seed's "chaos:plan" stream (generatePlan), or a fast-check
 * generator (plan-arbitrary.ts). `seed` is the run's seed (the world's streams and the clients' identities).
 */
export function drawPlan(seed: Seed, prng: Draws, preset: FaultPreset, options: PlanOptions = {}): ChaosPlan {
  const swarm = drawSwarm(prng.fork("swarm"));
  const rateLimit = drawRateLimit(prng.fork("gateway-limiter"));
  // Client-side episodes (worlds-client.ts) come from a stream of their own; half the seeds draw none.
  const clientWorld = preset.clientWorlds === false ? undefined : drawClientWorld(prng.fork("client-worlds"), safetyMsDefault);
  const origins = clientWorld?.allowedOrigins;
  const gateway = { ...drawGateway(prng.fork("gateway")), ...(rateLimit ? { rateLimit } : {}), ...(origins ? { allowedOrigins: origins } : {}) };
  const clientPrng = prng.fork("clients");
  const clientCount = clientPrng.int(preset.clientsMin, preset.clientsMax);
  const clients = Array.from({ length: clientCount }, (_, i) => drawClient(clientPrng, i));
  const stepPrng = prng.fork("steps");
  const count = stepPrng.int(preset.stepsMin, preset.stepsMax);
  const tokens = { next: 2, rotations: 0 };
  const steps: TimedStep[] = [];
  for (let i = 0; i < count; i++) {
    const atMs = stepPrng.int(5_000, safetyMsDefault - 10_000);
    const step = drawStep(stepPrng, swarm, clients, preset, tokens);
    if (step) steps.push({ atMs, step });
  }
  // Probes come from a stream of their own, so the timeline above is the same with or without them.
  const probePrng = prng.fork("probes");
  for (const probe of drawProbes(probePrng, swarm.probe * preset.probesPerWeight)) {
    steps.push({ atMs: probePrng.int(5_000, safetyMsDefault - 10_000), step: { kind: "probe", ...probe } });
  }
  steps.push(...(clientWorld?.steps ?? []));
  // Gateway-side worlds and twists, on their own stream too (a seed that draws none keeps its plan).
  const pairingTwists = options.pairingTwists === false ? { pairingTwists: false } : {};
  const gatewayWorldOptions = { safetyMs: safetyMsDefault, allowedOrigins: origins, limiterMaxAttempts: rateLimit?.maxAttempts, ...pairingTwists };
  const gatewayWorld =
    options.gatewayWorld === false ? { fields: {}, steps: [] } : drawGatewayWorld(prng.fork("gateway-world"), gatewayWorldOptions);
  steps.push(...gatewayWorld.steps);
  steps.sort((a, b) => a.atMs - b.atMs);
  return { seed, preset: preset.name, swarm, gateway: { ...gateway, ...gatewayWorld.fields }, clients, steps, safetyMs: safetyMsDefault, convergeWithinMs: chaosConvergeWithinMsDefault };
}

interface TokenCounter {
  next: number;
  /** Device rotations drawn so far: names each one's own stream, so drawing its scopes leaves every other draw as it was. */
  rotations: number;
}

function drawStep(prng: Draws, swarm: SwarmWeights, clients: readonly ChaosClient[], preset: FaultPreset, tokens: TokenCounter): ChaosStep | undefined {
  for (let draw = 0; draw < stepDrawsMax; draw++) {
    const kind = pickKind(prng, swarm);
    if (kind === undefined) return undefined;
    const step = stepOfKind(prng, kind, clients, preset, tokens);
    if (step) return step;
  }
  return undefined;
}

function stepOfKind(prng: Draws, kind: SwarmKind, clients: readonly ChaosClient[], preset: FaultPreset, tokens: TokenCounter): ChaosStep | undefined {
  const paired = clients.filter((c) => c.withDevice);
  switch (kind) {
    case "rotate-token":
      return { kind, site: prng.pick(tokenSites), token: `T${tokens.next++}` };
    case "gateway-restart":
      return { kind };
    case "gateway-install":
      return { kind, force: prng.chance({ numerator: 3, denominator: 4 }) };
    case "doctor-fix":
      return prng.chance({ numerator: 1, denominator: 2 }) ? { kind, racesRotationTo: `T${tokens.next++}` } : { kind };
    case "device-rotate": {
      if (paired.length === 0) return undefined;
      const client = prng.pick(paired);
      // One operator rotation in three names operator.admin (--scope): the gateway bounds it by the device's
      // approved scopes (rotateScopeBaseline) where the release does.
      const widen = client.kind !== "node" && prng.fork(`rotate-scope-${tokens.rotations++}`).chance({ numerator: 1, denominator: 3 });
      return { kind, client: client.name, ...(widen ? { scopes: ["operator.admin"] } : {}) };
    }
    case "device-revoke":
    case "device-remove":
    case "identity-loss":
      return paired.length > 0 ? { kind, client: prng.pick(paired).name } : undefined;
    case "approve-pending":
    case "reject-pending":
      return { kind };
    case "relaunch":
      return clients.length > 0 ? { kind, client: prng.pick(clients).name } : undefined;
    case "fault":
      return { kind, fault: drawFault(prng, clients, preset), durationMs: prng.int(1_000, preset.episodeMsMax) };
    case "adversary":
      return { kind, attack: drawAttack(prng, clients) };
    case "probe":
      return undefined;
  }
}

function drawFault(prng: Draws, clients: readonly ChaosClient[], preset: FaultPreset): NetFault {
  const lan = clients.filter((c) => c.on === "lan");
  switch (prng.int(0, 6)) {
    case 0:
      return { kind: "drop" };
    case 1:
      return { kind: "duplicate" };
    case 2:
      return lan.length > 0 ? { kind: "partition", client: prng.pick(lan).name } : { kind: "reset-all" };
    case 3:
      return { kind: "reset-all" };
    case 4:
      return { kind: "process-restart", downMs: prng.int(0, 5_000) };
    case 5:
      return { kind: "gateway-crash", downMs: prng.int(500, 10_000) };
    default:
      return lan.length > 0 ? { kind: "clock-jump", client: prng.pick(lan).name, deltaMs: prng.int(-preset.skewMsMax, preset.skewMsMax) } : { kind: "drop" };
  }
}

function drawAttack(prng: Draws, clients: readonly ChaosClient[]): Attack {
  const paired = clients.filter((c) => c.withDevice);
  const victim = paired.length > 0 ? prng.pick(paired).name : undefined;
  const kinds = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token"] as const;
  if (victim !== undefined && prng.chance({ numerator: 2, denominator: 3 })) return { kind: prng.pick(kinds), client: victim };
  if (prng.chance({ numerator: 1, denominator: 2 })) return { kind: "preauth-flood", sockets: prng.int(8, 48) };
  return { kind: "bad-frame", shape: prng.pick(["oversized", "not-json", "wrong-first-method"] as const) };
}

/** A step pulled earlier by the shrinker: step index and its new start (ms into the safety phase). */
export interface StepRetime {
  readonly index: number;
  readonly atMs: number;
}

/** The part of a plan a replay path keeps: indices of clients and steps, and steps pulled earlier. */
export interface PlanSelection {
  readonly clients: readonly number[];
  readonly steps: readonly number[];
  readonly retimed?: readonly StepRetime[];
}

export function selectPlan(plan: ChaosPlan, selection: PlanSelection): ChaosPlan {
  const clients = selection.clients.map((i) => plan.clients[i]).filter((c): c is ChaosClient => c !== undefined);
  const names = new Set(clients.map((c) => c.name));
  const retimed = new Map((selection.retimed ?? []).map((r) => [r.index, r.atMs]));
  const steps = selection.steps
    .map((i) => {
      const s = plan.steps[i];
      return s && retimed.has(i) ? { ...s, atMs: retimed.get(i)! } : s;
    })
    .filter((s): s is TimedStep => s !== undefined)
    .filter((s) => {
      const client = stepClient(s.step);
      return client === undefined || names.has(client);
    })
    .sort((a, b) => a.atMs - b.atMs);
  return { ...plan, clients, steps };
}

export function fullSelection(plan: ChaosPlan): PlanSelection {
  return { clients: plan.clients.map((_, i) => i), steps: plan.steps.map((_, i) => i) };
}

/** "c0.2.3-e1.4@20000": the clients and steps kept; `@ms` moves a step to that time. Short enough for an issue. */
export function formatReplayPath(selection: PlanSelection): string {
  const retimed = new Map((selection.retimed ?? []).map((r) => [r.index, r.atMs]));
  const step = (i: number) => (retimed.has(i) ? `${i}@${retimed.get(i)}` : `${i}`);
  return `c${selection.clients.join(".")}-e${selection.steps.map(step).join(".")}`;
}

export function parseReplayPath(text: string): PlanSelection | undefined {
  const m = /^c((?:\d+(?:\.\d+)*)?)-e((?:\d+(?:@\d+)?(?:\.\d+(?:@\d+)?)*)?)$/.exec(text.trim());
  if (!m) return undefined;
  const clients = m[1] ? m[1].split(".").map(Number) : [];
  const steps: number[] = [];
  const retimed: StepRetime[] = [];
  for (const part of m[2] ? m[2].split(".") : []) {
    const [index, at] = part.split("@").map(Number);
    steps.push(index!);
    if (at !== undefined) retimed.push({ index: index!, atMs: at });
  }
  if ([...clients, ...steps, ...retimed.map((r) => r.atMs)].some((n) => !Number.isSafeInteger(n) || n < 0)) return undefined;
  return retimed.length > 0 ? { clients, steps, retimed } : { clients, steps };
}
