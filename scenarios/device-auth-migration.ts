// Seed 001 (#28305 "device-auth v2 migration diagnostics"): during the move to nonce-bound signatures, a
// migrated client connects from a LAN laptop (already paired) and legacy clients from the same laptop sign
// the wrong way: no nonce, the migrated client's accepted nonce (a replay), the pre-nonce v1
// payload, a 20-minute-old timestamp, a wrong device id. Every one must be refused (signed-over-own-challenge,
// nonce-single-use), and — the seed's change — each refusal must name its DEVICE_AUTH_* code and reason so
// the legacy client can be told what to fix. The S-Feb releases refuse with the message only.
import { scenario, specScenario, type ConnectPayload, type Scenario, type Step } from "../src/index.ts";
import { libraryIdentities, localUrl, remoteUrl, tokenConfig } from "./support.ts";

const laptop = "laptop";

/** The legacy signers, as the migration table describes them, and the diagnosis the gateway should give. */
const legacy = [
  { name: "replayed-nonce", device: { nonce: "stale" }, code: "DEVICE_AUTH_NONCE_MISMATCH", reason: "device-nonce-mismatch" },
  { name: "blank-nonce", device: { nonce: "blank" }, code: "DEVICE_AUTH_NONCE_REQUIRED", reason: "device-nonce-missing" },
  { name: "v1-payload", device: { payloadVersion: "v1" }, code: "DEVICE_AUTH_SIGNATURE_INVALID", reason: "device-signature" },
  { name: "old-signed-at", device: { signedAtOffsetMs: -20 * 60_000 }, code: "DEVICE_AUTH_SIGNATURE_EXPIRED", reason: "device-signature-stale" },
  { name: "wrong-device-id", device: { idOverride: "f".repeat(64) }, code: "DEVICE_AUTH_DEVICE_ID_MISMATCH", reason: "device-id-mismatch" },
] as const;

/** A legacy CLI's connect from `host`: protocol and signature version are the release's (placeholders). */
function connect(name: string, device: Record<string, unknown>, from = { host: laptop, url: remoteUrl }): ConnectPayload {
  return {
    name,
    probe: `legacy client: ${name}`,
    ...from,
    connect: {
      params: {
        minProtocol: "{{protocol}}",
        maxProtocol: "{{protocol}}",
        client: { id: "cli", version: "dev", platform: "linux", mode: "cli" },
        role: "operator",
        scopes: ["operator.read"],
        auth: { token: "T1" },
      },
    },
    device: { identity: "migrated", ...device },
  } as never;
}

export const deviceAuthMigrationSpec = libraryIdentities(
  scenario("device-auth-migration", "seed 001: legacy device signers are refused and every refusal names its DEVICE_AUTH_* code; a migrated client connects"),
  { migrated: 3 },
)
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail" })
  .invariants({ name: "standard", converges: false })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .host(laptop)
  .install()
  // The laptop's device was approved before the migration: pair it from the gateway host (loopback, silent).
  .step({ connect: connect("pair-on-gateway-host", {}, { host: "gw", url: localUrl }), expect: { ok: true, rule: "setup" } })
  .step({ connect: connect("migrated", {}), expect: { ok: true, rule: "migrated-client-connects" } })
  .step(...legacy.map((l): Step => ({ connect: connect(l.name, l.device), expect: { ok: false, detailCode: l.code, reason: l.reason, rule: "device-auth-diagnostics" } })))
  .wait(1_000)
  .build();

export const deviceAuthMigration: Scenario = specScenario(deviceAuthMigrationSpec);
