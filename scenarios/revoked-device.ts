// A node host on a laptop was paired and connects with its device token alone. The operator revokes that
// token (`openclaw devices revoke`, the device.token.revoke RPC). Where the release closes the device's live
// sessions on revoke (2026.4+) the gateway drops it at once; elsewhere the session lives until the next
// reconnect — forced here by a gateway restart. Either way no session may open with the revoked token
// (revoked-token-refused), the refused node must stop retrying (retries-bounded: the S-Feb client never
// does), and a bystander node on the gateway host reconnects as usual (converges).
import { host } from "../src/index.ts";
const { op } = host;
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  approvePending,
  checkConnected,
  identity,
  installGateway,
  localUrl,
  remoteUrl,
  runFor,
  tokenConfig,
  warmUpMs,
} from "./support.ts";

const laptopNode = identity(21);
const bystander = identity(22);
const watchMs = 300_000;

export const revokedDevice: Scenario = {
  name: "revoked-device",
  description: "a revoked device token is refused on reconnect; the live session closes where the release says so; the refused client stops retrying",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: ["bystander"] }) }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.addHost({ name: "laptop", kind: "lan" });
    installGateway(world);
    // Pairing: both nodes ask with the shared token once; the laptop's request needs the operator.
    world.addClient({ name: "node-pairing", host: "laptop", user: "node", client: { kind: "node", url: remoteUrl, identity: laptopNode, passiveToken: "T1" } });
    world.addClient({ name: "bystander-pairing", host: "gw", user: "node", client: { kind: "node", url: localUrl, identity: bystander, passiveToken: "T1" } });
    runFor(world, 2_000);
    approvePending(world, [laptopNode.deviceId], ["node-pairing"]);
    runFor(world, 30_000);
    checkConnected(ctx, ["node-pairing", "bystander-pairing"], "pairing the nodes");
    for (const name of ["node-pairing", "bystander-pairing"]) world.client(name).stop();
    // From now on both connect with their stored device token only.
    world.addClient({ name: "node", host: "laptop", user: "node", client: { kind: "node", url: remoteUrl, identity: laptopNode } });
    world.addClient({ name: "bystander", host: "gw", user: "node", client: { kind: "node", url: localUrl, identity: bystander } });
    runFor(world, 3_000);
    checkConnected(ctx, ["node", "bystander"], "connecting with the stored device tokens");
    const revoke = world.operator("gw", op.devicesRevoke({ deviceId: laptopNode.deviceId, role: "node" }));
    ctx.check(revoke.rpc?.ok === true, "setup", `devices revoke failed: ${revoke.rpc && !revoke.rpc.ok ? revoke.rpc.error.message : "no answer"}`);
    runFor(world, 10_000);
    world.operator("gw", op.gatewayRestart());
    markConverge(ctx, "the gateway restarted after the revoke");
    runFor(world, warmUpMs(world.profile) + watchMs);
  },
};
