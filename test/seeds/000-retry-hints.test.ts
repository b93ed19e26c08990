// Seed 000 (docs "clarify auth retry and token-drift recovery"): a Control UI whose pasted shared token and
// cached device token both went stale after the operator rotated them. Under 2026.3 the gateway's
// AUTH_TOKEN_MISMATCH carries the recovery hints, the client spends its one device-token retry and then stops
// reconnecting; under 2026.2.13 there are no hints and it reconnects forever. The operator then walks the
// token-drift recovery checklist through the operator node (real RPCs over the network) and the client
// converges once its token is fixed.
import { describe, expect, it } from "vitest";
import { op, recoveryCommands, tokenDriftRecoveryChecklist } from "../../src/host/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, identity, newWorld, operatorLines, tokenConfig, withControlUiToken } from "./story.ts";

const browserTab = { browser: "chrome", tabId: "tab-1" };
const uiIdentity = identity(1);
const uiSpec = { kind: "control-ui" as const, identity: uiIdentity, ...browserTab };
const stuckForMs = 600_000;

/** Pairs the Control UI with T1, then rotates the shared token to T2 and the UI's device token behind its back. */
function staleControlUi(profileName: string): World {
  const world = newWorld(profileName);
  const perTab = world.profile.client.controlUiTokenPerTab;
  addGatewayMachine(world, { config: tokenConfig("T1"), machine: (m) => withControlUiToken(m, { ...browserTab, token: "T1", perTab }) });
  world.operator("gw", op.gatewayInstall());
  world.runFor(6_000);
  world.addMachineClient("gw", { name: "ui-paired", spec: uiSpec });
  world.runFor(3_000);
  expect(count(world, "ui-paired", "hello")).toBe(1);
  world.client("ui-paired").stop();
  world.operator("gw", op.rotateSharedToken("T2"));
  world.operator("gw", op.gatewayInstall({ force: true }));
  const rotated = world.operator("gw", op.devicesRotate({ deviceId: uiIdentity.deviceId, role: "operator" }));
  expect(rotated.rpc?.ok).toBe(true);
  world.runFor(2_000);
  world.addMachineClient("gw", { name: "ui", spec: uiSpec });
  world.runFor(stuckForMs);
  return world;
}

/** Runs the checklist's unconditional steps (config get, devices list, devices rotate) as the operator. */
function walkChecklist(world: World) {
  const commands = recoveryCommands(tokenDriftRecoveryChecklist({ deviceId: uiIdentity.deviceId }), { includeConditional: false });
  return commands.map((command) => world.operator("gw", command));
}

function pasteToken(world: World, token: string): void {
  const perTab = world.profile.client.controlUiTokenPerTab;
  world.updateMachine("gw", (m) => withControlUiToken(m, { ...browserTab, token, perTab }), "paste token in Control UI settings");
  expect(world.refreshClientCredentials("ui")).toBe(true);
}

describe("seed 000: AUTH_TOKEN_MISMATCH recovery hints and the token-drift checklist", () => {
  it("2026.3: hints on the mismatch, exactly one device-token retry, then the client stops reconnecting", () => {
    const world = staleControlUi("2026.3");
    const attempts = clientEvents(world, "ui", "connect-attempt");
    const errors = clientEvents(world, "ui", "connect-error");
    expect(attempts).toHaveLength(3);
    expect(attempts.map((e) => e.data["deviceTokenRetry"])).toEqual([false, true, false]);
    expect(errors[0]?.data["details"]).toMatchObject({
      code: "AUTH_TOKEN_MISMATCH",
      canRetryWithDeviceToken: true,
      recommendedNextStep: "retry_with_device_token",
    });
    // The retry carried the stale cached device token: the gateway says so, without another retry hint.
    expect(errors[1]?.data["details"]).toMatchObject({ code: "AUTH_DEVICE_TOKEN_MISMATCH", canRetryWithDeviceToken: false, recommendedNextStep: "update_auth_credentials" });
    expect(errors[2]?.data["detailCode"]).toBe("AUTH_TOKEN_MISMATCH");
    expect(clientEvents(world, "ui", "paused").map((e) => e.data["detailCode"])).toEqual(["AUTH_TOKEN_MISMATCH"]);
    expect(world.client("ui").state.lifecycle).toBe("paused");
  });

  it("2026.2.13: no detail codes or hints, and the client reconnects for as long as it runs", () => {
    const world = staleControlUi("2026.2.13");
    const errors = clientEvents(world, "ui", "connect-error");
    // The Control UI page's backoff, 0.8 s ×1.7 up to 15 s (read in the 2.12–9.6 bundles): 45 attempts in 10
    // minutes (24 with the other kinds' 1 s ×2 up to 30 s), none paused, all the same opaque failure.
    expect(count(world, "ui", "connect-attempt")).toBe(45);
    expect(count(world, "ui", "paused")).toBe(0);
    expect(new Set(errors.map((e) => e.data["message"]))).toEqual(new Set(["unauthorized: device token mismatch (rotate/reissue device token)"]));
    expect(errors.every((e) => e.data["details"] === undefined)).toBe(true);
    expect(world.client("ui").state.lifecycle).toBe("running");
  });

  for (const profileName of ["2026.3", "2026.2.13"]) {
    it(`${profileName}: the operator walks the checklist over the network and the client converges after its token is fixed`, () => {
      const world = staleControlUi(profileName);
      const [configGet, list, rotate] = walkChecklist(world);
      expect(configGet?.output).toEqual(["T2"]);
      expect(list?.rpc).toMatchObject({ ok: true, via: "gateway" });
      const paired = (list?.rpc?.ok ? (list.rpc.payload as { paired: { deviceId: string }[] }).paired : []).map((d) => d.deviceId);
      expect(paired).toContain(uiIdentity.deviceId);
      expect(rotate?.rpc).toMatchObject({ ok: true, payload: { deviceId: uiIdentity.deviceId, role: "operator" } });
      expect(operatorLines(world).slice(-3)).toEqual([
        "openclaw config get gateway.auth.token",
        "openclaw devices list",
        `openclaw devices rotate --device ${uiIdentity.deviceId} --role operator`,
      ]);
      // Step 5: paste the current shared token; the client connects again and stays connected.
      const attemptsBefore = count(world, "ui", "connect-attempt");
      pasteToken(world, "T2");
      world.runFor(60_000);
      expect(count(world, "ui", "hello")).toBe(1);
      expect(world.client("ui").state.handshake).toBe("connected");
      expect(count(world, "ui", "connect-attempt") - attemptsBefore).toBe(1);
    });
  }
});
