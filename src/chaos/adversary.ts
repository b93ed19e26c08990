// The adversary actor: a host on the LAN that knows the shared token (a leaked secret) and has captured a
// paired client's signed connect frames, but holds no device's private key. Each attack is one raw connect
// attempt (src/world/attempt) named `adversary:<attack>:<target>`; the adversary-refused invariant says which
// of them must never get a session. Floods and malformed frames must not hurt legitimate clients (converges).
import { assertNever } from "../kernel/index.ts";
import type { Attempt, DeviceSpec } from "../world/index.ts";
import { gatewayPort, remoteUrl, type ChaosWorld } from "./chaos-world.ts";
import type { Attack } from "./steps.ts";
import { configToken } from "./timeline.ts";
import { adversaryAttemptPrefix } from "../invariants/index.ts";

export const adversaryHost = "adversary";
/** The adversary's own key (its device is never paired). */
const adversarySeedHex = "ad".repeat(32);
/** Bytes of an oversized first frame (well above every pre-auth cap). */
export const oversizedFrameBytes = 300_000;
/** Pre-auth sockets one flood opens at most. */
export const floodSocketsMax = 64;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function params(cw: ChaosWorld, fields: { client?: Record<string, string>; role?: string; scopes?: readonly string[]; auth?: Record<string, string> }): Record<string, unknown> {
  const protocol = cw.world.profile.gateway.protocolVersion;
  return {
    minProtocol: protocol,
    maxProtocol: protocol,
    client: fields.client ?? { id: "cli", version: "chaos", platform: "linux", mode: "cli" },
    role: fields.role ?? "operator",
    scopes: fields.scopes ?? ["operator.admin"],
    auth: fields.auth ?? { token: "{{gatewayToken}}" },
  };
}

function victimDevice(cw: ChaosWorld, client: string, extra: Partial<DeviceSpec>): DeviceSpec | undefined {
  const identity = cw.clients.get(client)?.identity;
  if (!identity) return undefined;
  return { identitySeed: hex(identity.privateKeySeed), payloadVersion: "v3", ...extra };
}

/** The attempt an attack sends, or undefined when its target has no device. */
export function attackAttempt(cw: ChaosWorld, attack: Attack): Attempt | undefined {
  const name = `${adversaryAttemptPrefix}${attack.kind}${"client" in attack ? `:${attack.client}` : ""}`;
  const connect = { params: params(cw, {}) };
  const withDevice = (client: string, extra: Partial<DeviceSpec>): Attempt | undefined => {
    const device = victimDevice(cw, client, extra);
    return device ? { name, connect, device } : undefined;
  };
  switch (attack.kind) {
    case "replay-connect":
      // The captured frame: the victim's signature over an earlier socket's nonce.
      return withDevice(attack.client, { nonce: "stale" });
    case "reflect-nonce":
      // This socket's nonce in the frame, the victim's signature over another socket's nonce.
      return withDevice(attack.client, { nonce: "challenge", signNonce: "stale" });
    case "splice-signature": {
      const victim = cw.clients.get(attack.client)?.identity;
      if (!victim) return undefined;
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: victim.deviceId } };
    }
    case "downgrade-v2":
      // A captured v2 frame: the victim's v2 signature over an earlier nonce, replayed.
      return withDevice(attack.client, { payloadVersion: "v2", nonce: "stale" });
    case "forge-device-id":
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: "f".repeat(64) } };
    case "stale-device-token": {
      const victim = cw.clients.get(attack.client)?.identity;
      if (!victim) return undefined;
      // A revoked or rotated-away device token, without the device's key: only the key can prove the device.
      const role = cw.clients.get(attack.client)!.spec.kind === "node" ? "node" : "operator";
      const token = cw.world.deviceTokenFor(victim.deviceId, role) ?? "stale-device-token";
      return { name, connect: { params: params(cw, { role, scopes: role === "node" ? [] : ["operator.admin"], auth: { deviceToken: token } }) } };
    }
    case "preauth-flood":
      return { name, waitMsMax: 2_000 };
    case "bad-frame":
      if (attack.shape === "oversized") return { name, connect: { params: params(cw, {}), padToBytes: oversizedFrameBytes } };
      if (attack.shape === "not-json") return { name, connect: { raw: "{not json" } };
      return { name, connect: { raw: '{"type":"req","id":"a1","method":"health"}' } };
    default:
      return assertNever(attack, "attack");
  }
}

export function runAttack(cw: ChaosWorld, attack: Attack): void {
  const { world } = cw;
  if (!world.network.hosts.has(adversaryHost)) world.addHost({ name: adversaryHost, kind: "lan" });
  const attempt = attackAttempt(cw, attack);
  if (!attempt) return;
  const copies = attack.kind === "preauth-flood" ? Math.min(attack.sockets, floodSocketsMax) : 1;
  for (let i = 0; i < copies; i++) {
    world.attempt({ fromHost: adversaryHost, url: remoteUrl, port: gatewayPort, gatewayToken: configToken(cw), attempt });
  }
}
