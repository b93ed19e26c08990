// The standard world of a scenario file: the gateway host (LAN 192.0.2.10, also on the tailnet and reachable
// remotely) running gateway "gateway" on port 18789 with the file's `gateway` config and pre-seeded paired.json,
// peers lan-peer / tailnet-peer / remote-peer, and machine "gateway-host" whose config the operator's `openclaw`
// CLI reads (its device, "operator-cli", pairs silently on loopback like the real CLI on the gateway host).
import { createHash } from "node:crypto";
import { identityFromSeed } from "../../crypto/index.ts";
import { randomToken } from "../../kernel/index.ts";
import { normalizeDeviceAuthScopes } from "../../protocol/index.ts";
import { emptyPairingStore, type PairingStore } from "../../gateway/index.ts";
import { createMachine, type GatewayConfig } from "../../host/index.ts";
import type { World } from "../../world/index.ts";
import type { RunSpec } from "./spec.ts";
import type { StaticModel } from "./step-kind.ts";
import { gatewayBind, gatewayConfigInput } from "./gateway-section.ts";

export const standardPort = 18789;
export const gatewayHostName = "gateway-host";
export const standardGatewayName = "gateway";

/** Static check of a step's `gateway`: every gateway a scenario starts is named "gateway" (standard or on a machine). */
export function checkGatewayName(name: string | undefined, model: StaticModel, at: string, requiredInBare = false): void {
  if (name !== undefined && name !== standardGatewayName) model.problem(`${at}/gateway`, `no gateway named '${name}' (a scenario's gateway is named '${standardGatewayName}')`);
  else if (requiredInBare && name === undefined && !model.standard) model.problem(`${at}/gateway`, "in a bare world name the gateway");
}
export const gatewayMachineName = "gateway-host";
export const operatorCliIdentityName = "operator-cli";
export const standardPeers = { lan: "lan-peer", tailnet: "tailnet-peer", remote: "remote-peer" } as const;

export function identitySeedFor(name: string): string {
  return createHash("sha256").update(`clawsim-identity:${name}`).digest("hex");
}

export function identitySeeds(spec: RunSpec): Record<string, string> {
  if (Array.isArray(spec.identities)) return Object.fromEntries(spec.identities.map((n) => [n, identitySeedFor(n)]));
  return { ...(spec.identities ?? {}) };
}

export function deviceIdFromSeed(seedHex: string): string {
  return identityFromSeed(Uint8Array.from(Buffer.from(seedHex, "hex"))).deviceId;
}

/** Builds the standard world; returns the shared token {{gatewayToken}} starts as. */
export function buildStandardWorld(spec: RunSpec, world: World, seeds: Readonly<Record<string, string>>): string {
  world.addHost({ name: gatewayHostName, kind: "lan", alsoOn: ["tailnet", "remote"] });
  world.addHost({ name: standardPeers.tailnet, kind: "tailnet" });
  world.addHost({ name: standardPeers.lan, kind: "lan" });
  world.addHost({ name: standardPeers.remote, kind: "remote" });
  const auth = spec.gateway?.auth;
  const gateway = world.addGateway({
    name: standardGatewayName,
    host: gatewayHostName,
    port: standardPort,
    config: gatewayConfigInput(spec.gateway),
    ...(gatewayBind(spec.gateway) ? { bind: gatewayBind(spec.gateway) } : {}),
    store: seededStore(spec, seeds, world),
  });
  // Pre-seeded device tokens are reachable as {{deviceToken:NAME}} like ones issued during the run.
  for (const seed of Object.values(seeds)) {
    const deviceId = deviceIdFromSeed(seed);
    for (const t of Object.values(gateway.state.store.paired[deviceId]?.tokens ?? {})) world.rememberDeviceToken(deviceId, t.role, t.token);
  }
  addOperatorMachine(spec, world);
  return auth?.token ?? "";
}

/** paired.json as written on disk before the gateway starts (the one store edit outside the gateway). */
function seededStore(spec: RunSpec, seeds: Readonly<Record<string, string>>, world: World): PairingStore {
  const store = emptyPairingStore();
  const prng = world.scheduler.stream("case:pairing");
  for (const entry of spec.pairing?.paired ?? []) {
    const id = identityFromSeed(Uint8Array.from(Buffer.from(seeds[entry.identity]!, "hex")));
    const role = entry.role ?? "operator";
    const scopes = normalizeDeviceAuthScopes(entry.scopes ?? ["operator.admin"]);
    store.paired[id.deviceId] = {
      deviceId: id.deviceId,
      publicKey: id.publicKeyBase64Url,
      role,
      roles: [role],
      scopes,
      approvedScopes: scopes,
      tokens: { [role]: { token: randomToken(prng), role, scopes, createdAtMs: 0 } },
      createdAtMs: 0,
      approvedAtMs: 0,
    };
  }
  return store;
}

function addOperatorMachine(spec: RunSpec, world: World): void {
  const auth = spec.gateway?.auth ?? {};
  const config = {
    gateway: {
      mode: "local",
      port: standardPort,
      bind: "lan",
      auth: { mode: auth.mode ?? "token", ...(auth.token !== undefined ? { token: auth.token } : {}), ...(auth.password !== undefined ? { password: auth.password } : {}) },
    },
  };
  const machine = createMachine({ name: gatewayMachineName, config: config as GatewayConfig, dotEnvText: null });
  const cliIdentity = identityFromSeed(Uint8Array.from(Buffer.from(identitySeedFor(operatorCliIdentityName), "hex")));
  world.addMachine({ name: gatewayMachineName, host: gatewayHostName, machine, cliIdentity });
}

/** The host and URL a standard-world peer uses to reach the gateway. */
export function standardOrigin(from: "local" | "lan" | "tailnet" | "remote"): { host: string; url: string } {
  if (from === "local") return { host: gatewayHostName, url: `ws://127.0.0.1:${standardPort}` };
  return { host: standardPeers[from], url: `ws://${gatewayHostName}:${standardPort}` };
}
