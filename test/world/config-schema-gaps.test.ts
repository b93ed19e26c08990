// A config key the release's strict schema does not know (profile switch configSchemaGaps): the gateway refuses to
// start on it, a hot reload skips it, and `openclaw config` refuses to write it. Read in each release's zod schema;
// run here on 2026-12-05: 3.2 and 4.22 exit on trustedProxy.allowLoopback, 5.28 on nodes.pairing.autoApproveLocal,
// 8.2 and 9.6 strip the retired controlUi.allowInsecureAuth at start and listen.
import { describe, expect, it } from "vitest";
import { configFileFromConfig, configSet, op, releaseConfigIssues, withConfigFile } from "../../src/host/index.ts";
import type { Profile } from "../../src/profiles/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, hostEvents, newWorld, profile, tokenConfig } from "../seeds/story.ts";

const warm = (world: World) => world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);
const loopbackProxy = { gateway: { auth: { mode: "token" as const, token: "T1", trustedProxy: { userHeader: "x-forwarded-user", allowLoopback: true } } } };

function started(p: Profile | string, config: Parameters<typeof tokenConfig>[1]): { world: World; start: ReturnType<World["operator"]>["gatewayStarts"][number] | undefined } {
  const world = newWorld(p);
  addGatewayMachine(world, { config: tokenConfig("T1", config) });
  const run = world.operator("gw", op.gatewayInstall({}));
  return { world, start: run.gatewayStarts[0] };
}

describe("releaseConfigIssues", () => {
  it("names the object holding an unknown key, and a value the release's enum lacks; absent keys are no issue", () => {
    const config = { gateway: { auth: { mode: "none", trustedProxy: { userHeader: "u", allowLoopback: false } } } };
    expect(releaseConfigIssues(config, ["gateway.auth.trustedProxy.allowLoopback", "gateway.auth.mode=none", "gateway.customBindHost"])).toEqual([
      { path: "gateway.auth.trustedProxy", message: 'Unrecognized key: "allowLoopback"' },
      { path: "gateway.auth.mode", message: '"none" is not an option this release knows' },
    ]);
    expect(releaseConfigIssues(config, ["gateway.auth.mode=trusted-proxy", "gateway.nodes.pairing"])).toEqual([]);
  });

  it("config set refuses a result holding a gap and an already invalid file, and leaves the file as it was", () => {
    const file = configFileFromConfig(tokenConfig("T1"));
    const gaps = ["gateway.auth.trustedProxy.allowLoopback"];
    expect(configSet(file, "gateway.auth.trustedProxy", { userHeader: "u", allowLoopback: true }, gaps)).toMatchObject({ kind: "invalid-result" });
    expect(configSet(file, "gateway.auth.trustedProxy", { userHeader: "u", allowLoopback: true })).toMatchObject({ kind: "ok" });
    const holding = configFileFromConfig(tokenConfig("T1", loopbackProxy));
    expect(configSet(holding, "gateway.port", 18790, gaps)).toMatchObject({ kind: "invalid-file" });
  });
});

describe("gateway start per release", () => {
  it("trustedProxy.allowLoopback: refused from 2.12 to 4.22, started from 2026.5", () => {
    for (const name of ["2026.2.12", "2026.2.17", "2026.2.22", "2026.3.2", "2026.3", "2026.3.31", "2026.4", "2026.4.22"]) {
      expect(started(name, loopbackProxy).start, name).toMatchObject({ kind: "refused", reason: "config-invalid" });
    }
    expect(started("2026.4.22", loopbackProxy).start).toMatchObject({ detail: 'Config invalid: gateway.auth.trustedProxy: Unrecognized key: "allowLoopback"' });
    for (const name of ["2026.5", "2026.6", "2026.7", "2026.8", "2026.9"]) expect(started(name, loopbackProxy).start, name).toMatchObject({ kind: "started" });
  });

  it("flip: 4.22 with no schema gaps starts on the same config", () => {
    const base = profile("2026.4.22");
    const flipped: Profile = { ...base, name: "2026.4.22~no-gaps", service: { ...base.service, configSchemaGaps: [] } };
    expect(started(flipped, loopbackProxy).start).toMatchObject({ kind: "started" });
  });

  it("nodes.pairing.autoApproveLocal: refused by 2026.5 … 2026.7 (no such key), taken by 2026.8 and 2026.9", () => {
    const noAutoApprove = { gateway: { nodes: { pairing: { autoApproveLocal: false } } } } as Parameters<typeof tokenConfig>[1];
    for (const name of ["2026.4.22", "2026.5", "2026.7"]) expect(started(name, noAutoApprove).start, name).toMatchObject({ kind: "refused", reason: "config-invalid" });
    for (const name of ["2026.8", "2026.9"]) expect(started(name, noAutoApprove).start, name).toMatchObject({ kind: "started" });
  });

  it("mode none and customBindHost: 2.12 and 2.17 know neither, 2.22 both", () => {
    const none = { gateway: { auth: { mode: "none" as const } } };
    expect(started("2026.2.12", none).start).toMatchObject({ kind: "refused", detail: 'Config invalid: gateway.auth.mode: "none" is not an option this release knows' });
    expect(started("2026.2.17", { gateway: { bind: "custom", customBindHost: "192.0.2.50" } }).start).toMatchObject({ kind: "refused", reason: "config-invalid" });
    expect(started("2026.2.22", { gateway: { bind: "custom", customBindHost: "192.0.2.50" } }).start).toMatchObject({ kind: "started" });
  });
});

describe("the running gateway and the operator's CLI", () => {
  it("config set of allowLoopback is refused on 4.22 (nothing written, no restart) and written on 2026.5", () => {
    const { world } = started("2026.4.22", {});
    warm(world);
    const before = world.machine("gw").machine.config.text;
    const refused = world.operator("gw", op.configSet("gateway.auth.trustedProxy", { userHeader: "x-forwarded-user", allowLoopback: true }));
    expect(refused.outcome).toMatchObject({ kind: "config-error" });
    expect(refused.outcome.kind === "config-error" && refused.outcome.message).toContain('Unrecognized key: "allowLoopback"');
    expect(world.machine("gw").machine.config.text).toBe(before);
    world.runFor(2_000);
    expect(hostEvents(world, "gw", "config.reload")).toEqual([]);

    const late = started("2026.5", {}).world;
    warm(late);
    expect(late.operator("gw", op.configSet("gateway.auth.trustedProxy", { userHeader: "x-forwarded-user", allowLoopback: true })).outcome).toMatchObject({ kind: "ok" });
  });

  it("a file edited by hand with a gap: the reload is skipped and the gateway keeps serving (4.22), a restart then refuses", () => {
    const { world } = started("2026.4.22", {});
    warm(world);
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromConfig(tokenConfig("T1", loopbackProxy))), "hand edit");
    world.runFor(1_000);
    expect(hostEvents(world, "gw", "config.reload").at(-1)?.data).toMatchObject({ action: "skipped-invalid", detail: 'gateway.auth.trustedProxy: Unrecognized key: "allowLoopback"' });
    expect(world.gateway("gateway").running).toBe(true);
    expect(world.operator("gw", op.gatewayRestart()).gatewayStarts).toEqual([expect.objectContaining({ kind: "refused", reason: "config-invalid" })]);
    expect(world.gateway("gateway").running).toBe(false);
  });
});

describe("openclaw doctor on a key the release does not know", () => {
  it("the audit names it; --fix removes it (keeping the rest), and the gateway comes back (4.22)", () => {
    const { world, start } = started("2026.4.22", { ...loopbackProxy, gateway: { ...loopbackProxy.gateway, trustedProxies: ["10.0.0.1"] } });
    expect(start).toMatchObject({ kind: "refused", reason: "config-invalid" });
    const audit = world.operator("gw", op.doctor({}));
    expect(audit.outcome).toMatchObject({ kind: "doctor", findings: [{ code: "config-unknown-keys", detail: "gateway.auth.trustedProxy.allowLoopback" }] });
    const fix = world.operator("gw", op.doctor({ fix: true }));
    expect(fix.outcome).toMatchObject({ kind: "doctor", findings: [{ code: "config-unknown-keys" }] });
    const config = world.machine("gw").machine.config.config;
    expect(config.gateway?.auth?.trustedProxy).toEqual({ userHeader: "x-forwarded-user" });
    expect(config.gateway?.trustedProxies).toEqual(["10.0.0.1"]);
    warm(world);
    world.runFor(30_000);
    expect(world.gateway("gateway").running).toBe(true);
  });

  it("flip: with no gaps the audit finds nothing of the kind and --fix writes nothing", () => {
    const base = profile("2026.4.22");
    const flipped: Profile = { ...base, name: "2026.4.22~no-gaps", service: { ...base.service, configSchemaGaps: [] } };
    const { world } = started(flipped, loopbackProxy);
    const fix = world.operator("gw", op.doctor({ fix: true }));
    expect(fix.outcome.kind === "doctor" && fix.outcome.findings.map((f) => f.code)).not.toContain("config-unknown-keys");
    expect(world.machine("gw").machine.config.config.gateway?.auth?.trustedProxy).toMatchObject({ allowLoopback: true });
  });
});
