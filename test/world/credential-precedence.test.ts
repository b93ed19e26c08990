// Credential precedence per client kind, end to end (spec §9.1, seed 002/004): a machine whose config, login
// shell, `~/.openclaw/.env`, service units and browser storage each hold a different token; every client kind
// is started from it and the test reads the `auth` of the connect frame that actually crossed the network,
// and whether the gateway (started from its unit) let it in. Device-less operators are used where possible so
// no stored device token interferes; the node host needs a device and has none stored yet.
import { describe, expect, it } from "vitest";
import { createMachine, installServiceUnit, op, withServiceUnit, type EnvMap, type GatewayConfig } from "../../src/host/index.ts";
import type { MachineClientSpec, World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents as clientEventsOf, count, gatewayHostAddress, gatewayPort, identity, localUrl, newWorld, profile, tokenConfig, withControlUiToken } from "../seeds/story.ts";

const browserTab = { browser: "chrome", tabId: "tab-1" };

function machineWorld(profileName: string, options: { shellEnv?: EnvMap; dotEnvText?: string; config?: GatewayConfig } = {}): World {
  const world = newWorld(profileName);
  const perTab = world.profile.client.controlUiTokenPerTab;
  addGatewayMachine(world, {
    config: options.config ?? tokenConfig("cfg"),
    ...(options.shellEnv ? { shellEnv: options.shellEnv } : {}),
    ...(options.dotEnvText ? { dotEnvText: options.dotEnvText } : {}),
    machine: (m) => withControlUiToken(m, { ...browserTab, token: "ui-cached", perTab }),
  });
  world.operator("gw", op.gatewayInstall());
  world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);
  return world;
}

/** The `auth` objects of the connect frames sent since trace index `from`. */
function connectAuths(world: World, from: number): (Record<string, unknown> | null)[] {
  const out: (Record<string, unknown> | null)[] = [];
  for (const e of world.trace.events.slice(from)) {
    if (e.kind !== "frame.send" || e.data["dir"] !== "c2s" || typeof e.data["text"] !== "string") continue;
    const frame = JSON.parse(e.data["text"]) as { method?: string; params?: { auth?: Record<string, unknown> } };
    if (frame.method === "connect") out.push(frame.params?.auth ?? null);
  }
  return out;
}

let clientSeq = 0;
/** Starts one client, lets it run, returns the first connect's auth and whether it got in. */
function run(world: World, spec: MachineClientSpec): { auth: Record<string, unknown> | null; hello: boolean } {
  const name = `client-${++clientSeq}`;
  const from = world.trace.events.length;
  world.addMachineClient("gw", { name, user: name, spec });
  world.runFor(3_000);
  const auths = connectAuths(world, from);
  expect(auths.length).toBeGreaterThan(0);
  return { auth: auths[0] ?? null, hello: count(world, name, "hello") > 0 };
}

const call = { method: "health" };

describe("credential precedence per client kind (which token reaches the gateway)", () => {
  it("CLI: --token alone beats env and config; local mode is env-first (shell before .env before config)", () => {
    const world = machineWorld("2026.3", { shellEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" }, dotEnvText: "OPENCLAW_GATEWAY_TOKEN=dotenv\n" });
    expect(run(world, { kind: "cli", identity: null, call, flags: { token: "cfg" } })).toEqual({ auth: { token: "cfg" }, hello: true });
    expect(run(world, { kind: "cli", identity: null, call })).toEqual({ auth: { token: "shell" }, hello: false });
    world.updateMachine("gw", (m) => ({ ...m, shellEnv: {} }), "unset the shell export");
    expect(run(world, { kind: "cli", identity: null, call }).auth).toEqual({ token: "dotenv" });
    world.updateMachine("gw", (m) => ({ ...m, dotEnvText: null }), "remove ~/.openclaw/.env");
    expect(run(world, { kind: "cli", identity: null, call })).toEqual({ auth: { token: "cfg" }, hello: true });
  });

  it("CLI: --url without --token sends no credential at all (no fallback to env/config)", () => {
    const world = machineWorld("2026.3", { shellEnv: { OPENCLAW_GATEWAY_TOKEN: "cfg" } });
    const plan = world.planMachineClient("gw", { kind: "cli", identity: null, call, flags: { url: localUrl } });
    expect(plan.origin).toMatchObject({ kind: "config-env", resolved: { rule: "cli-url-no-fallback", tokenSource: "none" } });
    expect(run(world, { kind: "cli", identity: null, call, flags: { url: localUrl } })).toEqual({ auth: null, hello: false });
    // The devices CLI refuses before connecting, as the real one does.
    expect(world.operator("gw", op.devicesList({ url: localUrl })).outcome).toMatchObject({ kind: "missing-explicit-credentials" });
  });

  it("CLI: OPENCLAW_GATEWAY_URL in the environment uses env credentials only (config token ignored)", () => {
    const world = machineWorld("2026.3", { shellEnv: { OPENCLAW_GATEWAY_URL: localUrl, OPENCLAW_GATEWAY_TOKEN: "shell" } });
    expect(world.planMachineClient("gw", { kind: "cli", identity: null, call }).urlSource).toBe("env OPENCLAW_GATEWAY_URL");
    expect(run(world, { kind: "cli", identity: null, call }).auth).toEqual({ token: "shell" });
    world.updateMachine("gw", (m) => ({ ...m, shellEnv: { OPENCLAW_GATEWAY_URL: localUrl } }));
    expect(run(world, { kind: "cli", identity: null, call }).auth).toBeNull();
  });

  it("TUI and backend from the shell: env-first; the same backend spawned inside the gateway service: config-first", () => {
    const world = newWorld("2026.3");
    // A unit left over from a legacy install still embeds a token; the service marks itself OPENCLAW_SERVICE_KIND=gateway.
    const legacyUnit = installServiceUnit({ config: tokenConfig("unit"), switches: profile("2026.2.14").service, version: "2026.2.14" });
    addGatewayMachine(world, { config: tokenConfig("cfg"), shellEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" }, machine: (m) => withServiceUnit(m, legacyUnit) });
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "started", auth: { token: "cfg", tokenSource: "config:gateway.auth.token" } });
    world.runFor(1_000);
    expect(run(world, { kind: "tui", identity: null }).auth).toEqual({ token: "shell" });
    expect(run(world, { kind: "backend", identity: null }).auth).toEqual({ token: "shell" });
    expect(run(world, { kind: "backend", identity: null, env: { from: "gateway-service" } })).toEqual({ auth: { token: "cfg" }, hello: true });
    expect(world.planMachineClient("gw", { kind: "backend", identity: null, env: { from: "gateway-service" } }).origin).toMatchObject({ resolved: { rule: "local-config-first" } });
  });

  it("node host: the token its own unit passes through wins over the config", () => {
    const world = machineWorld("2026.3");
    const nodeEnv = { OPENCLAW_GATEWAY_TOKEN: "node-unit" };
    expect(run(world, { kind: "node", identity: identity(3), env: { from: "env", env: nodeEnv } }).auth).toEqual({ token: "node-unit" });
    expect(run(world, { kind: "node", identity: identity(4) })).toEqual({ auth: { token: "cfg" }, hello: true });
  });

  it("Control UI: the token pasted into this tab (2026.3, sessionStorage); another tab has none and pauses on AUTH_TOKEN_MISSING", () => {
    const world = machineWorld("2026.3");
    expect(world.planMachineClient("gw", { kind: "control-ui", identity: null, ...browserTab }).origin).toMatchObject({ kind: "browser-storage", area: "sessionStorage", token: "ui-cached" });
    expect(run(world, { kind: "control-ui", identity: identity(6), ...browserTab }).auth).toEqual({ token: "ui-cached" });
    world.updateMachine("gw", (m) => withControlUiToken(m, { browser: "chrome", tabId: "tab-2", token: "cfg", perTab: true }));
    expect(run(world, { kind: "control-ui", identity: identity(7), browser: "chrome", tabId: "tab-2" })).toEqual({ auth: { token: "cfg" }, hello: true });
    const before = clientSeq;
    expect(run(world, { kind: "control-ui", identity: identity(8), browser: "chrome", tabId: "tab-3" })).toEqual({ auth: null, hello: false });
    const name = `client-${before + 1}`;
    expect(world.client(name).state.lifecycle).toBe("paused");
    expect(clientEventsOf(world, name, "paused")[0]?.data["detailCode"]).toBe("AUTH_TOKEN_MISSING");
  });

  it("Control UI 2026.2.13: the token lives in localStorage, shared by every tab", () => {
    const world = machineWorld("2026.2.13");
    const plan = world.planMachineClient("gw", { kind: "control-ui", identity: null, browser: "chrome", tabId: "another-tab" });
    expect(plan.origin).toMatchObject({ kind: "browser-storage", area: "localStorage", token: "ui-cached" });
  });

  it("remote mode on a laptop: gateway.remote.url and gateway.remote.token first, before the env token", () => {
    const world = machineWorld("2026.3");
    world.addHost({ name: "laptop", kind: "lan" });
    const remoteUrl = `ws://${gatewayHostAddress}:${gatewayPort}`;
    const laptop = createMachine({
      name: "laptop",
      config: { gateway: { mode: "remote", remote: { url: remoteUrl, token: "cfg" } } },
      shellEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" },
    });
    world.addMachine({ name: "laptop", host: "laptop", machine: laptop });
    const plan = world.planMachineClient("laptop", { kind: "backend", identity: null });
    expect(plan.options).toMatchObject({ url: remoteUrl, passiveToken: "cfg" });
    expect(plan.origin).toMatchObject({ resolved: { rule: "remote", tokenSource: "config:gateway.remote.token" } });
  });

  it("the gateway process itself: env-first in 2026.2.14's service and in any foreground run, config-first in 2026.3's service", () => {
    const legacyUnit = installServiceUnit({ config: tokenConfig("unit"), switches: profile("2026.2.14").service, version: "2026.2.14" });
    for (const [profileName, expected] of [["2026.2.14", "unit"], ["2026.3", "cfg"]] as const) {
      const world = newWorld(profileName);
      addGatewayMachine(world, { config: tokenConfig("cfg"), shellEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" }, machine: (m) => withServiceUnit(m, legacyUnit) });
      expect(world.startGatewayService("gw")).toMatchObject({ kind: "started", auth: { token: expected } });
      expect(world.startGatewayForeground("gw")).toMatchObject({ kind: "started", via: "foreground", auth: { token: "shell", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN" } });
    }
  });
});
