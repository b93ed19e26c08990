// Gateway config edited while running: which keys a release applies live and which restart it in process
// (openclaw@2026.9.6's reload plan vs 2026.2–2026.4's "every gateway.* key restarts"), plus the start-time
// settings the model reads: gateway.nodes.pairing.autoApproveLocal and OPENCLAW_HANDSHAKE_TIMEOUT_MS.
import { describe, expect, it } from "vitest";
import { op, withConfigFile, configFileFromText } from "../../src/host/index.ts";
import { planConfigReload } from "../../src/gateway/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, hostEvents, newWorld, profile as storyProfile, tokenConfig } from "../seeds/story.ts";
import { params, profile, runAttempts, seedHex } from "../gateway/harness.ts";

const warm = (world: World) => world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);

describe("reload plan per release", () => {
  const plan = (name: string, paths: string[], mode: "hybrid" | "hot" | "off" | "restart" = "hybrid", authModeKept = true) =>
    planConfigReload({ switches: storyProfile(name).gateway, paths, mode, authModeKept });

  it("2026.9 applies trusted proxies, origins, rate limit and pairing settings live; bind and auth.mode restart", () => {
    expect(plan("2026.9", ["gateway.trustedProxies", "gateway.controlUi.allowedOrigins", "gateway.auth.rateLimit", "gateway.nodes.pairing"])).toMatchObject({ action: "hot" });
    expect(plan("2026.9", ["gateway.bind"])).toMatchObject({ action: "restart", restartPaths: ["gateway.bind"] });
    expect(plan("2026.9", ["gateway.trustedProxies", "gateway.auth.mode"])).toMatchObject({ action: "restart", restartPaths: ["gateway.auth.mode"] });
  });

  it("2026.3 restarts for the same keys (flip: the release's hot list is empty)", () => {
    expect(plan("2026.3", ["gateway.trustedProxies"])).toMatchObject({ action: "restart" });
    expect(plan("2026.3", ["gateway.remote.url"])).toEqual({ action: "none" });
  });

  it("a credential is hot only when the release hot-reloads credentials and the auth mode stays", () => {
    expect(plan("2026.9", ["gateway.auth.token"])).toMatchObject({ action: "hot", credentials: true });
    expect(plan("2026.9", ["gateway.auth.token"], "hybrid", false)).toMatchObject({ action: "restart" });
    expect(plan("2026.3", ["gateway.auth.token"])).toMatchObject({ action: "restart" });
  });

  it("reload.mode: off ignores, restart always restarts, hot ignores what would need a restart", () => {
    expect(plan("2026.9", ["gateway.trustedProxies"], "off")).toMatchObject({ action: "ignored" });
    expect(plan("2026.9", ["gateway.trustedProxies"], "restart")).toMatchObject({ action: "restart" });
    expect(plan("2026.9", ["gateway.bind"], "hot")).toMatchObject({ action: "ignored" });
  });
});

describe("a config edit under a running gateway", () => {
  function connected(profileName: string): World {
    const world = newWorld(profileName);
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.operator("gw", op.gatewayInstall());
    warm(world);
    world.addMachineClient("gw", { name: "backend", spec: { kind: "backend", identity: null, env: { from: "gateway-service" } } });
    world.runFor(2_000);
    expect(count(world, "backend", "hello")).toBe(1);
    return world;
  }
  const addOrigin = (world: World) =>
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromText(JSON.stringify({ ...m.config.config, gateway: { ...m.config.config.gateway, controlUi: { allowedOrigins: ["https://ui.example"] } } }))));

  it("2026.9: an allowed origin added is live without a restart; the backend stays connected", () => {
    const world = connected("2026.9");
    const starts = hostEvents(world, "gw", "gateway.start").length;
    addOrigin(world);
    world.runFor(1_000);
    expect(world.gateway("gateway").state.config.controlUi.allowedOrigins).toEqual(["https://ui.example"]);
    expect(hostEvents(world, "gw", "gateway.start")).toHaveLength(starts);
    expect(hostEvents(world, "gw", "config.reload").at(-1)?.data).toMatchObject({ action: "hot", paths: ["gateway.controlUi.allowedOrigins"] });
    expect(clientEvents(world, "backend", "closed")).toHaveLength(0);
  });

  it("2026.4: the same edit restarts the gateway in process (the backend sees 1012)", () => {
    const world = connected("2026.4");
    const starts = hostEvents(world, "gw", "gateway.start").length;
    addOrigin(world);
    world.runFor(1_000);
    expect(hostEvents(world, "gw", "gateway.start")).toHaveLength(starts + 1);
    expect(clientEvents(world, "backend", "closed")[0]?.data["code"]).toBe(1012);
  });
});

describe("start-time settings", () => {
  const device = () => ({ identitySeed: seedHex(5), payloadVersion: "v3" as const });
  const local = (name: string) => ({ name, device: device(), connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }, 4) } });

  it("2026.9: gateway.nodes.pairing.autoApproveLocal=false makes a local device wait for approval; flip: a release without the setting pairs silently", () => {
    const config = { auth: { mode: "token" as const, token: "secret" }, nodes: { pairing: { autoApproveLocal: false } } };
    const off = runAttempts({ profile: profile("2026.9"), config, attempts: [local("off")] }).outcomes[0]!;
    expect(off.response?.error?.code).toBe("NOT_PAIRED");
    const without = runAttempts({ profile: profile("2026.9", { gateway: { autoApproveLocalSetting: false } }), config, attempts: [local("without")] }).outcomes[0]!;
    expect(without.response?.ok).toBe(true);
  });

  it("OPENCLAW_HANDSHAKE_TIMEOUT_MS shortens the pre-auth timeout where the release reads it (flip)", () => {
    const silent = { name: "silent", waitMsMax: 30_000 };
    const config = { auth: { mode: "token" as const, token: "secret" }, handshakeTimeoutMs: 3_000 };
    const read = runAttempts({ profile: profile("2026.9"), config, attempts: [silent] }).outcomes[0]!;
    const ignored = runAttempts({ profile: profile("2026.9", { gateway: { handshakeTimeoutEnv: false } }), config, attempts: [silent] }).outcomes[0]!;
    expect(read.close).toMatchObject({ code: 1000, by: "server" });
    expect(read.elapsedMs).toBeLessThan(3_100);
    expect(ignored.elapsedMs).toBeGreaterThanOrEqual(15_000);
  });
});

describe("a bare gateway's config edited while it runs (World.editGatewayConfig)", () => {
  function world(name: string): World {
    const w = newWorld(name);
    w.addHost({ name: "gw", kind: "lan" });
    w.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
    w.runFor((w.profile.gateway.startupUnavailableMs ?? 0) + 100);
    return w;
  }
  const addProxy = (w: World) => w.editGatewayConfig("gateway", (c) => ({ ...c, trustedProxies: ["10.0.0.9"] }));

  it("2026.9 applies gateway.trustedProxies live after the 300 ms debounce; 2026.3 restarts (flip)", () => {
    const late = world("2026.9");
    expect(addProxy(late)).toMatchObject({ plan: { action: "hot" }, paths: ["gateway.trustedProxies"] });
    late.runFor(299);
    expect(late.gateway("gateway").state.config.trustedProxies).toEqual([]);
    late.runFor(2);
    expect(late.gateway("gateway").state.config.trustedProxies).toEqual(["10.0.0.9"]);
    expect(late.trace.events.filter((e) => e.data["event"] === "process.start")).toHaveLength(1);
    const mar = world("2026.3");
    expect(addProxy(mar).plan.action).toBe("restart");
    mar.runFor(301);
    expect(mar.trace.events.filter((e) => e.data["event"] === "process.start")).toHaveLength(2);
  });

  it("tailscale whois answers are not config: they change at once", () => {
    const w = world("2026.9");
    expect(w.editGatewayConfig("gateway", (c) => ({ ...c, tailscaleWhois: { "100.64.0.5": "alice@example.com" } })).plan.action).toBe("none");
    expect(w.gateway("gateway").state.config.tailscaleWhois).toEqual({ "100.64.0.5": "alice@example.com" });
  });
});
