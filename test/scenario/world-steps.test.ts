// The world's step kinds: gatewayConfig (edit while running, per-release reload), clientLife (process and
// files), expectGateway (sessions and pairing records), expectClientAuth (stored token, last error), the
// gateway section's start-time options, and the client step's sameHostAs / reconnect. Each example file runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, run } from "./spec-helpers.ts";
import { parseRunSpec, type RunSpec } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");



function fileSpec(name: string): RunSpec {
  const parsed = parseRunSpec(readFileSync(join(root, "scenarios", "files", name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

describe("gatewayConfig", () => {
  const edit = (expectAction: string) => ({
    name: "edit",
    gateway: { auth: { mode: "token", token: "t" } },
    steps: [{ wait: 6000 }, { gatewayConfig: { set: { controlUi: { allowedOrigins: ["https://ui.example"] } }, expect: expectAction } }, { wait: 1000 }],
  });

  it("the release decides: 2026.9 hot, 2026.3 restart; a wrong expectation is a finding naming both", async () => {
    expect((await run(edit("hot"), "2026.9")).findings).toEqual([]);
    expect((await run(edit("restart"), "2026.3")).findings).toEqual([]);
    const wrong = await run(edit("hot"), "2026.3");
    expect(wrong.findings.map((f) => f.message)).toEqual(["step 1 (gatewayConfig): 2026.3 restarts the gateway [gateway.controlUi.allowedOrigins], expected hot"]);
  });

  it("an option the release does not have is an input problem (autoApproveLocal before 2026.9; bind while running)", () => {
    const spec = { name: "x", steps: [{ gatewayConfig: { set: { nodes: { pairing: { autoApproveLocal: false } }, bind: "loopback" } } }] };
    const parsed = parse(spec, "2026.3");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain("at /steps/0/gatewayConfig/set/nodes/pairing/autoApproveLocal: release 2026.3 has no gateway.nodes.pairing.autoApproveLocal");
    expect(parsed.message).toContain("at /steps/0/gatewayConfig/set/bind: gateway.bind is read at start only");
    expect(parse({ name: "y", steps: [{ gatewayConfig: { set: { nodes: { pairing: { autoApproveLocal: false } } } } }] }, "2026.9").ok).toBe(true);
  });

  it("a step guarded away from the release (when:) may use options that release lacks", () => {
    const guarded = (when: object) => ({ name: "g", steps: [{ when, gatewayConfig: { set: { nodes: { pairing: { autoApproveLocal: false } } } } }] });
    expect(parse(guarded({ profiles: ["2026.9"] }), "2026.3").ok).toBe(true);
    expect(parse(guarded({ notProfiles: ["2026.3"] }), "2026.3").ok).toBe(true);
    const unguarded = parse(guarded({ profiles: ["2026.3", "2026.9"] }), "2026.3");
    expect(unguarded.ok).toBe(false);
  });

  it("start-time options: autoApproveLocal=false (2026.9) leaves a local device pending", async () => {
    const spec = {
      name: "auto-approve",
      gateway: { auth: { mode: "token", token: "t" }, nodes: { pairing: { autoApproveLocal: false } } },
      identities: ["desk"],
      steps: [
        { client: { name: "tui", kind: "tui", identity: "desk", passiveToken: "{{gatewayToken}}" } },
        { wait: 8000 },
        { expectGateway: { pendingCount: 1, paired: [{ identity: "desk", present: false }] } },
      ],
    };
    expect((await run(spec, "2026.9")).findings).toEqual([]);
  });
});

describe("clientLife, expectGateway, expectClientAuth", () => {
  it("force-stop drops the device's session; expectGateway sees it (and fails when told otherwise)", async () => {
    const spec = (sessions: number) => ({
      name: "kill",
      gateway: { auth: { mode: "token", token: "t" } },
      identities: ["desk"],
      steps: [
        { client: { name: "tui", kind: "tui", identity: "desk", passiveToken: "{{gatewayToken}}" } },
        { wait: 6000 },
        { expectClientAuth: { client: "tui", storedToken: true, reissued: false } },
        { clientLife: { client: "tui", action: "force-stop" } },
        { wait: 1000 },
        { expectGateway: { sessions: { desk: sessions }, paired: [{ identity: "desk", roles: ["operator"], tokenRoles: ["operator"] }] } },
      ],
    });
    expect((await run(spec(0), "2026.9")).findings).toEqual([]);
    expect((await run(spec(1), "2026.9")).findings.map((f) => f.message)).toEqual(["step 5 (gateway): desk has 0 open session(s), expected 1"]);
  });

  it("relaunch reissues the stored token", async () => {
    const spec = {
      name: "relaunch",
      gateway: { auth: { mode: "token", token: "t" } },
      identities: ["desk"],
      steps: [
        { client: { name: "tui", kind: "tui", identity: "desk", passiveToken: "{{gatewayToken}}" } },
        { wait: 6000 },
        { clientLife: { client: "tui", action: "relaunch" } },
        { wait: 3000 },
        { expectClientAuth: { client: "tui", storedToken: true, reissued: true, lastError: null } },
      ],
    };
    expect((await run(spec, "2026.3")).findings).toEqual([]);
  });

  it("upgrade needs a known profile; clientLife on an unknown client is an input problem", () => {
    const parsed = parse({ name: "x", steps: [{ clientLife: { client: "ghost", action: "upgrade", profile: "2099.1" } }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain("2 problems");
  });
});

describe("example files", () => {
  const cases: [string, string[]][] = [
    ["trusted-proxy-hot-reload.yaml", ["2026.3", "2026.9"]],
    ["client-upgrade.yaml", ["2026.3", "2026.9"]],
    ["device-auth-deleted.yaml", ["2026.3", "2026.9"]],
    ["shared-ip-rate-limited.yaml", ["2026.3", "2026.9"]],
  ];
  for (const [file, profiles] of cases) {
    it(`${file} holds under ${profiles.join(", ")}`, async () => {
      for (const p of profiles) expect((await run(fileSpec(file), p)).findings).toEqual([]);
    });
  }

  it("shared-ip-rate-limited: without the neighbours the correct token connects (flip)", async () => {
    const spec = fileSpec("shared-ip-rate-limited.yaml");
    const alone = { ...spec, steps: spec.steps.filter((s) => !("client" in s && s.client.name.startsWith("bad"))).map((s) => ("client" in s ? { client: { ...s.client, sameHostAs: undefined, from: "lan" as const } } : s)) };
    const r = await run(alone, "2026.3");
    expect(r.findings.map((f) => f.message).join(" ")).toContain("connected is true, expected false");
  });
});

describe("gatewayProcess and wire faults", () => {
  const events = (r: Awaited<ReturnType<typeof run>>, what: string) => r.events.filter((e) => e.data["event"] === what).length;

  it("a crash under a supervisor is followed by a respawn RestartSec later (flip: unsupervised stays down)", async () => {
    const spec = (supervised: boolean) => ({
      name: "crash",
      gateway: { auth: { mode: "token", token: "t" } },
      steps: [
        ...(supervised ? [{ gatewayProcess: { action: "supervise", restartSecMs: 5000 } }] : []),
        { client: { name: "svc", kind: "backend", passiveToken: "{{gatewayToken}}" } },
        { wait: 6000 },
        { gatewayProcess: { action: "crash" } },
        { wait: 30000 },
        { expectClient: { name: "svc", connected: true } },
      ],
    });
    const supervised = await run(spec(true), "2026.3");
    expect(supervised.findings).toEqual([]);
    expect(events(supervised, "supervisor.respawn-scheduled")).toBe(1);
    const alone = await run(spec(false), "2026.3");
    expect(alone.findings.map((f) => f.message)).toEqual(["step 4 (client svc): connected is false, expected true"]);
  });

  it("restart-draining: a peer that never acks keeps the port bound (EADDRINUSE); without one the restart is clean", async () => {
    const held = await run(fileSpec("restart-port-held.yaml"), "2026.3");
    expect(held.findings).toEqual([]);
    expect(events(held, "process.start-failed")).toBe(1);
    const spec = fileSpec("restart-port-held.yaml");
    const clean = {
      ...spec,
      steps: spec.steps.map((s) => ("gatewayProcess" in s && s.gatewayProcess.action === "restart-draining" ? { gatewayProcess: { ...s.gatewayProcess, peersNeverAck: [] } } : s)),
    };
    const r = await run(clean, "2026.3");
    expect(events(r, "process.start-failed")).toBe(0);
    // The restart is clean, so the laptop is already back when the file expects the port still held.
    expect(r.findings.map((f) => f.message)).toEqual(["step 6 (gateway): device-less has 1 open session(s), expected 0"]);
  });

  it("connect-before-challenge.yaml holds under every release", async () => {
    for (const p of ["2026.2.13", "2026.3", "2026.9"]) expect((await run(fileSpec("connect-before-challenge.yaml"), p)).findings).toEqual([]);
  });

  it("sendBeforeChallenge really sends before the challenge: a signed connect over the challenge nonce would pass (flip)", async () => {
    const signed = (before: boolean) => ({
      name: "eager",
      gateway: { auth: { mode: "token", token: "t" } },
      identities: ["script"],
      steps: [{
        connect: {
          name: "c",
          ...(before ? { sendBeforeChallenge: true } : {}),
          device: { identity: "script", payloadVersion: "{{signatureVersion}}" },
          connect: { params: { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}", client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" } } },
        },
        expect: { ok: true },
      }],
    });
    expect((await run(signed(false), "2026.3")).findings).toEqual([]);
    expect((await run(signed(true), "2026.3")).findings.length).toBeGreaterThan(0);
  });
});
