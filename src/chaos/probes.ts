// Probes: one-shot connect attempts chaos sends beside its clients, drawn with fast-check from the same
// arbitrary the conformance run replays against real gateways (src/world/attempt/generate.ts): valid and broken
// params, every device-signing option, right/wrong/missing credentials, client ids and modes, Host and Origin
// headers, RPCs after hello. They reach the answers and paths long-lived clients never take (answer shapes,
// origin rules, signature versions and skew, scope rules, probes and workers), so a mutant that changes any of
// them shows in the wire traffic. A probe is never judged on its own: the invariants judge the world around it.
import fc from "fast-check";
import { drawArbitrary, type Draws } from "./draws.ts";
import type { Attempt, DeviceSpec } from "../world/index.ts";
import type { RpcCall } from "../world/attempt/attempt.ts";
import { gatewayIdentitySeed, isGatewayIdentity } from "./worlds-gateway.ts";
import { attemptChoiceArb, attemptOf, cleanChoiceArb, conformanceIdentities, localOrigin, otherKeySeed, wrongToken, type AttemptChoice } from "../world/attempt/generate.ts";

/** The LAN host remote probes come from (its own address, so a lockout it earns touches no client). */
export const probeHost = "prober";
/** The identity a probe signs with while it presents another key (`otherKey`). */
export const probeOtherIdentity = "probe-other";
/** Probe identities: the conformance pool (its `{{deviceToken:NAME}}` placeholders name them) and the other key. */
export const probeIdentities: Readonly<Record<string, string>> = { ...conformanceIdentities, [probeOtherIdentity]: otherKeySeed };

/** A device as the step language writes it: by identity name. */
export type ProbeDevice = Omit<DeviceSpec, "identitySeed" | "otherKeySeed"> & { readonly identity: string; readonly otherKey?: string };
export type ProbeAttempt = Omit<Attempt, "device"> & { readonly device?: ProbeDevice };
export type ProbeFrom = "gateway-host" | "lan";

const seedNames = new Map<string, string>(Object.entries(probeIdentities).map(([name, seed]) => [seed, name]));

function nameOfSeed(seed: string): string {
  const name = seedNames.get(seed);
  if (name === undefined) throw new Error("probe device outside the identity pool");
  return name;
}

/** The generator's protocol 4 (2026.9's) becomes the release's own, so probes under older profiles speak it. */
function releaseProtocol(params: Record<string, unknown>): Record<string, unknown> {
  const out = { ...params };
  for (const key of ["minProtocol", "maxProtocol"]) if (out[key] === 4) out[key] = "{{protocol}}";
  return out;
}

function toProbeAttempt(attempt: Attempt): ProbeAttempt {
  const { device, connect, ...rest } = attempt;
  const params = connect && "params" in connect && connect.params ? { ...connect, params: releaseProtocol(connect.params as Record<string, unknown>) } : connect;
  const base = { ...rest, ...(params !== undefined ? { connect: params } : {}) };
  if (!device) return base;
  const { identitySeed, otherKeySeed: other, ...fields } = device;
  return { ...base, device: { identity: nameOfSeed(identitySeed), ...fields, ...(other !== undefined ? { otherKey: nameOfSeed(other) } : {}) } };
}

/**
 * What a probe adds to a generated attempt: nothing, or one twist the conformance generator leaves out — calls
 * after hello that read config or act on other devices, proxy headers from a peer no one trusts, the shared
 * secret in the password field.
 */
export const probeTwists = [
  "none",
  "sessionless-chat",
  "config-get",
  "rotate-other",
  "approve-last",
  "node-calls",
  "unauthorized-calls",
  "forwarded-for",
  "forwarded-user",
  "secret-as-password",
] as const;
type Twist = (typeof probeTwists)[number];

/** Pre-auth frame sizes past 2026.9's 64 KiB pre-auth cap (releases without the cap take them). */
const oversizedBytes = [70_000, 300_000, 600_000] as const;

/** What a probe is, before it gets its name: a generated attempt, or a socket-level shape. */
type ProbeShape =
  | { readonly kind: "attempt"; readonly choice: AttemptChoice; readonly twist: Twist }
  /** Opens a socket and says nothing: the gateway's handshake timeout closes it. */
  | { readonly kind: "idle" }
  /** A well-formed connect padded past a pre-auth cap. */
  | { readonly kind: "oversized"; readonly choice: AttemptChoice; readonly bytes: number }
  /** Many copies at once of a refused attempt: the limiters and the pre-auth socket cap. */
  | { readonly kind: "burst"; readonly refusal: BurstRefusal; readonly origin: boolean; readonly copies: number };

/** What each socket of a burst sends: a wrong token, no token, or nothing at all (pre-auth sockets). */
const burstRefusals = ["wrong-token", "no-token", "silent"] as const;
type BurstRefusal = (typeof burstRefusals)[number];
/** Sockets in a burst: a few (limiter windows) up to past 2026.9's 32 pre-auth sockets per address. */
const burstCopies = [4, 8, 12, 40] as const;

/** Twists that need a session (they add calls after hello): drawn on well-formed attempts. */
const sessionTwists = ["sessionless-chat", "config-get", "rotate-other", "approve-last", "node-calls", "unauthorized-calls"] as const;
/** Twists on the upgrade request or the credentials: drawn on any attempt. */
const requestTwists = ["forwarded-for", "forwarded-user", "secret-as-password"] as const;

const probeShapeArb: fc.Arbitrary<ProbeShape> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("attempt" as const), choice: attemptChoiceArb, twist: fc.constant("none" as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("attempt" as const), choice: attemptChoiceArb, twist: fc.constantFrom(...requestTwists) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("attempt" as const), choice: cleanChoiceArb, twist: fc.constantFrom(...sessionTwists) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "idle" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("oversized" as const), choice: attemptChoiceArb, bytes: fc.constantFrom(...oversizedBytes) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("burst" as const), refusal: fc.constantFrom(...burstRefusals), origin: fc.boolean(), copies: fc.constantFrom(...burstCopies) }) },
);

function burstAttempt(name: string, refusal: BurstRefusal, origin: boolean): Attempt {
  const headers = origin ? { headers: { origin: localOrigin } } : {};
  if (refusal === "silent") return { name, ...headers, waitMsMax: 3_000 };
  const auth = refusal === "wrong-token" ? { auth: { token: wrongToken } } : {};
  const params = { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], ...auth };
  return { name, ...headers, connect: { params } };
}

function withCalls(attempt: Attempt, calls: readonly RpcCall[]): Attempt {
  return { ...attempt, afterHello: [...(attempt.afterHello ?? []), ...calls] };
}

/** The attempt as an operator with exactly these scopes (a node attempt becomes an operator one). */
function withScopes(attempt: Attempt, scopes: readonly string[]): Attempt {
  const connect = attempt.connect;
  if (!connect || !("params" in connect)) return attempt;
  return { ...attempt, connect: { ...connect, params: { ...connect.params, role: "operator", scopes: [...scopes] } } };
}

function withHeaders(attempt: Attempt, headers: Record<string, string>): Attempt {
  return { ...attempt, headers: { ...(attempt.headers ?? {}), ...headers } };
}

function twisted(attempt: Attempt, twist: Twist): Attempt {
  switch (twist) {
    case "none":
      return attempt;
    case "sessionless-chat":
      // Well-formed but without a session key (2026.9 asks for one; earlier releases take it).
      return withCalls(attempt, [{ method: "chat.send", params: { message: "chaos probe", idempotencyKey: "chaos-probe" } }]);
    case "config-get":
      return withCalls(attempt, [{ method: "config.get", params: {} }]);
    case "rotate-other": {
      // A pairing-only caller rotates another pool device's token to admin: bounded by the caller's own scopes
      // where the release says so (it shows once that device was approved for admin by an earlier probe).
      const caller = attempt.device ? nameOfSeed(attempt.device.identitySeed) : undefined;
      const target = caller === "ann" ? "ben" : "ann";
      return withCalls(withScopes(attempt, ["operator.pairing"]), [{ method: "device.token.rotate", params: { deviceId: `{{deviceId:${target}}}`, role: "operator", scopes: ["operator.admin"] } }]);
    }
    case "unauthorized-calls":
      // A read-only session calling a pairing method again and again (the post-connect flood guard).
      return withCalls(withScopes(attempt, ["operator.read"]), Array.from({ length: 12 }, () => ({ method: "device.pair.approve", params: { requestId: "chaos-probe" } })));
    case "approve-last":
      return withCalls(attempt, [{ method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } }]);
    case "node-calls":
      return withCalls(attempt, [{ method: "node.pair.list", params: {} }, { method: "node.list", params: {} }]);
    case "forwarded-for":
      return withHeaders(attempt, { "x-forwarded-for": "203.0.113.7" });
    case "forwarded-user":
      return withHeaders(attempt, { "x-forwarded-for": "203.0.113.7", "x-forwarded-user": "probe-user" });
    case "secret-as-password": {
      const connect = attempt.connect;
      if (!connect || !("params" in connect)) return attempt;
      const auth = connect.params["auth"] as Record<string, unknown> | undefined;
      if (auth?.["token"] === undefined) return attempt;
      const { token, ...rest } = auth;
      return { ...attempt, connect: { ...connect, params: { ...connect.params, auth: { ...rest, password: token } } } };
    }
  }
}

function shapeAttempt(name: string, shape: ProbeShape): Attempt {
  switch (shape.kind) {
    case "idle":
      return { name, waitMsMax: 40_000 };
    case "oversized": {
      const attempt = attemptOf(name, shape.choice);
      const connect = attempt.connect && "params" in attempt.connect ? { ...attempt.connect, padToBytes: shape.bytes } : attempt.connect;
      return { ...attempt, ...(connect !== undefined ? { connect } : {}) };
    }
    case "attempt":
      return twisted(attemptOf(name, shape.choice), shape.twist);
    case "burst":
      return burstAttempt(name, shape.refusal, shape.origin);
  }
}

/** One array arbitrary per probe count (kept, so a fast-check source finds the same arbitrary when it shrinks). */
const probeArrayArbs = new Map<number, fc.Arbitrary<ProbeShape[]>>();

function probeArrayArb(count: number): fc.Arbitrary<ProbeShape[]> {
  let arb = probeArrayArbs.get(count);
  if (!arb) {
    arb = fc.array(probeShapeArb, { minLength: count, maxLength: count });
    probeArrayArbs.set(count, arb);
  }
  return arb;
}

/**
 * `count` probes for one seed: fast-check draws their shapes — from a seed the plan's stream gives (a Prng), or
 * straight from the generator of a fast-check plan (draws.ts).
 */
export function drawProbes(prng: Draws, count: number): { from: ProbeFrom; attempt: ProbeAttempt; copies?: number }[] {
  if (count === 0) return [];
  const shapes = drawArbitrary(prng, probeArrayArb(count));
  return shapes.map((shape, i) => {
    const remote = prng.chance({ numerator: 1, denominator: 2 });
    // A twist that needs a session comes from the gateway host, where a new device pairs without an operator.
    const needsSession = shape.kind === "attempt" && (sessionTwists as readonly string[]).includes(shape.twist);
    const copies = shape.kind === "burst" ? { copies: shape.copies } : {};
    return { from: remote && !needsSession ? "lan" : "gateway-host", attempt: toProbeAttempt(shapeAttempt(`probe-${i}`, shape)), ...copies };
  });
}

/** A probe attempt as the world runs it: identity names to seeds, the release's protocol number. */
export function probeWorldAttempt(attempt: ProbeAttempt, protocol: number): Attempt {
  const { device, connect, ...rest } = attempt;
  const params = connect && "params" in connect && connect.params ? { ...connect, params: withProtocol(connect.params as Record<string, unknown>, protocol) } : connect;
  const base = { ...rest, ...(params !== undefined ? { connect: params } : {}) };
  if (!device) return base;
  const { identity, otherKey, ...fields } = device;
  const identitySeed = isGatewayIdentity(identity) ? gatewayIdentitySeed(identity) : probeIdentities[identity]!;
  return { ...base, device: { ...fields, identitySeed, ...(otherKey !== undefined ? { otherKeySeed: probeIdentities[otherKey]! } : {}) } };
}

function withProtocol(params: Record<string, unknown>, protocol: number): Record<string, unknown> {
  const out = { ...params };
  for (const key of ["minProtocol", "maxProtocol"]) if (out[key] === "{{protocol}}") out[key] = protocol;
  return out;
}
