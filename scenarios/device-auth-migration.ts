// Seed 001 (#28305 "device-auth v2 migration diagnostics"): during the move to nonce-bound signatures, a
// migrated client connects from a LAN laptop (already paired) and legacy clients from the same laptop sign
// the wrong way: no nonce, the migrated client's accepted nonce (a replay), the pre-nonce v1
// payload, a 20-minute-old timestamp, a wrong device id. Every one must be refused (signed-over-own-challenge,
// nonce-single-use), and — the seed's change — each refusal must name its DEVICE_AUTH_* code and reason so
// the legacy client can be told what to fix. The S-Feb releases refuse with the message only.
import type { Attempt, DeviceSpec, Outcome, Scenario, ScenarioContext } from "../src/index.ts";
import { libraryInvariants } from "./invariants.ts";
import { addGatewayMachine, gatewayPort, identitySeedHex, installGateway, localUrl, remoteUrl, runFor, tokenConfig } from "./support.ts";

const laptop = "laptop";
const migratedSeed = 3;
const attemptWaitMs = 30_000;

/** The legacy signers, as the migration table describes them, and the diagnosis the gateway should give. */
const legacy: readonly { readonly name: string; readonly device: Partial<DeviceSpec>; readonly code: string; readonly reason: string }[] = [
  { name: "replayed-nonce", device: { nonce: "stale" }, code: "DEVICE_AUTH_NONCE_MISMATCH", reason: "device-nonce-mismatch" },
  { name: "blank-nonce", device: { nonce: "blank" }, code: "DEVICE_AUTH_NONCE_REQUIRED", reason: "device-nonce-missing" },
  { name: "v1-payload", device: { payloadVersion: "v1" }, code: "DEVICE_AUTH_SIGNATURE_INVALID", reason: "device-signature" },
  { name: "old-signed-at", device: { signedAtOffsetMs: -20 * 60_000 }, code: "DEVICE_AUTH_SIGNATURE_EXPIRED", reason: "device-signature-stale" },
  { name: "wrong-device-id", device: { idOverride: "f".repeat(64) }, code: "DEVICE_AUTH_DEVICE_ID_MISMATCH", reason: "device-id-mismatch" },
];

function connect(ctx: ScenarioContext, name: string, device: Partial<DeviceSpec>, from = { host: laptop, url: remoteUrl }): Outcome | undefined {
  const protocol = ctx.profile.gateway.protocolVersion;
  const attempt: Attempt = {
    name,
    probe: `legacy client: ${name}`,
    connect: {
      params: {
        minProtocol: protocol,
        maxProtocol: protocol,
        client: { id: "cli", version: "dev", platform: "linux", mode: "cli" },
        role: "operator",
        scopes: ["operator.read"],
        auth: { token: "{{gatewayToken}}" },
      },
    },
    device: { identitySeed: identitySeedHex(migratedSeed), payloadVersion: ctx.profile.client.signatureVersion, ...device },
  };
  const handle = ctx.world.attempt({ fromHost: from.host, url: from.url, port: gatewayPort, gatewayToken: "T1", attempt });
  ctx.world.runUntil(() => handle.outcome !== undefined, attemptWaitMs);
  ctx.check(handle.outcome !== undefined, "setup", `attempt ${name} got no outcome within ${attemptWaitMs} ms`, { kind: "liveness" });
  return handle.outcome;
}

export const deviceAuthMigration: Scenario = {
  name: "device-auth-migration",
  description: "seed 001: legacy device signers are refused and every refusal names its DEVICE_AUTH_* code; a migrated client connects",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: false }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.addHost({ name: laptop, kind: "lan" });
    installGateway(world);
    // The laptop's device was approved before the migration: pair it from the gateway host (loopback, silent).
    const paired = connect(ctx, "pair-on-gateway-host", {}, { host: "gw", url: localUrl });
    ctx.check(paired?.response?.ok === true, "setup", `the laptop's device could not pair: ${paired?.response?.error?.message ?? "no answer"}`);
    const migrated = connect(ctx, "migrated", {});
    ctx.check(migrated?.response?.ok === true, "migrated-client-connects", `the migrated v2/v3 signer was refused: ${migrated?.response?.error?.message ?? "no answer"}`);
    for (const l of legacy) {
      const outcome = connect(ctx, l.name, l.device);
      const error = outcome?.response?.error;
      ctx.check(outcome?.response?.ok === false, "legacy-signer-refused", `legacy signer ${l.name} was let in`);
      const details = (error?.details ?? {}) as { code?: unknown; reason?: unknown };
      ctx.check(
        details.code === l.code && details.reason === l.reason,
        "device-auth-diagnostics",
        `legacy signer ${l.name} was refused with "${error?.message ?? "?"}" but no ${l.code}/${l.reason} diagnosis (details: ${JSON.stringify(error?.details ?? null)})`,
      );
    }
    runFor(world, 1_000);
  },
};
