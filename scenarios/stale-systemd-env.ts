// The gateway service runs from a legacy systemd unit that embeds OPENCLAW_GATEWAY_TOKEN=T1 (the machine was
// upgraded without `gateway install --force`). The operator rotates gateway.auth.token to T2 and restarts the
// service; the services that read the token from the config restart with T2. An env-first gateway keeps T1,
// so they fail — and the S-Feb clients retry for ever (retries-bounded) instead of stopping. Releases with
// config-first resolution inside the service take T2 and nothing breaks. `gateway install --force` ends it.
import { host } from "../src/index.ts";
const { op } = host;
import type { MachineClientSpec, Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import { addGatewayMachine, checkConnected, identity, runFor, tokenConfig, warmUpMs, withLegacyUnit } from "./support.ts";

const services: Record<string, MachineClientSpec> = {
  // Paired before the rotation: they also hold a stored device token.
  "paired-backend": { kind: "backend", identity: identity(1) },
  "paired-node": { kind: "node", identity: identity(2) },
  // Set up after the rotation: only the config token.
  "new-backend": { kind: "backend", identity: null },
};
const paired = ["paired-backend", "paired-node"];
const stuckForMs = 300_000;

export const staleSystemdEnv: Scenario = {
  name: "stale-systemd-env",
  description: "a legacy unit embeds the old gateway token; after rotation and a service restart, clients holding the new token must connect, or at least stop retrying",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: Object.keys(services) }) }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1"), machine: withLegacyUnit(tokenConfig("T1"), world.profile) });
    world.startGatewayService("gw");
    runFor(world, warmUpMs(world.profile));
    for (const name of paired) world.addMachineClient("gw", { name: `${name}-before`, user: name, spec: services[name]! });
    runFor(world, 3_000);
    checkConnected(ctx, paired.map((n) => `${n}-before`), "pairing with T1");
    for (const name of paired) world.client(`${name}-before`).stop();
    world.operator("gw", op.rotateSharedToken("T2"));
    world.operator("gw", op.gatewayRestart());
    runFor(world, warmUpMs(world.profile));
    for (const [name, spec] of Object.entries(services)) world.addMachineClient("gw", { name, user: name, spec });
    markConverge(ctx, "the services restarted with the rotated token from the config");
    runFor(world, stuckForMs);
    // The fix in every release: reinstall the unit (legacy installers embed T2, fixed ones write it tokenless).
    world.operator("gw", op.gatewayInstall({ force: true }));
    markConverge(ctx, "gateway install --force rewrote the unit and restarted the service");
    runFor(world, 60_000);
  },
};
