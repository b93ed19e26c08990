// Seed 000 (docs "clarify auth retry and token-drift recovery"): a Control UI whose pasted shared token and
// cached device token both went stale after the operator rotated them. Where the gateway sends recovery
// hints, the client spends its one device-token retry and stops reconnecting (AUTH_TOKEN_MISMATCH); the
// S-Feb releases send no codes or hints and the client reconnects for as long as it runs (retries-bounded).
// The operator then walks the token-drift checklist and pastes the current token; the UI converges.
import { host, scenario, specScenario, type OpenclawStep, type Scenario, type Step } from "../src/index.ts";
import { controlUiPageOrigin, libraryIdentities, tokenConfig } from "./support.ts";
const { op, recoveryCommands, tokenDriftRecoveryChecklist } = host;

const tab = { browser: "chrome", tabId: "tab-1" };
const ui = { kind: "control-ui", identity: "ui", ...tab, pageOrigin: controlUiPageOrigin } as const;
const stuckForMs = 600_000;
const convergeWithinMs = 60_000;

/** The operator's recovery checklist for the UI's device (without the conditional re-pair), as openclaw steps. */
const recovery: Step[] = recoveryCommands(tokenDriftRecoveryChecklist({ deviceId: "{{deviceId:ui}}" }), { includeConditional: false }).map(
  (command) => ({ openclaw: { machine: "gw", command: { ...command } as OpenclawStep["command"] } }),
);

export const retryHintsSpec = libraryIdentities(
  scenario("retry-hints", "seed 000: a Control UI with a stale token and a stale device token retries once with the device token, then stops until the operator fixes its token"),
  { ui: 1 },
)
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail" })
  .invariants({ name: "standard", converges: { clients: ["ui"], convergeWithinMs } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .step({ browserToken: { machine: "gw", ...tab, token: "T1" } })
  .install()
  .machineClient({ name: "ui-paired", ...ui })
  .wait(3_000)
  .expectConnected(["ui-paired"], "pairing the Control UI")
  .stop("ui-paired")
  // The operator rotates the shared token and the UI's device token behind the closed tab's back.
  .openclaw(op.rotateSharedToken("T2"))
  .openclaw(op.gatewayInstall({ force: true }))
  .openclaw({ kind: "devices-rotate", deviceId: "{{deviceId:ui}}", role: "operator" })
  .wait(2_000)
  .machineClient({ name: "ui", ...ui })
  .wait(stuckForMs)
  .step(...recovery)
  .step({ browserToken: { machine: "gw", ...tab, token: "T2", what: "paste the current token in Control UI settings" } })
  .step({ refresh: "ui" })
  .converge("the operator pasted the current shared token into the Control UI")
  .wait(convergeWithinMs)
  .build();

export const retryHints: Scenario = specScenario(retryHintsSpec);
