// The gateway service runs from a legacy systemd unit that embeds OPENCLAW_GATEWAY_TOKEN=T1 (the machine was
// upgraded without `gateway install --force`). The operator rotates gateway.auth.token to T2 and restarts the
// service; the services that read the token from the config restart with T2. An env-first gateway keeps T1,
// so they fail — and the S-Feb clients retry for ever (retries-bounded) instead of stopping. Releases with
// config-first resolution inside the service take T2 and nothing breaks. `gateway install --force` ends it.
import { host, scenario, specScenario, type Scenario } from "../src/index.ts";
import { libraryIdentities, tokenConfig } from "./support.ts";
const { op } = host;

// Paired before the rotation (they also hold a stored device token), and one set up after it (config token only).
const services = [
  { name: "paired-backend", kind: "backend", identity: "paired-backend" },
  { name: "paired-node", kind: "node", identity: "paired-node" },
  { name: "new-backend", kind: "backend", identity: null },
] as const;
const paired = ["paired-backend", "paired-node"];
const stuckForMs = 300_000;

export const staleSystemdEnvSpec = libraryIdentities(
  scenario("stale-systemd-env", "a legacy unit embeds the old gateway token; after rotation and a service restart, clients holding the new token must connect, or at least stop retrying"),
  { "paired-backend": 1, "paired-node": 2 },
)
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail" })
  .invariants({ name: "standard", converges: { clients: services.map((s) => s.name) } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli", legacyUnit: { config: tokenConfig("T1") } })
  .step({ gatewayStart: { machine: "gw", via: "service" } })
  .warmUp()
  .step(...services.filter((s) => paired.includes(s.name)).map((s) => ({ machineClient: { machine: "gw", name: `${s.name}-before`, user: s.name, kind: s.kind, identity: s.identity } })))
  .wait(3_000)
  .expectConnected(paired.map((n) => `${n}-before`), "pairing with T1")
  .stop(...paired.map((n) => `${n}-before`))
  .openclaw(op.rotateSharedToken("T2"))
  .openclaw(op.gatewayRestart())
  .warmUp()
  .step(...services.map((s) => ({ machineClient: { machine: "gw", name: s.name, user: s.name, kind: s.kind, identity: s.identity } })))
  .converge("the services restarted with the rotated token from the config")
  .wait(stuckForMs)
  // The fix in every release: reinstall the unit (legacy installers embed T2, fixed ones write it tokenless).
  .openclaw(op.gatewayInstall({ force: true }))
  .converge("gateway install --force rewrote the unit and restarted the service")
  .wait(60_000)
  .build();

export const staleSystemdEnv: Scenario = specScenario(staleSystemdEnvSpec);
