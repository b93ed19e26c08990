// The operator rotates gateway.auth.token (T1 → T2) under connected clients of a foreground gateway. The services that read the token
// from the config pick T2 up; a node host that connects with its device token alone needs no change. The
// gateway either restarts in process (closing every session) or, where the release hot-reloads the secret,
// closes the sessions opened with the old secret (shared-secret-sessions-closed). Everyone must be back within
// a minute (converges), and a one-shot CLI on a laptop that still has T1 must be refused.
import { host } from "../src/index.ts";
const { op } = host;
import { sharedSecretSessionsClosed, type Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  checkConnected,
  clientEvents,
  identity,
  localUrl,
  remoteUrl,
  runFor,
  tokenConfig,
  tuiIdentityFields,
  warmUpMs,
} from "./support.ts";

const configReaders = ["backend", "tui"];
const everyone = [...configReaders, "node"];

export const tokenRotation: Scenario = {
  name: "token-rotation",
  description: "rotating gateway.auth.token closes the old secret's sessions where the release says so; clients with the new token converge; the old token is refused",
  expectDefault: "pass",
  expect: { "2026.2.13": "pass", "2026.2.14": "pass", "2026.2.22": "pass", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => [
    ...libraryInvariants(p, { converges: convergeOnNotes({ clients: everyone }) }),
    sharedSecretSessionsClosed({ closeLiveSessions: p.gateway.sharedSecretRotationClosesSessions }),
  ],
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.addHost({ name: "laptop", kind: "lan" });
    // In the foreground (`openclaw gateway`, no token in the shell) the config is the only source of the secret,
    // so this story is about rotation alone; a service unit that embeds the token is stale-systemd-env's.
    world.startGatewayForeground("gw");
    runFor(world, warmUpMs(world.profile));
    // The node host was paired with T1 and since connects with its stored device token only.
    world.addMachineClient("gw", { name: "node-pairing", user: "node", spec: { kind: "node", identity: identity(3) } });
    runFor(world, 3_000);
    checkConnected(ctx, ["node-pairing"], "pairing the node host with T1");
    world.client("node-pairing").stop();
    world.addClient({ name: "node", host: "gw", user: "node", client: { kind: "node", url: localUrl, identity: identity(3) } });
    world.addMachineClient("gw", { name: "backend", user: "backend", spec: { kind: "backend", identity: null } });
    world.addMachineClient("gw", { name: "tui", user: "tui", spec: { kind: "tui", identity: identity(1), ...tuiIdentityFields(world.profile) } });
    runFor(world, 3_000);
    checkConnected(ctx, everyone, "connecting before the rotation");
    world.operator("gw", op.rotateSharedToken("T2"));
    for (const name of configReaders) world.refreshClientCredentials(name);
    markConverge(ctx, "gateway.auth.token rotated to T2; the config readers picked it up");
    runFor(world, 60_000);
    world.addClient({ name: "laptop-cli", host: "laptop", client: { kind: "cli", url: remoteUrl, identity: null, explicitToken: "T1", oneShot: { method: "health" } } });
    runFor(world, 5_000);
    const result = clientEvents(world, "laptop-cli", "rpc-result").at(-1)?.data;
    ctx.check(result?.["ok"] === false, "old-token-refused", `a CLI call with the rotated-away token T1 ${result ? "succeeded" : "got no answer"}`);
  },
};
