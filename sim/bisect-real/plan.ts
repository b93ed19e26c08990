// Translates a scenario (RunSpec) into what can be done to a real gateway, or says why it cannot: the gateway's
// config (auth mode and secret, rate limits, controlUi, trustedProxies), one-shot `connect` attempts from
// loopback in the shared Attempt format with their expectations, operator actions over RPC (approve, reject,
// rotate, revoke, remove) and bounded wall-clock waits. Anything else — simulated clients, machines, faults,
// clock jumps, invariants over the model's trace, a pre-written paired.json — makes the scenario not runnable
// on a real gateway. Pure: no I/O; the plan is built per profile (its protocol, signature version and `when`).
import type { Attempt } from "../oracle/attempt.ts";
import {
  identitySeedFor,
  identitySeeds,
  kindOf,
  operatorCliIdentityName,
  resolveNumbers,
  signingAttempt,
  stepApplies,
  type CaseExpect,
  type ConnectPayload,
  type OperatorAction,
  type RunSpec,
  type Step,
} from "../../src/scenario/index.ts";
import type { Profile } from "../../src/index.ts";

/** One `wait` step may ask for this much wall time on a real gateway, and a whole scenario for this much. */
export const realWaitMsMax = 120_000;
export const realWaitTotalMsMax = 300_000;

/** Operator actions a device-less script can do over the gateway's RPCs (the rest act on the host or restart). */
export const realOperatorActions = ["approve-pending", "reject-pending", "remove-device", "revoke-device-token", "rotate-device-token"] as const;
type RealOperatorAction = Extract<OperatorAction, { action: (typeof realOperatorActions)[number] }>;

export type RealStep =
  | { readonly kind: "connect"; readonly index: number; readonly attempt: Attempt; readonly expect?: CaseExpect }
  | { readonly kind: "operator"; readonly index: number; readonly action: RealOperatorAction }
  | { readonly kind: "wait"; readonly index: number; readonly ms: number };

export interface RealPlan {
  /** openclaw.json for the real gateway (gateway.* only; the launcher adds mode local and logging). */
  readonly config: Readonly<Record<string, unknown>>;
  /** What `{{gatewayToken}}` stands for (the file's gateway.auth.token, as in the model). */
  readonly gatewayToken: string;
  readonly authMode: "token" | "password" | "none";
  /** The shared secret a client presents (token or password; none in mode none). */
  readonly secret: string | null;
  /** Identity name → seed hex, the operator's own device included. */
  readonly identities: Readonly<Record<string, string>>;
  readonly protocol: number;
  readonly signatureVersion: string;
  readonly steps: readonly RealStep[];
}

export type Runnable = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const refused = (reason: string): Runnable => ({ ok: false, reason });
const placeholdersRefused = ["buildId", "bootstrapToken", "setupCode", "configToken"];
const connectKeysRefused: Record<string, string> = {
  host: "a named host of a bare world",
  url: "a named host's url",
  background: "background attempts",
  token: "a per-attempt shared token",
  sendBeforeChallenge: "the real driver sends connect after the challenge",
};

function gatewayRefusal(spec: RunSpec): string | undefined {
  const g = spec.gateway ?? {};
  const auth = g.auth ?? {};
  if (g.bind === "lan") return "gateway.bind lan (the real gateway listens on loopback only)";
  if (auth.allowTailscale === true) return "gateway.auth.allowTailscale (no tailnet here)";
  if (g.tailscale !== undefined) return "gateway.tailscale (no tailnet here)";
  if (g.nodes !== undefined) return "gateway.nodes (not driven on real gateways yet)";
  if (g.handshakeTimeoutMs !== undefined) return "gateway.handshakeTimeoutMs (not passed to real gateways yet)";
  const mode = auth.mode ?? "token";
  if (mode === "trusted-proxy") return "gateway.auth.mode trusted-proxy (no proxy in front of the real gateway)";
  if (mode === "token" && !auth.token) return "gateway.auth.token missing (a real gateway in token mode needs the token the file names)";
  if (mode === "password" && !auth.password) return "gateway.auth.password missing";
  return undefined;
}

function connectRefusal(payload: ConnectPayload): string | undefined {
  if (payload.from !== undefined && payload.from !== "local") return `from ${payload.from} (the real gateway is reached from loopback only)`;
  for (const [key, why] of Object.entries(connectKeysRefused)) {
    if ((payload as unknown as Record<string, unknown>)[key] !== undefined) return `${key}: ${why}`;
  }
  const text = JSON.stringify(payload);
  const placeholder = placeholdersRefused.find((name) => text.includes(`{{${name}`));
  return placeholder === undefined ? undefined : `{{${placeholder}}} has no counterpart on a real gateway`;
}

function stepRefusal(step: Step, waitedMs: { total: number }): string | undefined {
  const kind = kindOf(step);
  switch (kind) {
    case "connect":
      return connectRefusal((step as { connect: ConnectPayload }).connect);
    case "operator": {
      const action = (step as { operator: OperatorAction }).operator.action;
      return (realOperatorActions as readonly string[]).includes(action) ? undefined : `${action} is not an RPC a script can send`;
    }
    case "wait": {
      const ms = (step as { wait: number }).wait;
      waitedMs.total += ms;
      if (ms > realWaitMsMax) return `${ms} ms is more wall time than one real wait may take (${realWaitMsMax} ms)`;
      if (waitedMs.total > realWaitTotalMsMax) return `waits add up to more than ${realWaitTotalMsMax} ms of wall time`;
      return undefined;
    }
    case "note":
      return undefined;
    default:
      return "no real-gateway counterpart";
  }
}

/** Whether the scenario's world and every step (whatever its `when`) translate to a real gateway. */
export function runnableOnReal(spec: RunSpec): Runnable {
  if ((spec.world ?? "standard") !== "standard") return refused("world: bare (machines and hosts are simulated)");
  const waitedMs = { total: 0 };
  for (const [index, step] of spec.steps.entries()) {
    const why = stepRefusal(step, waitedMs);
    if (why !== undefined) return refused(`step ${index} (${kindOf(step)}): ${why}`);
  }
  const gateway = gatewayRefusal(spec);
  if (gateway !== undefined) return refused(gateway);
  if ((spec.pairing?.paired ?? []).length > 0) return refused("pairing (a paired.json written before the gateway starts)");
  const invariants = (spec.invariants ?? []).map((ref) => (typeof ref === "string" ? ref : ref.name));
  if (invariants.length > 0) return refused(`invariants (${invariants.join(", ")}) observe the model's trace; a real run checks expectations only`);
  return { ok: true };
}

/** gateway.* of openclaw.json from the file's gateway section (only keys runnableOnReal lets through). */
export function realGatewaySection(spec: RunSpec): Record<string, unknown> {
  const g = spec.gateway ?? {};
  const auth = g.auth ?? {};
  const mode = auth.mode ?? "token";
  return {
    gateway: {
      auth: {
        mode,
        ...(mode === "token" ? { token: auth.token } : {}),
        ...(mode === "password" ? { password: auth.password } : {}),
        ...(auth.rateLimit !== undefined ? { rateLimit: { ...auth.rateLimit } } : {}),
      },
      ...(g.controlUi !== undefined ? { controlUi: { ...g.controlUi } } : {}),
      ...(g.trustedProxies !== undefined ? { trustedProxies: [...g.trustedProxies] } : {}),
      ...(g.allowRealIpFallback !== undefined ? { allowRealIpFallback: g.allowRealIpFallback } : {}),
    },
  };
}

/** `{{deviceToken:NAME:role}}` as the real driver spells it (`NAME/role`). */
function driverSpelling(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\{\{deviceToken:([^}:/]+):([^}]+)\}\}/g, "{{deviceToken:$1/$2}}");
  if (Array.isArray(value)) return value.map(driverSpelling);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, driverSpelling(v)]));
  return value;
}

function connectStep(index: number, step: { connect: ConnectPayload; expect?: CaseExpect }, profile: Profile, seeds: Readonly<Record<string, string>>): RealStep {
  const { from: _from, ...attemptIn } = step.connect;
  const resolved = driverSpelling(resolveNumbers(attemptIn, profile)) as Attempt;
  const attempt = signingAttempt(resolved, { seeds, profile });
  return { kind: "connect", index, attempt, ...(step.expect ? { expect: step.expect } : {}) };
}

/** The plan for one profile. Precondition: runnableOnReal(spec) is ok. */
export function realPlan(spec: RunSpec, profile: Profile): RealPlan {
  const runnable = runnableOnReal(spec);
  if (!runnable.ok) throw new Error(`realPlan needs a runnable scenario: ${runnable.reason}`);
  const seeds = { ...identitySeeds(spec), [operatorCliIdentityName]: identitySeedFor(operatorCliIdentityName) };
  const auth = spec.gateway?.auth ?? {};
  const authMode = (auth.mode ?? "token") as RealPlan["authMode"];
  const steps: RealStep[] = [];
  for (const [index, step] of spec.steps.entries()) {
    if (!stepApplies(step.when, profile)) continue;
    const kind = kindOf(step);
    if (kind === "connect") steps.push(connectStep(index, step as { connect: ConnectPayload; expect?: CaseExpect }, profile, seeds));
    else if (kind === "operator") steps.push({ kind: "operator", index, action: (step as { operator: RealOperatorAction }).operator });
    else if (kind === "wait") steps.push({ kind: "wait", index, ms: (step as { wait: number }).wait });
  }
  return {
    config: realGatewaySection(spec),
    gatewayToken: auth.token ?? "",
    authMode,
    secret: authMode === "token" ? auth.token! : authMode === "password" ? auth.password! : null,
    identities: seeds,
    protocol: profile.gateway.protocolVersion,
    signatureVersion: profile.client.signatureVersion,
    steps,
  };
}
