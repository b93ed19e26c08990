// A node host on a laptop was paired and connects with its device token alone. The operator revokes that
// token (`openclaw devices revoke`, the device.token.revoke RPC). Where the release closes the device's live
// sessions on revoke (2026.4+) the gateway drops it at once; elsewhere the session lives until the next
// reconnect — forced here by a gateway restart. Either way no session may open with the revoked token
// (revoked-token-refused), the refused node must stop retrying (retries-bounded: the S-Feb client never
// does), and a bystander node on the gateway host reconnects as usual (converges).
import { host, scenario, specScenario, type Scenario } from "../src/index.ts";
import { lanUrlFor, libraryIdentities, localUrl, nodeKeepsSharedToken, tokenConfig } from "./support.ts";
const { op } = host;

const watchMs = 300_000;

export const revokedDeviceSpec = libraryIdentities(
  scenario("revoked-device", "a revoked device token is refused on reconnect; the live session closes where the release says so; the refused client stops retrying"),
  { "laptop-node": 21, bystander: 22 },
)
  // 2026.3.2 fails like S-Feb: its client drops a failed connect's details, so it never pauses.
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail", "2026.3.2": "fail" })
  .invariants({ name: "standard", converges: { clients: ["bystander"] } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .host("laptop")
  .install()
  // Pairing: both nodes ask with the shared token once; the laptop's request needs the operator.
  .perProfile((p) => [{ client: { name: "node-pairing", host: "laptop", user: "node", kind: "node", url: lanUrlFor(p), identity: "laptop-node", passiveToken: "T1" } }])
  .client({ name: "bystander-pairing", host: "gw", user: "node", kind: "node", url: localUrl, identity: "bystander", passiveToken: "T1" })
  .wait(2_000)
  .step({ approvePending: { machine: "gw", identities: ["laptop-node"], restart: ["node-pairing"] } })
  .wait(30_000)
  .expectConnected(["node-pairing", "bystander-pairing"], "pairing the nodes")
  .stop("node-pairing", "bystander-pairing")
  // From now on both connect with their stored device token only — where the release issues node hosts one: 2026.3
  // (openclaw@2026.3.13) gives a scope-less node pairing no device token (no approved scope baseline; 3.13 seed-5
  // fixture c0004, c0024, c0074, c0096), so there they keep the shared token and the revoke has nothing to refuse.
  .perProfile((p) => [
    { client: { name: "node", host: "laptop", user: "node", kind: "node", url: lanUrlFor(p), identity: "laptop-node", ...nodeKeepsSharedToken(p) } },
    { client: { name: "bystander", host: "gw", user: "node", kind: "node", url: localUrl, identity: "bystander", ...nodeKeepsSharedToken(p) } },
  ])
  .wait(3_000)
  .expectConnected(["node", "bystander"], "connecting with the stored device tokens")
  .openclaw({ kind: "devices-revoke", deviceId: "{{deviceId:laptop-node}}", role: "node" }, { expectOk: "setup" })
  .wait(10_000)
  .openclaw(op.gatewayRestart())
  .converge("the gateway restarted after the revoke")
  .warmUp(1_000 + watchMs)
  .build();

export const revokedDevice: Scenario = specScenario(revokedDeviceSpec);
