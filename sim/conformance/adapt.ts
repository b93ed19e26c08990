// Fits a generated attempt sequence to a drawn gateway configuration and mixes in operator actions: in
// trusted-proxy mode most attempts come through the proxy (user header + X-Forwarded-For; some lack one of them),
// elsewhere some carry forwarded headers; the right secret is sometimes sent in the password field; every few
// attempts a device-less cli operator approves, rejects, rotates, revokes or removes over RPC, and now and then
// the gateway restarts (a step of its own: an identity's device-token reconnect, sent once the new process
// serves). Pure; seeded.
import fc from "fast-check";

import type { Attempt, RpcCall } from "../oracle/attempt.ts";
import { identityFromSeed } from "../oracle/device-proof.ts";
import { forwardedFor, operatorClientFor, proxyHeaders, proxyUser, proxyUserHeader, type ConformanceConfig } from "./configs.ts";
import { conformanceIdentities, poolNames } from "./generate.ts";

/** One operator action in this many attempts, on average. */
const operatorEvery = 12;
/** One gateway restart in this many attempts, on average (each costs a real process start: seconds). */
const restartEvery = 100;
/** Offsets the restart draws' seed from the tweaks' (whose seeds are consecutive per configuration). */
const restartSeedOffset = 0x5eed;

type Via = "proxy" | "proxy-no-xff" | "proxy-no-user" | "direct";
type OperatorAction = "approve" | "reject" | "rotate" | "revoke" | "remove" | "list";

interface Tweak {
  readonly via: Via;
  readonly passwordField: boolean;
  readonly operator: OperatorAction | null;
  readonly target: (typeof poolNames)[number];
  readonly role: "operator" | "node";
}

const c = <T>(weight: number, value: T) => ({ weight, arbitrary: fc.constant(value) });

const tweakArb: fc.Arbitrary<Tweak> = fc.record({
  via: fc.oneof(c(16, "proxy" as const), c(1, "proxy-no-xff" as const), c(1, "proxy-no-user" as const), c(2, "direct" as const)),
  passwordField: fc.oneof(c(9, false), c(1, true)),
  operator: fc.oneof(
    c<OperatorAction | null>(operatorEvery - 1, null),
    { weight: 1, arbitrary: fc.constantFrom<OperatorAction | null>("approve", "reject", "rotate", "revoke", "remove", "list") },
  ),
  target: fc.constantFrom(...poolNames),
  role: fc.oneof(c(4, "operator" as const), c(1, "node" as const)),
});

const deviceIdOf = (name: (typeof poolNames)[number]): string => identityFromSeed(conformanceIdentities[name]).deviceId;

function operatorCall(tweak: Tweak): RpcCall {
  const deviceId = deviceIdOf(tweak.target);
  switch (tweak.operator) {
    case "approve":
      return { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
    case "reject":
      return { method: "device.pair.reject", params: { requestId: "{{lastRequestId}}" } };
    case "rotate":
      return { method: "device.token.rotate", params: { deviceId, role: tweak.role } };
    case "revoke":
      return { method: "device.token.revoke", params: { deviceId, role: tweak.role } };
    case "remove":
      return { method: "device.pair.remove", params: { deviceId } };
    case "list":
    case null:
      return { method: "device.pair.list" };
  }
}

/** A device-less cli operator with the right secret, calling one pairing/token RPC. */
export function operatorAttempt(name: string, call: RpcCall, config: ConformanceConfig): Attempt {
  return {
    name,
    probe: `operator action ${call.method}`,
    ...(config.mode === "trusted-proxy" ? { headers: proxyHeaders() } : {}),
    connect: {
      params: {
        minProtocol: 4,
        maxProtocol: 4,
        client: { ...operatorClientFor(config), version: "2026.9.6", platform: "linux" },
        role: "operator",
        scopes: ["operator.admin"],
        auth: { token: "{{gatewayToken}}" },
      },
    },
    afterHello: [call],
  };
}

function viaHeaders(via: Via, config: ConformanceConfig): Record<string, string> {
  if (config.mode !== "trusted-proxy") return via === "proxy-no-user" && config.trustedProxies ? { "x-forwarded-for": forwardedFor } : {};
  switch (via) {
    case "proxy":
      return proxyHeaders();
    case "proxy-no-xff":
      return { [proxyUserHeader]: proxyUser };
    case "proxy-no-user":
      return { "x-forwarded-for": forwardedFor };
    case "direct":
      return {};
  }
}

function withPasswordField(attempt: Attempt): Attempt {
  const connect = attempt.connect;
  if (connect === undefined || !("params" in connect)) return attempt;
  const auth = connect.params["auth"] as Record<string, unknown> | undefined;
  if (auth?.["token"] !== "{{gatewayToken}}") return attempt;
  const { token: _token, ...rest } = auth;
  return { ...attempt, connect: { ...connect, params: { ...connect.params, auth: { ...rest, password: "{{gatewayToken}}" } } } };
}

/** The attempt asking for `protocol` wherever it asked for 4 (the generator's default), for older releases. */
export function withProtocol(attempt: Attempt, protocol: number): Attempt {
  const connect = attempt.connect;
  if (protocol === 4 || connect === undefined || !("params" in connect)) return attempt;
  const p = { ...connect.params };
  if (p["minProtocol"] === 4) p["minProtocol"] = protocol;
  if (p["maxProtocol"] === 4) p["maxProtocol"] = protocol;
  return { ...attempt, connect: { ...connect, params: p } };
}

/**
 * A gateway restart, then a pool identity reconnecting with its device token only (named `<attempt>-restart`):
 * what a restart keeps (the pairing store and the tokens it issued) shows at once, where the readiness probe would
 * show nothing (it authenticates with the shared secret, and the reset probe after every refused attempt has
 * already cleared the in-memory limiter). An identity never issued a token sends the placeholder unresolved on
 * both sides.
 */
export function restartAttempt(name: string, config: ConformanceConfig, identity: (typeof poolNames)[number]): Attempt {
  return {
    name,
    probe: `gateway restarted (same config and state), then ${identity} reconnects with its device token only`,
    gatewayRestart: true,
    ...(config.mode === "trusted-proxy" ? { headers: proxyHeaders() } : {}),
    connect: {
      params: {
        minProtocol: 4,
        maxProtocol: 4,
        client: { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" },
        role: "operator",
        scopes: ["operator.read"],
        auth: { deviceToken: `{{deviceToken:${identity}}}` },
      },
    },
    device: { identitySeed: conformanceIdentities[identity], payloadVersion: "v3" },
  };
}

/** The attempts fitted to the configuration, with gateway restarts (`<attempt>-restart`) and operator actions
 *  (`<attempt>-op`) inserted before some. */
export function adaptToConfig(attempts: readonly Attempt[], config: ConformanceConfig, seed: number): Attempt[] {
  const tweaks = fc.sample(tweakArb, { seed, numRuns: attempts.length });
  const restartArb = fc.record({ restart: fc.oneof(c(restartEvery - 1, false), c(1, true)), identity: fc.constantFrom(...poolNames) });
  const restarts = fc.sample(restartArb, { seed: seed + restartSeedOffset, numRuns: attempts.length });
  const out: Attempt[] = [];
  for (const [index, attempt] of attempts.entries()) {
    const tweak = tweaks[index]!;
    // Never before the first attempt: the gateway has only just started.
    const restart = restarts[index]!;
    if (index > 0 && restart.restart) out.push(restartAttempt(`${attempt.name}-restart`, config, restart.identity));
    if (tweak.operator !== null) out.push(operatorAttempt(`${attempt.name}-op`, operatorCall(tweak), config));
    const extra = viaHeaders(tweak.via, config);
    const headers = { ...(attempt.headers ?? {}), ...extra };
    const fitted: Attempt = Object.keys(headers).length > 0 ? { ...attempt, headers } : attempt;
    out.push(tweak.passwordField ? withPasswordField(fitted) : fitted);
  }
  return out;
}
