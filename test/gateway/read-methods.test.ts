// RPCs clients call after hello: chat.history, system-presence, config.get, cron.* answer like the release
// (scopes, params errors, payload shape) instead of "unknown method".
import { describe, expect, it } from "vitest";
import { configRedactedSentinel, redactedGatewayConfig } from "../../src/gateway/index.ts";
import { gatewayRuntimeConfig } from "../../src/index.ts";
import { params, profile, runAttempts } from "./harness.ts";

const readOnly = (protocol: number) => params({ scopes: ["operator.read"], client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }, protocol);

/** 2026.3 as the S-Mar test suite has it: device-less sessions keep their scopes and the schema knows openclaw-tui
 *  (openclaw@2026.3.13, which the profile follows, clears them and refuses that id; these tests are about the
 *  methods, called from device-less sessions). */
const sMar = { scopeClearing: "preserve-allowed", connectSchema: "mar" } as const;

function rpcOf(name: string, calls: { method: string; params?: unknown }[], connect = readOnly(3), profileName = "2026.3") {
  const run = runAttempts({ profile: profile(profileName, profileName === "2026.3" ? { gateway: sMar } : undefined), attempts: [{ name, connect: { params: connect }, afterHello: calls }] });
  const rpc = run.outcomes[0]!.rpc ?? [];
  return { rpc, world: run.world };
}

describe("read methods after hello", () => {
  it("chat.history needs a session key and answers a page", () => {
    const { rpc } = rpcOf("history", [{ method: "chat.history", params: {} }, { method: "chat.history", params: { sessionKey: "main" } }]);
    expect(rpc[0]).toMatchObject({ ok: false, error: { code: "INVALID_REQUEST", message: "invalid chat.history params: must have required property 'sessionKey'" } });
    expect(rpc[1]).toMatchObject({ ok: true, payloadKeys: ["limit", "messages", "sessionKey", "thinkingLevel"] });
  });

  it("chat.history is a read method: a write-only session may call it, a pairing-only one may not", () => {
    const pairingOnly = params({ scopes: ["operator.pairing"], client: { id: "cli", version: "1", platform: "linux", mode: "cli" } });
    const { rpc } = rpcOf("pairing-only", [{ method: "chat.history", params: { sessionKey: "main" } }], pairingOnly);
    expect(rpc[0]).toMatchObject({ ok: false, error: { message: "missing scope: operator.read" } });
  });

  it("system-presence lists the gateway and connected non-CLI clients, newest first", () => {
    const tui = params({ scopes: ["operator.read"], client: { id: "openclaw-tui", displayName: "my-tui", version: "1", platform: "linux", mode: "ui", instanceId: "tui-1" } });
    const { rpc } = rpcOf("presence", [{ method: "system-presence" }], tui);
    expect(rpc[0]).toMatchObject({ ok: true, summary: ["gateway/gateway/self", "my-tui/ui/connect"] });
  });

  it("a CLI client is not listed; a closed client stays listed with reason disconnect", () => {
    const tui = params({ scopes: ["operator.read"], client: { id: "openclaw-tui", displayName: "my-tui", version: "1", platform: "linux", mode: "ui", instanceId: "tui-1" } });
    const run = runAttempts({
      profile: profile("2026.3", { gateway: sMar }),
      attempts: [
        { name: "tui", connect: { params: tui } },
        { name: "cli", connect: { params: readOnly(3) }, afterHello: [{ method: "system-presence" }] },
      ],
    });
    const summary = run.outcomes[1]!.rpc![0]!.summary as string[];
    expect(summary).toContain("my-tui/ui/disconnect");
    expect(summary.some((s) => s.startsWith("cli/"))).toBe(false);
  });

  it("config.get's scope is a release switch: admin (2026.2.13) vs read (2026.2.22 on) — flip", () => {
    const run = (configGetScope: "operator.admin" | "operator.read") =>
      runAttempts({ profile: profile("2026.3", { gateway: { ...sMar, configGetScope } }), attempts: [{ name: "cfg", connect: { params: readOnly(3) }, afterHello: [{ method: "config.get" }] }] }).outcomes[0]!.rpc![0];
    expect(run("operator.admin")).toMatchObject({ ok: false, error: { message: "missing scope: operator.admin" } });
    expect(run("operator.read")).toMatchObject({ ok: true, payloadKeys: ["config", "exists", "issues", "legacyIssues", "path", "valid", "warnings"] });
    expect(profile("2026.2.13").gateway.configGetScope).toBe("operator.admin");
    expect(profile("2026.2.22").gateway.configGetScope).toBe("operator.read");
  });

  it("config.get shows the running config with secrets redacted", () => {
    const shown = redactedGatewayConfig(gatewayRuntimeConfig({ auth: { mode: "token", token: "secret" }, trustedProxies: ["10.0.0.1"] }));
    expect(shown).toMatchObject({ auth: { mode: "token", token: configRedactedSentinel }, trustedProxies: ["10.0.0.1"] });
    expect(JSON.stringify(shown)).not.toContain('"secret"');
  });

  it("config.get rejects params (closed object)", () => {
    const { rpc } = rpcOf("cfg-params", [{ method: "config.get", params: { path: "gateway" } }]);
    expect(rpc[0]).toMatchObject({ ok: false, error: { message: "invalid config.get params: at root: unexpected property 'path'" } });
  });

  it("cron: list/status are read, add/remove need admin; ids are required", () => {
    const { rpc } = rpcOf("cron", [
      { method: "cron.list" },
      { method: "cron.status" },
      { method: "cron.add", params: { name: "n", schedule: { kind: "every", everyMs: 60000 } } },
      { method: "cron.remove", params: {} },
    ]);
    expect(rpc.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(rpc[2]!.error!.message).toBe("missing scope: operator.admin");
    const admin = rpcOf("cron-admin", [
      { method: "cron.add", params: { name: "n", schedule: { kind: "every", everyMs: 60000 } } },
      { method: "cron.remove", params: {} },
      { method: "cron.add", params: { schedule: {} } },
    ], params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } })).rpc;
    expect(admin[0]).toMatchObject({ ok: true });
    expect(admin[1]!.error!.message).toBe("invalid cron.remove params: missing id");
    expect(admin[2]!.error!.message).toBe("invalid cron.add params: must have required property 'name'");
  });

  it("a method the release does not have still answers unknown method", () => {
    const { rpc } = rpcOf("unknown", [{ method: "no.such.method" }], params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }));
    expect(rpc[0]).toMatchObject({ ok: false, error: { message: "unknown method: no.such.method" } });
  });

  it("2026.9 answers scope refusals as FORBIDDEN with MISSING_SCOPE for the new methods too", () => {
    const pairingOnly = params({ scopes: ["operator.pairing"], client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }, 4);
    const { rpc } = rpcOf("forbidden", [{ method: "system-presence" }], pairingOnly, "2026.9");
    expect(rpc[0]).toMatchObject({ ok: false, error: { code: "FORBIDDEN", details: { code: "MISSING_SCOPE", missingScope: "operator.read" } } });
  });
});

