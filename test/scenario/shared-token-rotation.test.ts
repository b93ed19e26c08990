// `operator: rotate-shared-token` in the standard world, as the real CLI does it: `openclaw config set
// gateway.auth.token` on the gateway host, picked up by the release's config watcher (a restart or a hot reload
// per `credentialReload`), or — `restart: deferred` — written while the restart that would read it waits, so new
// handshakes keep the old secret until the gateway restarts (PR #60387's residual risk).
import { describe, expect, it } from "vitest";
import { run } from "./spec-helpers.ts";
import { findProfile, type TraceEvent } from "../../src/index.ts";

const connect = (name: string, token: string, ok: boolean) => ({
  connect: {
    name,
    from: "lan",
    connect: { params: { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}", client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" }, role: "operator", auth: { token } } },
  },
  expect: { ok },
});

const base = (restart: "watcher" | "deferred" | undefined, after: object[]) => ({
  name: "rotation",
  gateway: { auth: { mode: "token", token: "old" } },
  verdicts: { default: "pass" },
  steps: [
    { client: { name: "svc", kind: "backend", passiveToken: "{{gatewayToken}}" } },
    { wait: 3000 },
    { operator: { action: "rotate-shared-token", token: "new", ...(restart ? { restart } : {}) } },
    { wait: 2000 },
    ...after,
  ],
});

const gatewayEvents = (events: readonly TraceEvent[], name: string) => events.filter((e) => e.kind === "gateway" && e.data["event"] === name);
const configEdits = (events: readonly TraceEvent[]) => gatewayEvents(events, "config.edit").map((e) => e.data["action"]);

describe("rotate-shared-token through the config watcher (default)", () => {
  it("the CLI line is recorded and the gateway host's config holds the new token", async () => {
    const r = await run(base(undefined, []), "2026.3");
    expect(r.verdict).toBe("pass");
    expect(r.events.some((e) => e.actor === "operator" && e.data["command"] === "openclaw config set gateway.auth.token new")).toBe(true);
  });

  it("2026.3 restarts the gateway for it (no auth key is hot); the new token works after, the old one not", async () => {
    const r = await run(base(undefined, [connect("new-token", "new", true), connect("old-token", "old", false)]), "2026.3");
    expect(r.verdict, r.findings.map((f) => f.message).join("\n")).toBe("pass");
    expect(configEdits(r.events)).toEqual(["restart"]);
    expect(r.events.filter((e) => e.kind === "gateway" && e.data["event"] === "process.start").length).toBe(2);
  });

  it("2026.9 hot-reloads the same-mode secret without a restart and closes shared-secret sessions (4001)", async () => {
    const r = await run(base(undefined, [connect("new-token", "new", true), connect("old-token", "old", false)]), "2026.9");
    expect(r.verdict, r.findings.map((f) => f.message).join("\n")).toBe("pass");
    expect(configEdits(r.events)).toEqual(["hot"]);
    expect(gatewayEvents(r.events, "gateway.shared-secret-changed").map((e) => e.data["closed"])).toEqual([1]);
  });
});

describe("rotate-shared-token with restart: deferred", () => {
  it("new handshakes keep the old secret until the gateway restarts, then the new one", async () => {
    const r = await run(
      base("deferred", [
        connect("new-before", "new", false),
        connect("old-before", "old", true),
        { operator: { action: "restart-gateway" } },
        { wait: 3000 },
        connect("new-after", "new", true),
        connect("old-after", "old", false),
      ]),
      "2026.9",
    );
    expect(r.verdict, r.findings.map((f) => f.message).join("\n")).toBe("pass");
    expect(configEdits(r.events)).toEqual([]);
    expect(gatewayEvents(r.events, "gateway.shared-secret-changed").map((e) => e.data["restartDeferred"])).toEqual([true]);
  });

  it("closes shared-secret sessions where the release does (2026.9), keeps them where it does not (2026.3)", async () => {
    const closed = async (profile: string) => gatewayEvents((await run(base("deferred", []), profile)).events, "gateway.shared-secret-changed")[0]!.data["closed"];
    expect(await closed("2026.9")).toBe(1);
    expect(await closed("2026.3")).toBe(0);
  });
});

describe("rotate-shared-token and a Control UI tab on its stored device token (2026.9.6 seen live)", () => {
  const tabs = {
    name: "two-tabs",
    gateway: { auth: { mode: "token", token: "old" } },
    verdicts: { default: "pass" },
    steps: [
      { browserTab: { action: "open", machine: "gateway-host", browser: "chrome", tab: "t1", client: "ui1", url: "http://127.0.0.1:18789/#token={{gatewayToken}}" } },
      { wait: 3000 },
      { browserTab: { action: "open", machine: "gateway-host", browser: "chrome", tab: "t2", client: "ui2", url: "http://127.0.0.1:18789/" } },
      { wait: 3000 },
      { operator: { action: "rotate-shared-token", token: "new" } },
      { wait: 2000 },
    ],
  };
  const closes = (events: readonly TraceEvent[], client: string) => events.filter((e) => e.actor === client && e.data["event"] === "closed").map((e) => e.data["code"]);
  const hello = (events: readonly TraceEvent[], client: string) => events.find((e) => e.actor === client && e.data["event"] === "hello")?.data["authMethod"];

  it("its session names the shared auth's generation, so the rotation closes it 4001 too; without the issuer it stays", async () => {
    const p = findProfile("2026.9")!;
    const on = await run(tabs, p);
    const off = await run(tabs, { ...p, gateway: { ...p.gateway, deviceTokenIssuer: false } });
    expect([hello(on.events, "ui1"), hello(on.events, "ui2")]).toEqual(["token", "device-token"]);
    expect([closes(on.events, "ui1")[0], closes(on.events, "ui2")[0]]).toEqual([4001, 4001]);
    expect([closes(off.events, "ui1")[0], closes(off.events, "ui2")]).toEqual([4001, []]);
  });
});
