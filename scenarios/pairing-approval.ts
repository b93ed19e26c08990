// New devices ask to pair: a node host and a TUI on LAN laptops (remote: the operator must approve) and a
// backend on the gateway host (local: approved silently). The operator looks two minutes later, lists the
// requests (device.pair.list) and approves both (device.pair.approve); the users start the paused clients
// again and everyone converges. No remote pairing may be silent (no-silent-remote-pairing), no session may
// exceed what was approved (scopes-within-approval), and a waiting device must not hammer the gateway
// (retries-bounded: the S-Feb clients reconnect on "pairing required" until approved).
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  approvePending,
  identity,
  installGateway,
  localUrl,
  remoteUrl,
  runFor,
  tokenConfig,
  tuiIdentityFields,
} from "./support.ts";

const remote = { node: identity(31), tui: identity(32) };
const local = identity(33);
const clients = ["laptop-node", "laptop-tui", "local-backend"];
const operatorLooksAfterMs = 120_000;

export const pairingApproval: Scenario = {
  name: "pairing-approval",
  description: "LAN devices wait for the operator's approval (never silent), then converge; a local backend pairs silently",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients }) }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    for (const host of ["laptop-a", "laptop-b"]) world.addHost({ name: host, kind: "lan" });
    installGateway(world);
    world.addClient({ name: "laptop-node", host: "laptop-a", client: { kind: "node", url: remoteUrl, identity: remote.node, passiveToken: "T1" } });
    world.addClient({ name: "laptop-tui", host: "laptop-b", client: { kind: "tui", url: remoteUrl, identity: remote.tui, passiveToken: "T1", ...tuiIdentityFields(world.profile) } });
    world.addClient({ name: "local-backend", host: "gw", user: "backend", client: { kind: "backend", url: localUrl, identity: local, passiveToken: "T1" } });
    runFor(world, operatorLooksAfterMs);
    const approved = approvePending(world, [remote.node.deviceId, remote.tui.deviceId], ["laptop-node", "laptop-tui"]);
    ctx.check(approved.length === 2, "pairing-requests-listed", `devices list showed ${approved.length} of the 2 laptop requests`);
    markConverge(ctx, "the operator approved both laptops");
    runFor(world, 60_000);
  },
};
