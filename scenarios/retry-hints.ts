// Seed 000 (docs "clarify auth retry and token-drift recovery"): a Control UI whose pasted shared token and
// cached device token both went stale after the operator rotated them. Where the gateway sends recovery
// hints, the client spends its one device-token retry and stops reconnecting (AUTH_TOKEN_MISMATCH); the
// S-Feb releases send no codes or hints and the client reconnects for as long as it runs (retries-bounded).
// The operator then walks the token-drift checklist and pastes the current token; the UI converges.
import { host } from "../src/index.ts";
const { op, recoveryCommands, tokenDriftRecoveryChecklist } = host;
type Machine = host.Machine;
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import { addControlUi, addGatewayMachine, checkConnected, identity, installGateway, runFor, tokenConfig, withControlUiToken } from "./support.ts";

const tab = { browser: "chrome", tabId: "tab-1" };
const ui = { kind: "control-ui" as const, identity: identity(1), ...tab };
const stuckForMs = 600_000;
const convergeWithinMs = 60_000;

export const retryHints: Scenario = {
  name: "retry-hints",
  description: "seed 000: a Control UI with a stale token and a stale device token retries once with the device token, then stops until the operator fixes its token",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: ["ui"], convergeWithinMs }) }),
  run(ctx) {
    const { world } = ctx;
    const perTab = world.profile.client.controlUiTokenPerTab;
    const paste = (token: string) => (m: Machine) => withControlUiToken(m, { ...tab, token, perTab });
    addGatewayMachine(world, { config: tokenConfig("T1"), machine: paste("T1") });
    installGateway(world);
    addControlUi(world, "gw", { name: "ui-paired", spec: ui });
    runFor(world, 3_000);
    checkConnected(ctx, ["ui-paired"], "pairing the Control UI");
    world.client("ui-paired").stop();
    // The operator rotates the shared token and the UI's device token behind the closed tab's back.
    world.operator("gw", op.rotateSharedToken("T2"));
    world.operator("gw", op.gatewayInstall({ force: true }));
    world.operator("gw", op.devicesRotate({ deviceId: ui.identity.deviceId, role: "operator" }));
    runFor(world, 2_000);
    addControlUi(world, "gw", { name: "ui", spec: ui });
    runFor(world, stuckForMs);
    for (const command of recoveryCommands(tokenDriftRecoveryChecklist({ deviceId: ui.identity.deviceId }), { includeConditional: false })) {
      world.operator("gw", command);
    }
    world.updateMachine("gw", paste("T2"), "paste the current token in Control UI settings");
    world.refreshClientCredentials("ui");
    markConverge(ctx, "the operator pasted the current shared token into the Control UI");
    runFor(world, convergeWithinMs);
  },
};
