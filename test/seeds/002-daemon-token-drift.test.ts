// Seed 002 (PR #28428 "Fix gateway daemon token drift after token rotation"): a legacy service unit bakes
// OPENCLAW_GATEWAY_TOKEN in; after `config set gateway.auth.token` the env-first gateway keeps the old secret
// through every restart and clients holding the new token fail, until `doctor` finds the drift and repairs
// the unit. Under 2026.3 (tokenless unit, config-first inside the service) the rotation simply works. The
// naive repair first proposed in the PR is reproduced with both review findings: a stale in-memory config
// written back over the persisted token, and a repair built from an unparsable config.
import { describe, expect, it } from "vitest";
import {
  configFileFromConfig,
  installServiceUnit,
  op,
  readEmbeddedGatewayToken,
  truncateConfigFile,
  withConfigFile,
  withServiceUnit,
  type GatewayConfig,
  type Machine,
} from "../../src/host/index.ts";
import type { Profile } from "../../src/profiles/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, gatewayPort, hostEvents, newWorld, operatorLines, profile, tokenConfig } from "./story.ts";

const unrelated = { agents: { main: { model: "anthropic/claude" } }, channels: { telegram: { enabled: true } } };
const settle = (world: World) => world.runFor(Math.max(1_000, world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);
const gatewayToken = (world: World) => world.gateway("gateway").state.config.auth.token;

function installedWorld(p: Profile | string, config: GatewayConfig = tokenConfig("T1", unrelated)): World {
  const world = newWorld(p);
  addGatewayMachine(world, { config });
  const install = world.operator("gw", op.gatewayInstall());
  expect(install.gatewayStarts.map((s) => s.kind)).toEqual(["started"]);
  settle(world);
  return world;
}

/** A machine upgraded from 2026.2.14 without reinstalling: its unit still embeds the token it was installed with. */
function legacyUnitMachine(config: GatewayConfig) {
  const unit = installServiceUnit({ config, switches: profile("2026.2.14").service, version: "2026.2.14" });
  expect(readEmbeddedGatewayToken(unit)).toBe("T1");
  return (m: Machine) => withServiceUnit(m, unit);
}

function devicesListOk(world: World): boolean | undefined {
  return world.operator("gw", op.devicesList()).rpc?.ok;
}

const naiveTokenless: Profile = { ...profile("2026.3"), name: "2026.3+naive-doctor", service: { ...profile("2026.3").service, doctorRepair: "naive" } };

describe("seed 002: daemon token drift after rotation", () => {
  it("2026.2.14: the unit's embedded token outlives the rotation; doctor finds it and its repair ends the drift", () => {
    const world = installedWorld("2026.2.14");
    expect(readEmbeddedGatewayToken(world.machine("gw").machine.serviceUnit)).toBe("T1");
    world.operator("gw", op.rotateSharedToken("T2"));
    settle(world);
    // The config watcher restarted the gateway in process; env-first, so the baked-in token won again.
    expect(hostEvents(world, "gw", "config.reload").map((e) => e.data["action"])).toEqual(["restart"]);
    expect(gatewayToken(world)).toBe("T1");
    const restart = world.operator("gw", op.gatewayRestart());
    expect(restart.gatewayStarts[0]).toMatchObject({ kind: "started", auth: { token: "T1", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN" } });
    settle(world);
    // Clients that read the rotated config fail (surfacing as a device-token mismatch in this era).
    const list = world.operator("gw", op.devicesList());
    expect(list.rpc).toMatchObject({ ok: false, error: { message: "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)" } });
    const audit = world.operator("gw", op.doctor());
    expect(audit.outcome).toMatchObject({ kind: "doctor", findings: [{ code: "gateway-token-mismatch", detail: "service token is stale" }] });
    const fix = world.operator("gw", op.doctor({ fix: true }));
    expect(fix.outcome).toMatchObject({ kind: "doctor", repair: { kind: "repaired" } });
    expect(readEmbeddedGatewayToken(world.machine("gw").machine.serviceUnit)).toBe("T2");
    expect(fix.gatewayStarts[0]).toMatchObject({ kind: "started", auth: { token: "T2" } });
    settle(world);
    expect(devicesListOk(world)).toBe(true);
    expect(world.machine("gw").machine.config.config).toMatchObject({ ...unrelated, gateway: { auth: { token: "T2" } } });
    expect(operatorLines(world)).toContain("openclaw doctor --fix");
  });

  it("2026.3: tokenless unit, config-first in the service: the rotation takes effect on the next (automatic) restart", () => {
    const world = installedWorld("2026.3");
    expect(readEmbeddedGatewayToken(world.machine("gw").machine.serviceUnit)).toBeUndefined();
    world.operator("gw", op.rotateSharedToken("T2"));
    settle(world);
    expect(gatewayToken(world)).toBe("T2");
    expect(world.machine("gw").lastStart).toMatchObject({ kind: "started", auth: { tokenSource: "config:gateway.auth.token" } });
    expect(devicesListOk(world)).toBe(true);
    expect(world.operator("gw", op.doctor()).outcome).toMatchObject({ kind: "doctor", findings: [] });
    expect(world.operator("gw", op.gatewayRestart()).outcome).toEqual({ kind: "restarted", warnings: [] });
  });

  it("2026.3 on a unit left over from 2026.2.14: config still wins, doctor reports embedded/mismatch/drift and the safe repair keeps unrelated config", () => {
    const world = newWorld("2026.3");
    addGatewayMachine(world, { config: tokenConfig("T1", unrelated), machine: legacyUnitMachine(tokenConfig("T1")) });
    world.startGatewayService("gw");
    settle(world);
    world.operator("gw", op.rotateSharedToken("T2"));
    settle(world);
    expect(gatewayToken(world)).toBe("T2");
    expect(world.operator("gw", op.gatewayRestart()).outcome).toMatchObject({ kind: "restarted", warnings: [{ code: "gateway-token-drift" }] });
    const audit = world.operator("gw", op.doctor());
    expect(audit.outcome.kind === "doctor" ? audit.outcome.findings.map((f) => f.code) : []).toEqual(["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"]);
    const fix = world.operator("gw", op.doctor({ fix: true }));
    expect(fix.outcome).toMatchObject({ kind: "doctor", repair: { kind: "repaired", writes: [] } });
    const after = world.machine("gw").machine;
    expect(readEmbeddedGatewayToken(after.serviceUnit)).toBeUndefined();
    // The config as the operator wrote it, plus the Control UI origins 2026.3 wrote into it at its first start on a
    // lan bind (controlUiOriginSeed "persist").
    const written = tokenConfig("T2", unrelated);
    expect(after.config.config).toEqual({ ...written, gateway: { ...written.gateway, controlUi: { allowedOrigins: [`http://localhost:${gatewayPort}`, `http://127.0.0.1:${gatewayPort}`] } } });
    settle(world);
    expect(world.operator("gw", op.doctor()).outcome).toMatchObject({ findings: [] });
    expect(devicesListOk(world)).toBe(true);
  });

  describe("the naive repair's two pitfalls (PR #28428 as first proposed) vs the safe one", () => {
    /** Legacy unit embedding T1, config without any token: doctor moves T1 into the config. */
    function unmigrated(p: Profile | string): World {
      const world = newWorld(p);
      addGatewayMachine(world, { config: { ...unrelated, gateway: { mode: "local", port: gatewayPort, auth: { mode: "token" } } }, machine: legacyUnitMachine(tokenConfig("T1")) });
      world.startGatewayService("gw");
      settle(world);
      expect(gatewayToken(world)).toBe("T1");
      return world;
    }

    it("(a) stale in-memory config written back: the persisted token is undone; the tokenless service makes a token of its own (T1 is gone), or refuses before 2.22", () => {
      const world = unmigrated(naiveTokenless);
      const fix = world.operator("gw", op.doctor({ fix: true }), { otherDoctorFixesPending: true });
      expect(fix.outcome).toMatchObject({ kind: "doctor", repair: { kind: "repaired", writes: [{ reason: "persist-service-token" }, { reason: "doctor-config-write" }] } });
      const machine = world.machine("gw").machine;
      expect(readEmbeddedGatewayToken(machine.serviceUnit)).toBeUndefined();
      // 2026.3 starts on a generated token it writes into the config (tokenBootstrap "persist"): no client holds it.
      const generated = world.machine("gw").machine.config.config.gateway?.auth?.token;
      expect(generated).toMatch(/^[0-9a-f]{48}$/);
      expect(fix.gatewayStarts).toMatchObject([{ kind: "started", via: "service", auth: { token: generated } }]);
      expect(hostEvents(world, "gw", "gateway.auth-token-generated").map((e) => e.data["persisted"])).toEqual([true]);
      // A release that refuses a tokenless start (2.12, 2.17) stays down instead.
      const refusing = unmigrated({ ...naiveTokenless, service: { ...naiveTokenless.service, tokenBootstrap: "refuse" } });
      const down = refusing.operator("gw", op.doctor({ fix: true }), { otherDoctorFixesPending: true });
      expect(refusing.machine("gw").machine.config.config.gateway?.auth?.token).toBeUndefined();
      expect(down.gatewayStarts).toEqual([{ kind: "refused", via: "service", reason: "token-missing", detail: "gateway auth: token-missing" }]);
      expect(refusing.gateway("gateway").running).toBe(false);
      expect(hostEvents(refusing, "gw", "gateway.refuse-start")).toHaveLength(1);
    });

    it("(a) under the safe repair the token lands in the config and the tokenless service starts with it", () => {
      const world = unmigrated("2026.3");
      const fix = world.operator("gw", op.doctor({ fix: true }), { otherDoctorFixesPending: true });
      expect(fix.outcome).toMatchObject({ repair: { kind: "repaired", writes: [{ reason: "persist-service-token" }] } });
      expect(world.machine("gw").machine.config.config).toMatchObject({ ...unrelated, gateway: { auth: { token: "T1" } } });
      expect(fix.gatewayStarts[0]).toMatchObject({ kind: "started", auth: { token: "T1", tokenSource: "config:gateway.auth.token" } });
    });

    it("(a) 2026.2.14: a doctor that read the config before the operator rotated writes the old token back", () => {
      const world = installedWorld("2026.2.14");
      const snapshot = world.machine("gw").machine.config;
      world.operator("gw", op.rotateSharedToken("T2"));
      world.operator("gw", op.doctor({ fix: true }), { doctorSnapshot: snapshot, otherDoctorFixesPending: true });
      expect(world.machine("gw").machine.config.config.gateway?.auth?.token).toBe("T1");
      // The same interleaving under the safe repair keeps the rotation.
      const safe = installedWorld("2026.3");
      const safeSnapshot = safe.machine("gw").machine.config;
      safe.operator("gw", op.rotateSharedToken("T2"));
      safe.operator("gw", op.doctor({ fix: true }), { doctorSnapshot: safeSnapshot, otherDoctorFixesPending: true });
      expect(safe.machine("gw").machine.config.config.gateway?.auth?.token).toBe("T2");
    });

    it("(b) repair from an unparsable config: naive replaces the file with a token-only one; safe refuses and touches nothing", () => {
      const cut = (world: World) => world.updateMachine("gw", (m) => withConfigFile(m, truncateConfigFile(m.config, 40)), "config cut off mid-write");
      const naive = unmigrated(naiveTokenless);
      cut(naive);
      naive.operator("gw", op.doctor({ fix: true }));
      expect(naive.machine("gw").machine.config.config).toEqual({ gateway: { auth: { token: "T1" } } });
      const safe = unmigrated("2026.3");
      cut(safe);
      const before = safe.machine("gw").machine;
      const refused = safe.operator("gw", op.doctor({ fix: true }));
      expect(refused.outcome).toMatchObject({ kind: "doctor", repair: { kind: "refused" }, findings: [{ code: "config-invalid" }] });
      expect(safe.machine("gw").machine.config).toBe(before.config);
      expect(safe.machine("gw").machine.serviceUnit).toBe(before.serviceUnit);
      expect(refused.gatewayStarts).toEqual([]);
    });
  });

  it("doctor --fix changes only gateway.auth.token: every unrelated key survives the migration", () => {
    const world = newWorld("2026.3");
    const config: GatewayConfig = { ...unrelated, gateway: { mode: "local", port: gatewayPort, bind: "loopback", auth: { mode: "token" } } };
    addGatewayMachine(world, { config, machine: legacyUnitMachine(tokenConfig("T1")) });
    const fix = world.operator("gw", op.doctor({ fix: true }));
    expect(fix.outcome).toMatchObject({ repair: { kind: "repaired", writes: [{ reason: "persist-service-token" }] } });
    const expected: GatewayConfig = { ...unrelated, gateway: { mode: "local", port: gatewayPort, bind: "loopback", auth: { mode: "token", token: "T1" } } };
    expect(world.machine("gw").machine.config.text).toBe(configFileFromConfig(expected).text);
  });
});
