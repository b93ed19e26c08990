// attack: the adversary — a host that knows the shared token (a leaked secret) and has captured a paired
// client's signed connect frames, but holds no device's private key — makes one raw connect attempt (or a flood
// of unauthenticated sockets) named `adversary:<attack>[:<victim>]`; the adversary-refused invariant says which
// must never get a session. The victim is an identity name; its private key is used only to build what the
// adversary captured (a signature over an earlier nonce), never to sign this socket's nonce.
// `{ attack: { kind: reflect-nonce, victim: tui-0, host: adversary, url: "ws://192.0.2.50:18789", token: "{{configToken:gw}}" } }`
import type { Attempt, DeviceSpec } from "../../../world/index.ts";
import { adversaryAttemptPrefix } from "../../../invariants/index.ts";
import type { StepEnv } from "../step-kind.ts";
import { defineStepKind } from "../step-kind.ts";

export const attackKinds = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token", "preauth-flood", "bad-frame"] as const;
export type AttackKindName = (typeof attackKinds)[number];
export const badFrameShapes = ["oversized", "not-json", "wrong-first-method"] as const;
const victimAttacks: readonly AttackKindName[] = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "stale-device-token"];

export interface AttackStep {
  kind: AttackKindName;
  /** The paired client's identity whose frames the adversary captured (attacks on a device). */
  victim?: string;
  /** The victim's role (stale-device-token; default operator). */
  role?: "operator" | "node";
  /** The client the attempt is named after (`adversary:<attack>:<target>`; default: the victim). */
  target?: string;
  sockets?: number;
  shape?: (typeof badFrameShapes)[number];
  /** The adversary's host (added on the LAN if missing). */
  host: string;
  url: string;
  /** The shared token the adversary knows (placeholders allowed, e.g. {{configToken:gw}}). */
  token: string;
}

/** The adversary's own key (its device is never paired). */
const adversarySeedHex = "ad".repeat(32);
/** Bytes of an oversized first frame (well above every pre-auth cap). */
export const oversizedFrameBytes = 300_000;
/** Pre-auth sockets one flood opens at most. */
export const floodSocketsMax = 64;

export const attackKind = defineStepKind({
  kind: "attack",
  schema: {
    type: "object",
    required: ["kind", "host", "url", "token"],
    properties: {
      kind: { enum: attackKinds },
      victim: { type: "string" },
      role: { enum: ["operator", "node"] },
      target: { type: "string" },
      sockets: { type: "integer", minimum: 1, maximum: floodSocketsMax },
      shape: { enum: badFrameShapes },
      host: { type: "string" },
      url: { type: "string" },
      token: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const a = step.attack;
    if (victimAttacks.includes(a.kind) && a.victim === undefined) model.problem(`${at}/victim`, `a ${a.kind} attack needs the victim's identity`);
    if (a.victim !== undefined && !model.identities.has(a.victim)) model.problem(`${at}/victim`, `unknown identity '${a.victim}'`);
    if (a.kind === "bad-frame" && a.shape === undefined) model.problem(`${at}/shape`, "a bad-frame attack names its shape");
    if (a.kind !== "bad-frame" && a.shape !== undefined) model.problem(`${at}/shape`, "shape belongs to a bad-frame attack");
    if (a.kind !== "preauth-flood" && a.sockets !== undefined) model.problem(`${at}/sockets`, "sockets belongs to a preauth-flood attack");
  },
  run(step, env) {
    const a = step.attack;
    const { world } = env;
    if (!world.network.hosts.has(a.host)) world.addHost({ name: a.host, kind: "lan" });
    const attempt = attackAttempt(a, env);
    const copies = a.kind === "preauth-flood" ? Math.min(a.sockets ?? 1, floodSocketsMax) : 1;
    const port = Number(new URL(a.url.replace(/^ws/, "http")).port);
    const gatewayToken = env.resolve(a.token);
    for (let i = 0; i < copies; i++) world.attempt({ fromHost: a.host, url: a.url, port, gatewayToken, attempt });
  },
  print: (step) => `adversary: ${step.attack.kind}${step.attack.victim !== undefined ? ` (${step.attack.victim})` : ""}${step.attack.shape ? ` ${step.attack.shape}` : ""}`,
});

function params(env: StepEnv, fields: { role?: string; scopes?: readonly string[]; auth?: Record<string, string> }): Record<string, unknown> {
  const protocol = env.profile.gateway.protocolVersion;
  return {
    minProtocol: protocol,
    maxProtocol: protocol,
    client: { id: "cli", version: "chaos", platform: "linux", mode: "cli" },
    role: fields.role ?? "operator",
    scopes: fields.scopes ?? ["operator.admin"],
    auth: fields.auth ?? { token: "{{gatewayToken}}" },
  };
}

/** The attempt an attack sends. */
export function attackAttempt(a: AttackStep, env: StepEnv): Attempt {
  const target = a.target ?? a.victim;
  const name = `${adversaryAttemptPrefix}${a.kind}${target !== undefined ? `:${target}` : ""}`;
  const connect = { params: params(env, {}) };
  const victim = (extra: Partial<DeviceSpec>): DeviceSpec => ({ identitySeed: env.seeds[a.victim!]!, payloadVersion: "v3", ...extra });
  switch (a.kind) {
    case "replay-connect":
      // The captured frame: the victim's signature over an earlier socket's nonce.
      return { name, connect, device: victim({ nonce: "stale" }) };
    case "reflect-nonce":
      // This socket's nonce in the frame, the victim's signature over another socket's nonce.
      return { name, connect, device: victim({ nonce: "challenge", signNonce: "stale" }) };
    case "splice-signature":
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: env.deviceIdOf(a.victim!) } };
    case "downgrade-v2":
      // A captured v2 frame: the victim's v2 signature over an earlier nonce, replayed.
      return { name, connect, device: victim({ payloadVersion: "v2", nonce: "stale" }) };
    case "forge-device-id":
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: "f".repeat(64) } };
    case "stale-device-token": {
      // A revoked or rotated-away device token, without the device's key: only the key can prove the device.
      const role = a.role ?? "operator";
      const token = env.world.deviceTokenFor(env.deviceIdOf(a.victim!), role) ?? "stale-device-token";
      return { name, connect: { params: params(env, { role, scopes: role === "node" ? [] : ["operator.admin"], auth: { deviceToken: token } }) } };
    }
    case "preauth-flood":
      return { name, waitMsMax: 2_000 };
    case "bad-frame":
      if (a.shape === "oversized") return { name, connect: { params: params(env, {}), padToBytes: oversizedFrameBytes } };
      if (a.shape === "not-json") return { name, connect: { raw: "{not json" } };
      return { name, connect: { raw: '{"type":"req","id":"a1","method":"health"}' } };
  }
}
