import { describe, expect, it } from "vitest";
import type { ServiceSwitches } from "../../src/profiles/types.ts";
import {
  configFileFromConfig,
  configGet,
  createMachine,
  devicesRpc,
  gatewayServiceEnv,
  op,
  readEmbeddedGatewayToken,
  recoveryCommands,
  resolveServerGatewayAuth,
  runOperatorCommand,
  tokenDriftRecoveryChecklist,
  type Machine,
  type OperatorContext,
} from "../../src/host/index.ts";

const legacy: ServiceSwitches = {
  unitEmbedsToken: true,
  serviceTokenResolution: "env-first",
  auditCodes: ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"],
  doctorRepair: "naive",
  customBindFallback: "all", containerDetection: "none", tokenBootstrap: "refuse", configSchemaGaps: [],
};
const landed: ServiceSwitches = { ...legacy, unitEmbedsToken: false, serviceTokenResolution: "config-first-in-service", doctorRepair: "safe" };
const ctx = (switches: ServiceSwitches): OperatorContext => ({ switches, version: "2026.2.13" });

function host(): Machine {
  return createMachine({ name: "gw-host", config: { gateway: { mode: "local", auth: { mode: "token", token: "old" } } } });
}

describe("command lines", () => {
  it("prints the CLI form reports show", () => {
    expect(String(op.devicesRotate({ deviceId: "abc", role: "operator" }))).toBe("openclaw devices rotate --device abc --role operator");
    expect(String(op.devicesRotate({ deviceId: "abc", role: "operator", scopes: ["operator.read", "operator.write"] }))).toBe(
      "openclaw devices rotate --device abc --role operator --scope operator.read --scope operator.write",
    );
    expect(String(op.devicesRevoke({ deviceId: "abc", role: "node" }))).toBe("openclaw devices revoke --device abc --role node");
    expect(String(op.devicesApprove("req-1", { url: "wss://gw.example", token: "t" }))).toBe(
      "openclaw devices approve req-1 --url wss://gw.example --token t",
    );
    expect(String(op.configSet("gateway.port", 19001))).toBe("openclaw config set gateway.port 19001");
    expect(String(op.configSet("gateway.auth.token", "has space"))).toBe("openclaw config set gateway.auth.token 'has space'");
    expect(String(op.gatewayInstall({ force: true }))).toBe("openclaw gateway install --force");
    expect(String(op.doctor({ fix: true }))).toBe("openclaw doctor --fix");
    expect(op.devicesList()).toEqual({ kind: "devices-list" }); // toString is not part of structural equality
  });

  it("maps devices commands to gateway RPCs that need operator.pairing (or admin)", () => {
    expect(devicesRpc(op.devicesList())).toMatchObject({ method: "device.pair.list", params: {} });
    expect(devicesRpc(op.devicesApprove("r1")).params).toEqual({ requestId: "r1" });
    expect(devicesRpc(op.devicesReject("r1")).method).toBe("device.pair.reject");
    expect(devicesRpc(op.devicesRemove("d1"))).toMatchObject({ method: "device.pair.remove", params: { deviceId: "d1" } });
    expect(devicesRpc(op.devicesRotate({ deviceId: "d1", role: "operator", scopes: ["operator.read"] })).params).toEqual({
      deviceId: "d1",
      role: "operator",
      scopes: ["operator.read"],
    });
    const revoke = devicesRpc(op.devicesRevoke({ deviceId: "d1", role: "operator" }));
    expect(revoke).toMatchObject({ method: "device.token.revoke", requiredScopes: ["operator.pairing", "operator.admin"] });
  });

  it("the seed-000 token drift checklist, in order", () => {
    const steps = tokenDriftRecoveryChecklist({ deviceId: "dev-1", requestId: "req-9" });
    expect(recoveryCommands(steps).map(String)).toEqual([
      "openclaw config get gateway.auth.token",
      "openclaw devices list",
      "openclaw devices rotate --device dev-1 --role operator",
      "openclaw devices remove dev-1",
      "openclaw devices list",
      "openclaw devices approve req-9",
    ]);
    expect(recoveryCommands(steps, { includeConditional: false })).toHaveLength(3);
    expect(steps.at(-1)).toMatchObject({ step: 5, commands: [] });
  });
});

describe("running commands on a machine", () => {
  it("rotating the shared token only edits config; the legacy service keeps the baked-in token", () => {
    const installed = runOperatorCommand(host(), op.gatewayInstall(), ctx(legacy));
    const rotated = runOperatorCommand(installed.machine, op.rotateSharedToken("new"), ctx(legacy));
    expect(rotated.effects.map((e) => e.type)).toEqual(["config-written"]);
    expect(configGet(rotated.machine.config, "gateway.auth.token")).toEqual({ kind: "value", value: "new" });
    const env = gatewayServiceEnv(rotated.machine);
    if (env.kind !== "ok") throw new Error(env.kind);
    expect(resolveServerGatewayAuth({ config: rotated.machine.config.config, env: env.env, switches: legacy }).token).toBe("old");
    const restart = runOperatorCommand(rotated.machine, op.gatewayRestart(), ctx(legacy));
    expect(restart.outcome).toMatchObject({ kind: "restarted", warnings: [{ code: "gateway-token-drift" }] });
  });

  it("install refuses without --force when installed; the tokenless install persists a shell token to config", () => {
    const m = createMachine({ name: "h", config: { gateway: { auth: { mode: "token" } } }, shellEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" } });
    const first = runOperatorCommand(m, op.gatewayInstall(), ctx(landed));
    expect(first.effects.map((e) => e.type)).toEqual(["config-written", "service-unit-written", "gateway-restart"]);
    expect(readEmbeddedGatewayToken(first.machine.serviceUnit)).toBeUndefined();
    expect(configGet(first.machine.config, "gateway.auth.token")).toEqual({ kind: "value", value: "shell" });
    expect(runOperatorCommand(first.machine, op.gatewayInstall(), ctx(landed)).outcome).toEqual({ kind: "already-installed" });
  });

  it("doctor --fix with a snapshot older than the file (naive) reverts the operator's rotation", () => {
    const installed = runOperatorCommand(host(), op.gatewayInstall(), ctx(legacy)).machine;
    const snapshot = installed.config;
    const rotated = runOperatorCommand(installed, op.rotateSharedToken("new"), ctx(legacy)).machine;
    const naive = { ...ctx({ ...landed, doctorRepair: "naive" }), doctorSnapshot: snapshot, otherDoctorFixesPending: true };
    const fixed = runOperatorCommand(rotated, op.doctor({ fix: true }), naive);
    expect(configGet(fixed.machine.config, "gateway.auth.token")).toEqual({ kind: "value", value: "old" });
    expect(fixed.effects.map((e) => e.type)).toEqual(["config-written", "service-unit-written", "gateway-restart"]);
    const safe = runOperatorCommand(rotated, op.doctor({ fix: true }), { ...ctx(landed), doctorSnapshot: snapshot, otherDoctorFixesPending: true });
    expect(configGet(safe.machine.config, "gateway.auth.token")).toEqual({ kind: "value", value: "new" });
  });

  it("config commands on a broken file fail with a message and change nothing", () => {
    const broken = createMachine({ name: "h", config: configFileFromConfig({ gateway: { port: 0 } }) });
    const r = runOperatorCommand(broken, op.configSet("gateway.auth.token", "x"), ctx(landed));
    expect(r.outcome).toEqual({ kind: "config-error", message: "Config invalid: gateway.port: expected a port 1-65535" });
    expect(r.machine).toBe(broken);
  });

  it("devices commands resolve CLI credentials; --url without explicit credentials is an error", () => {
    const m = { ...host(), shellEnv: { OPENCLAW_GATEWAY_TOKEN: "env-tok" } };
    const sent = runOperatorCommand(m, op.devicesList(), ctx(landed));
    expect(sent.effects[0]).toMatchObject({
      type: "gateway-rpc",
      url: "ws://127.0.0.1:18789",
      credentials: { token: "env-tok", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN" },
      localPairingFallback: true,
    });
    const remote = runOperatorCommand(m, op.devicesList({ url: "wss://gw.example" }), ctx(landed));
    expect(remote.outcome.kind).toBe("missing-explicit-credentials");
    const ok = runOperatorCommand(m, op.devicesRemove("d1", { url: "wss://gw.example", token: "t" }), ctx(landed));
    expect(ok.effects[0]).toMatchObject({ url: "wss://gw.example", credentials: { token: "t", tokenSource: "explicit" }, localPairingFallback: false });
  });
});
