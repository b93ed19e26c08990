// Seed 002 (PR #28428 "Fix gateway daemon token drift after token rotation"): the service unit embeds the old
// token. The operator runs `openclaw doctor --fix` while rotating gateway.auth.token to T2 — doctor read the
// config before the rotation landed (the PR review's pitfall (a)) — and hands T2 to a laptop backend and a
// TUI. The naive repair of the releases before the fix writes its stale copy back (T1) and the gateway keeps
// T1: the T2 clients never get in (converges) and the S-Feb ones retry for ever (retries-bounded). The safe
// repair reloads the config first, keeps T2 and leaves a tokenless, config-first service.
import { host, scenario, specScenario, type Scenario } from "../src/index.ts";
import { libraryIdentities, remoteUrl, tokenConfig } from "./support.ts";
const { op } = host;

const unrelated = { agents: { main: { model: "anthropic/claude" } } };
const watchMs = 300_000;

export const daemonTokenDriftSpec = libraryIdentities(
  scenario("daemon-token-drift", "seed 002: doctor --fix racing a token rotation must not undo it; clients holding the rotated token converge after the repair"),
  { tui: 1 },
)
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail" })
  .invariants({ name: "standard", converges: { clients: ["laptop-backend", "tui"] } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1", unrelated), cliIdentity: "operator-cli", legacyUnit: { config: tokenConfig("T1") } })
  .host("laptop")
  .step({ gatewayStart: { machine: "gw", via: "service" } })
  .warmUp()
  // doctor --fix reads the config, the operator rotates the token, doctor writes its repair.
  .step({ snapshot: { machine: "gw", as: "doctor-start" } })
  .openclaw(op.rotateSharedToken("T2"))
  .openclaw(op.doctor({ fix: true }), { doctorSnapshot: "doctor-start", otherDoctorFixesPending: true })
  .step({ expectConfig: { machine: "gw", path: "gateway.auth.token", equals: "T2", rule: "rotation-survives-repair" } })
  .warmUp()
  .converge("doctor --fix finished; the operator hands the rotated token T2 to the laptop and the TUI")
  .client({ name: "laptop-backend", host: "laptop", kind: "backend", url: remoteUrl, passiveToken: "T2" })
  .machineClient({ name: "tui", user: "tui", kind: "tui", identity: "tui", flags: { token: "T2" } })
  .wait(watchMs)
  .build();

export const daemonTokenDrift: Scenario = specScenario(daemonTokenDriftSpec);
