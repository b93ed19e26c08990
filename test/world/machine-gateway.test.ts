// The machine bound into the world (a container too): the gateway service refuses to start on an invalid config, a missing
// EnvironmentFile or a missing secret (a `host` trace event, gateway down; its service manager tries again, and a
// fixed config brings it back); a config write reaches the running
// gateway through its watcher (in-process restart in 2026.2/2026.3, a live secret swap in 2026.4, nothing with
// gateway.reload.mode=off); `devices list/approve` fall back to the local pairing files when the CLI's own
// connect needs pairing, and never with --url.
import { describe, expect, it } from "vitest";
import { configFileFromText, op, withConfigFile, withEnvironmentFile, withServiceUnit, installServiceUnit, truncateConfigFile } from "../../src/host/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, gatewayHostAddress, gatewayPort, hostEvents, identity, localUrl, newWorld, profile, tokenConfig } from "../seeds/story.ts";

const warm = (world: World) => world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);

describe("gateway service start from the machine", () => {
  it("refuses on an invalid config: no gateway, a host event with the issues", () => {
    const world = newWorld("2026.3");
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.operator("gw", op.gatewayInstall({}));
    warm(world);
    expect(world.gateway("gateway").running).toBe(true);
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromText('{"gateway":{"port":"eighteen"}}')), "hand edit");
    const restart = world.operator("gw", op.gatewayRestart());
    expect(restart.gatewayStarts).toEqual([{ kind: "refused", via: "service", reason: "config-invalid", detail: "Config invalid: gateway.port: expected a port 1-65535" }]);
    expect(world.gateway("gateway").running).toBe(false);
    expect(hostEvents(world, "gw", "gateway.refuse-start").at(-1)?.data).toMatchObject({ reason: "config-invalid" });
  });

  it("refuses without a unit, with a missing EnvironmentFile, and (2026.2.17) without any token", () => {
    const world = newWorld("2026.2.17");
    addGatewayMachine(world, { config: { gateway: { mode: "local", auth: { mode: "token" } } } });
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "refused", reason: "not-installed" });
    const path = "/etc/openclaw/gateway.env";
    const unit = installServiceUnit({ config: {}, switches: profile("2026.2.17").service, version: "2026.2.17", environmentFiles: [{ path, optional: false }] });
    world.updateMachine("gw", (m) => withServiceUnit(m, unit));
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "refused", reason: "missing-environment-file", detail: `EnvironmentFile ${path} not found` });
    world.updateMachine("gw", (m) => withEnvironmentFile(m, path, {}));
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "refused", reason: "token-missing" });
    world.updateMachine("gw", (m) => withEnvironmentFile(m, path, { OPENCLAW_GATEWAY_TOKEN: "from-file" }));
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "started", auth: { token: "from-file" } });
    expect(world.gateways.size).toBe(1);
  });

  it("a service gateway that refused to start is started again by its manager (systemd: 5 s) and comes up once the config is fixed; a foreground one stays down", () => {
    const world = newWorld("2026.9");
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.operator("gw", op.gatewayInstall({}));
    warm(world);
    const tokenless = '{"gateway":{"mode":"local","port":18789,"bind":"lan","auth":{"mode":"none"}}}';
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromText(tokenless)), "hand edit");
    expect(world.operator("gw", op.gatewayRestart()).gatewayStarts).toMatchObject([{ kind: "refused", reason: "non-loopback-without-auth" }]);
    world.runFor(12_000);
    expect(hostEvents(world, "gw", "gateway.refuse-start")).toHaveLength(3);
    expect(hostEvents(world, "gw", "service.respawn-scheduled").at(-1)?.data).toMatchObject({ manager: "systemd", afterMs: 5_000 });
    expect(world.gateway("gateway").running).toBe(false);
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromText(JSON.stringify(tokenConfig("T2")))), "hand edit");
    world.runFor(5_000);
    expect(world.gateway("gateway").running).toBe(true);
    expect(world.machines.get("gw")!.lastStart).toMatchObject({ kind: "started", via: "service", auth: { token: "T2" } });
    world.updateMachine("gw", (m) => withConfigFile(m, configFileFromText(tokenless)), "hand edit");
    expect(world.startGatewayForeground("gw")).toMatchObject({ kind: "refused", via: "foreground" });
    const refusals = hostEvents(world, "gw", "gateway.refuse-start").length;
    world.runFor(30_000);
    expect(hostEvents(world, "gw", "gateway.refuse-start")).toHaveLength(refusals);
  });

  it("the unit's --port decides where the service listens", () => {
    const world = newWorld("2026.3");
    addGatewayMachine(world, { config: tokenConfig("T1", { gateway: { port: 19001 } }) });
    expect(world.operator("gw", op.gatewayInstall()).gatewayStarts[0]).toMatchObject({ kind: "started", port: 19001 });
  });
});

describe("a start with token auth and no token anywhere (tokenBootstrap)", () => {
  const fileTokenOf = (world: World) => (world.machines.get("gw")!.machine.config.config as { gateway?: { auth?: { token?: string } } }).gateway?.auth?.token;
  const tokenless = (bind?: string) => ({ gateway: { mode: "local", port: gatewayPort, ...(bind ? { bind } : {}), auth: { mode: "token" } } }) as never;
  function start(profileName: string, bind?: string) {
    const world = newWorld(profileName);
    addGatewayMachine(world, { config: tokenless(bind), cliIdentity: identity(200) });
    const first = world.startGatewayForeground("gw");
    return { world, first, fileToken: () => fileTokenOf(world) };
  }

  it("2026.2.17 refuses; 2026.3 writes a generated token into the config and keeps it across restarts", () => {
    expect(start("2026.2.17").first).toMatchObject({ kind: "refused", reason: "token-missing" });
    const { world, first, fileToken } = start("2026.3");
    expect(first).toMatchObject({ kind: "started", auth: { tokenSource: "config:gateway.auth.token" } });
    expect(fileToken()).toMatch(/^[0-9a-f]{48}$/);
    const token = fileToken();
    expect(world.startGatewayForeground("gw")).toMatchObject({ kind: "started", auth: { token } });
    expect(hostEvents(world, "gw", "gateway.auth-token-generated").map((e) => e.data["persisted"])).toEqual([true]);
    // A bind beyond loopback starts too: the token is made before anything needs it.
    expect(start("2026.3", "lan").first).toMatchObject({ kind: "started", listen: "0.0.0.0" });
  });

  it("from 2026.5.28 the token lives in the process only: the file stays tokenless, a restart makes another, and beyond loopback the start is refused", () => {
    const { world, first, fileToken } = start("2026.7");
    expect(first).toMatchObject({ kind: "started", auth: { tokenSource: "generated" } });
    expect(fileToken()).toBeUndefined();
    const again = world.startGatewayForeground("gw");
    expect(again.kind === "started" && first.kind === "started" && again.auth.token !== first.auth.token).toBe(true);
    expect(hostEvents(world, "gw", "gateway.auth-token-generated").map((e) => e.data["persisted"])).toEqual([false, false]);
    expect(start("2026.9", "lan").first).toMatchObject({ kind: "refused", reason: "non-loopback-without-auth" });
  });

  it("`gateway install` with no token saves a generated one to the config first (every release), and the service starts on it", () => {
    for (const name of ["2026.2.17", "2026.9"]) {
      const world = newWorld(name);
      addGatewayMachine(world, { config: tokenless(), cliIdentity: identity(200) });
      const fileToken = () => fileTokenOf(world);
      const install = world.operator("gw", op.gatewayInstall());
      expect(install.effects.map((e) => (e.type === "config-written" ? e.reason : e.type))).toContain("persist generated install token");
      expect(fileToken(), name).toMatch(/^[0-9a-f]{48}$/);
      // 2026.2.17's unit embeds it too (its gateway reads the environment first); 2026.9's unit is tokenless.
      const source = name === "2026.9" ? "config:gateway.auth.token" : "env:OPENCLAW_GATEWAY_TOKEN";
      expect(install.gatewayStarts.at(-1), name).toMatchObject({ kind: "started", auth: { token: fileToken(), tokenSource: source } });
    }
    // Not with a Tailscale identity to lean on (tailscale serve allows it by default).
    const world = newWorld("2026.9");
    addGatewayMachine(world, { config: { gateway: { mode: "local", port: gatewayPort, tailscale: { mode: "serve" }, auth: { mode: "token" } } } as never });
    world.operator("gw", op.gatewayInstall());
    expect(fileTokenOf(world)).toBeUndefined();
  });

  it("2026.7's operator CLI cannot get in on a runtime token (it refuses before opening a socket); 2026.9 pairs it before readiness and its devices commands work", () => {
    const list = (profileName: string) => {
      const { world } = start(profileName);
      warm(world);
      const run = world.operator("gw", op.devicesList());
      const message = run.rpc?.ok === false ? run.rpc.error.message : undefined;
      return { rpc: run.rpc?.ok, via: run.rpc?.via, message, cliClients: run.rpcClient !== undefined, paired: hostEvents(world, "gw", "gateway.local-cli-paired").map((e) => e.data["outcome"]) };
    };
    expect(list("2026.7")).toEqual({ rpc: false, via: "cli", message: "gateway device.pair.list requires credentials before opening a websocket", cliClients: false, paired: [] });
    expect(list("2026.9")).toMatchObject({ rpc: true, via: "gateway", cliClients: true, paired: ["created"] });
    // 2026.4 writes its token into the config, which the CLI reads.
    expect(list("2026.4")).toMatchObject({ rpc: true, via: "gateway", paired: [] });
  });
});

describe("Control UI origins seeded at start for a non-loopback bind (controlUiOriginSeed)", () => {
  const seeded = ["http://localhost:19001", "http://127.0.0.1:19001"];
  function started(profileName: string, gateway: Record<string, unknown>, container = false) {
    const world = newWorld(profileName);
    addGatewayMachine(world, { config: tokenConfig("T1", { gateway: { port: 19001, ...gateway } }), machine: (m) => ({ ...m, container }) });
    world.operator("gw", op.gatewayInstall());
    const file = world.machines.get("gw")!.machine.config.config as { gateway?: { controlUi?: { allowedOrigins?: string[] } } };
    const listen = hostEvents(world, "gw", "gateway.start").at(-1)?.data["listen"];
    return { file: file.gateway?.controlUi?.allowedOrigins, running: world.gateway("gateway").state.config.controlUi.allowedOrigins, events: hostEvents(world, "gw", "gateway.control-ui-origins-seeded").length, listen };
  }

  it("2026.3 writes them into the config file; 2026.9 applies them to the running process only; 2026.2.22 seeds none", () => {
    expect(started("2026.3", { bind: "lan" })).toEqual({ file: seeded, running: seeded, events: 1, listen: "0.0.0.0" });
    expect(started("2026.9", { bind: "lan" })).toEqual({ file: undefined, running: seeded, events: 1, listen: "0.0.0.0" });
    expect(started("2026.2.22", { bind: "lan" })).toEqual({ file: undefined, running: [], events: 0, listen: "0.0.0.0" });
  });

  it("not for a loopback or unset bind, configured origins or the Host-header fallback; auto only from 2026.4", () => {
    expect(started("2026.3", { bind: "loopback" }).running).toEqual([]);
    expect(started("2026.3", { bind: undefined }).running).toEqual([]);
    expect(started("2026.3", { bind: "lan", controlUi: { allowedOrigins: ["https://ui.example"] } }).running).toEqual(["https://ui.example"]);
    expect(started("2026.3", { bind: "lan", controlUi: { dangerouslyAllowHostHeaderOriginFallback: true } }).running).toEqual([]);
    expect([started("2026.3", { bind: "auto" }).running, started("2026.4", { bind: "auto" }).running]).toEqual([[], seeded]);
  });

  it("in a container an unset bind is auto from 2026.4.14: every interface, and the origins seeded as for auto", () => {
    expect(started("2026.3.31", { bind: undefined }, true)).toEqual({ file: undefined, running: [], events: 0, listen: "127.0.0.1" });
    expect(started("2026.4", { bind: undefined }, true)).toEqual({ file: seeded, running: seeded, events: 1, listen: "0.0.0.0" });
    expect(started("2026.9", { bind: undefined }, true)).toEqual({ file: undefined, running: seeded, events: 1, listen: "0.0.0.0" });
    expect(started("2026.9", { bind: undefined }, false)).toEqual({ file: undefined, running: [], events: 0, listen: "127.0.0.1" });
    expect(started("2026.9", { bind: undefined, tailscale: { mode: "serve" } }, true).listen).toBe("127.0.0.1");
  });
});

describe("config writes reach the running gateway through its watcher", () => {
  function connected(profileName: string, extraGateway: Record<string, unknown> = {}): World {
    const world = newWorld(profileName);
    addGatewayMachine(world, { config: tokenConfig("T1", { gateway: extraGateway }) });
    world.operator("gw", op.gatewayInstall());
    warm(world);
    world.addMachineClient("gw", { name: "backend", spec: { kind: "backend", identity: null, env: { from: "gateway-service" } } });
    world.runFor(2_000);
    expect(count(world, "backend", "hello")).toBe(1);
    return world;
  }

  it("2026.3: gateway.auth.token changes restart the gateway in process 300 ms later (clients see 1012)", () => {
    const world = connected("2026.3");
    const starts = hostEvents(world, "gw", "gateway.start").length;
    world.operator("gw", op.rotateSharedToken("T2"));
    world.runFor(299);
    expect(world.gateway("gateway").state.config.auth.token).toBe("T1");
    world.runFor(2);
    expect(world.gateway("gateway").state.config.auth.token).toBe("T2");
    expect(hostEvents(world, "gw", "gateway.start")).toHaveLength(starts + 1);
    expect(clientEvents(world, "backend", "closed")[0]?.data["code"]).toBe(1012);
  });

  it("2026.4: a credential-only change is hot-reloaded and shared-secret sessions are closed 4001", () => {
    const world = connected("2026.4");
    const starts = hostEvents(world, "gw", "gateway.start").length;
    world.operator("gw", op.rotateSharedToken("T2"));
    world.runFor(1_000);
    expect(world.gateway("gateway").state.config.auth.token).toBe("T2");
    expect(hostEvents(world, "gw", "gateway.start")).toHaveLength(starts);
    expect(hostEvents(world, "gw", "config.reload").at(-1)?.data).toMatchObject({ action: "hot", paths: ["gateway.auth.token"] });
    expect(clientEvents(world, "backend", "closed")[0]?.data).toMatchObject({ code: 4001, reason: "gateway auth changed" });
  });

  it("gateway.reload.mode=off: the rotation waits for an explicit restart", () => {
    const world = connected("2026.3", { reload: { mode: "off" } });
    world.operator("gw", op.rotateSharedToken("T2"));
    world.runFor(5_000);
    expect(world.gateway("gateway").state.config.auth.token).toBe("T1");
    world.operator("gw", op.gatewayRestart());
    expect(world.gateway("gateway").state.config.auth.token).toBe("T2");
  });

  it("an invalid config written under a running gateway is skipped; the gateway keeps serving", () => {
    const world = connected("2026.3");
    world.updateMachine("gw", (m) => withConfigFile(m, truncateConfigFile(m.config, 10)));
    world.runFor(1_000);
    expect(hostEvents(world, "gw", "config.reload").at(-1)?.data).toMatchObject({ action: "skipped-invalid" });
    expect(world.gateway("gateway").running).toBe(true);
  });
});

describe("devices commands: local pairing fallback", () => {
  /** 2026.4: a laptop waits for approval; the operator CLI was paired read-only, so its own connects need a scope upgrade. */
  function pendingLaptop(): { world: World; laptop: string } {
    const world = newWorld("2026.4");
    addGatewayMachine(world, { config: tokenConfig("T1"), cliIdentity: identity(200) });
    world.addHost({ name: "laptop", kind: "lan" });
    world.operator("gw", op.gatewayInstall());
    warm(world);
    world.addMachineClient("gw", { name: "cli-readonly", user: "operator", spec: { kind: "cli", identity: identity(200), scopes: ["operator.read"], call: { method: "health" } } });
    world.addClient({ name: "laptop", host: "laptop", client: { kind: "backend", url: `ws://${gatewayHostAddress}:${gatewayPort}`, identity: identity(9), passiveToken: "T1" } });
    world.runFor(3_000);
    expect(clientEvents(world, "laptop", "paused")[0]?.data["detailCode"]).toBe("PAIRING_REQUIRED");
    return { world, laptop: identity(9).deviceId };
  }

  it("list and approve go to the pairing files when the CLI itself needs pairing on loopback; the laptop then connects", () => {
    const { world, laptop } = pendingLaptop();
    const list = world.operator("gw", op.devicesList());
    expect(list.rpc).toMatchObject({ ok: true, via: "local-pairing-fallback" });
    const pending = list.rpc?.ok ? (list.rpc.payload as { pending: { deviceId: string; requestId: string }[] }).pending : [];
    const request = pending.find((p) => p.deviceId === laptop);
    expect(request).toBeDefined();
    const approve = world.operator("gw", op.devicesApprove(request!.requestId));
    expect(approve.rpc).toMatchObject({ ok: true, via: "local-pairing-fallback", payload: { deviceId: laptop } });
    expect(world.gateway("gateway").persisted?.paired[laptop]).toBeDefined();
    world.client("laptop").start();
    world.runFor(3_000);
    expect(count(world, "laptop", "hello")).toBe(1);
  });

  it("never with --url: the CLI reports the gateway's refusal", () => {
    const { world } = pendingLaptop();
    const list = world.operator("gw", op.devicesList({ url: localUrl, token: "T1" }));
    expect(list.rpc).toMatchObject({ ok: false, via: "gateway" });
    expect(list.rpc?.ok === false ? list.rpc.error.message : "").toContain("pairing required");
  });
});

describe("determinism", () => {
  it("the same machine story under the same seed gives the same trace hash; another seed a different one", () => {
    const story = (seed: bigint) => {
      const world = newWorld("2026.3", seed);
      addGatewayMachine(world, { config: tokenConfig("T1") });
      world.operator("gw", op.gatewayInstall());
      warm(world);
      world.addMachineClient("gw", { name: "tui", spec: { kind: "tui", identity: identity(1) } });
      world.runFor(2_000);
      world.operator("gw", op.rotateSharedToken("T2"));
      world.operator("gw", op.devicesList());
      world.runFor(60_000);
      return world.trace.hash();
    };
    expect(story(7n)).toBe(story(7n));
    expect(story(8n)).not.toBe(story(7n));
  });
});
