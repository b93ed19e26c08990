// New devices ask to pair: a node host and a TUI on LAN laptops (remote: the operator must approve) and a
// backend on the gateway host (local: approved silently). The operator looks two minutes later, lists the
// requests (device.pair.list) and approves both (device.pair.approve); the users start the paused clients
// again and everyone converges. No remote pairing may be silent (no-silent-remote-pairing), no session may
// exceed what was approved (scopes-within-approval), and a waiting device must not hammer the gateway
// (retries-bounded: the S-Feb clients reconnect on "pairing required" until approved).
import { scenario, specScenario, type Scenario } from "../src/index.ts";
import { libraryIdentities, localUrl, remoteUrl, tokenConfig } from "./support.ts";

const clients = ["laptop-node", "laptop-tui", "local-backend"];
const operatorLooksAfterMs = 120_000;

export const pairingApprovalSpec = libraryIdentities(
  scenario("pairing-approval", "LAN devices wait for the operator's approval (never silent), then converge; a local backend pairs silently"),
  { "remote-node": 31, "remote-tui": 32, "local-backend": 33 },
)
  // 2026.3.2 fails like S-Feb: its client drops a failed connect's details, so it never pauses.
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail", "2026.3.2": "fail" })
  .invariants({ name: "standard", converges: { clients } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .host("laptop-a")
  .host("laptop-b")
  .install()
  .client({ name: "laptop-node", host: "laptop-a", kind: "node", url: remoteUrl, identity: "remote-node", passiveToken: "T1" })
  .client({ name: "laptop-tui", host: "laptop-b", kind: "tui", url: remoteUrl, identity: "remote-tui", passiveToken: "T1" })
  .client({ name: "local-backend", host: "gw", user: "backend", kind: "backend", url: localUrl, identity: "local-backend", passiveToken: "T1" })
  .wait(operatorLooksAfterMs)
  .step({ approvePending: { machine: "gw", identities: ["remote-node", "remote-tui"], restart: ["laptop-node", "laptop-tui"], expectApproved: 2 } })
  .converge("the operator approved both laptops")
  .wait(60_000)
  .build();

export const pairingApproval: Scenario = specScenario(pairingApprovalSpec);
