// Gateway restarts inside a conformance configuration: the generator inserts them, the real side restarts its
// process before the attempt, the model side and fixture replay restart the model's gateway at the time the real
// one served again. What a restart keeps and loses is the model's (src/world/gateway-node.ts): here a strict
// limiter's lockout (memory) is gone after it, and a paired device (the pairing store on disk) stays paired.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

import { findProfile } from "../../src/index.ts";
import { adaptToConfig, restartAttempt } from "../../sim/conformance/adapt.ts";
import { modelGatewayConfig, type ConformanceConfig } from "../../sim/conformance/configs.ts";
import { countedAttempt, parseConformanceFixture, replayFixtureBounded, replayRun, type ConformanceFixtureRun, type FixtureStep, type OutcomeDigest } from "../../sim/conformance/fixture.ts";
import { generateAttempts } from "../../sim/conformance/generate.ts";
import { ModelSide, modelToken, RealSide, type AttemptOracle } from "../../sim/conformance/sides.ts";
import type { Attempt, Outcome } from "../../sim/oracle/attempt.ts";
import { GatewayNode } from "../../src/world/gateway-node.ts";

const profile = findProfile("2026.9")!;
const config: ConformanceConfig = { name: "strict", mode: "token", rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 600_000, exemptLoopback: false } };
const seed = "11".repeat(32);

function connect(name: string, token: string, extra: Partial<Attempt> = {}): Attempt {
  const params = { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], auth: { token } };
  return { name, connect: { params }, ...extra };
}

const code = (outcome: Outcome): string | undefined => (outcome.response?.error?.details as { code?: string } | undefined)?.code;

describe("gateway restarts in a conformance configuration", () => {
  it("the generator inserts about one restart in 100 attempts, never first, as its own device-token reconnect step", () => {
    const base = generateAttempts(7n, 2_000);
    const adapted = adaptToConfig(base, config, 99);
    const restarts = adapted.filter((a) => a.gatewayRestart === true);
    expect(restarts.length).toBeGreaterThan(8);
    expect(restarts.length).toBeLessThan(40);
    expect(adapted[0]!.gatewayRestart).not.toBe(true);
    for (const r of restarts) {
      expect(r.name).toMatch(/-restart$/);
      const identity = /\{\{deviceToken:(\w+)\}\}/.exec(JSON.stringify(r.connect))?.[1] as "ann" | "ben" | "cat" | "dan";
      expect(r).toEqual(restartAttempt(r.name, config, identity));
    }
    expect(adaptToConfig(base, config, 99)).toEqual(adapted);
    expect(adaptToConfig(base, config, 100).filter((a) => a.gatewayRestart === true).map((a) => a.name)).not.toEqual(restarts.map((a) => a.name));
  });

  it("the real side restarts the process before a restart step's attempt, and only then", async () => {
    const log: string[] = [];
    let wall = 0;
    const gateway = { restart: async () => void log.push("restart") };
    const driver: AttemptOracle = { run: async (a) => (log.push(`run ${a.name} at ${wall}`), { challenge: null, response: null, close: null, elapsedMs: 0, events: [], notes: [] }) };
    const real = new RealSide(gateway, driver, () => wall);
    await real.run(connect("a", "x"));
    wall = 1234.4;
    await real.run(connect("b", "x", { gatewayRestart: true }));
    expect(log).toEqual(["run a at 0", "restart", "run b at 1234.4"]);
    expect(real.lastReadyWallMs).toBe(1234);
  });

  it("the model side's restart clears a limiter lockout and keeps a paired device", async () => {
    const side = new ModelSide({ profile, identities: { ann: seed }, config: modelGatewayConfig(config, modelToken) });
    const device = { identitySeed: seed, payloadVersion: "v3" as const };
    expect((await side.run({ ...connect("pair", "{{gatewayToken}}"), device })).response?.ok).toBe(true);
    for (const name of ["w1", "w2"]) expect(code(await side.run(connect(name, "wrong")))).toBe("AUTH_TOKEN_MISMATCH");
    expect(code(await side.run(connect("w3", "wrong")))).toBe("AUTH_RATE_LIMITED");
    expect(code(await side.run(connect("w4", "wrong", { gatewayRestart: true })))).toBe("AUTH_TOKEN_MISMATCH");
    // Only the device token the first connect was issued: accepted only if the pairing outlived the restart.
    const byDeviceToken = connect("paired-still", "");
    const params = (byDeviceToken.connect as { params: Record<string, unknown> }).params;
    const again = await side.run({ ...byDeviceToken, connect: { params: { ...params, auth: { deviceToken: "{{deviceToken:ann}}" } } }, device });
    expect(again.response?.ok).toBe(true);
  });

  it("fixture replay restarts the model where the recording says, and a recording without the restart diverges", () => {
    const real = (detail: string): OutcomeDigest => ({ "details.code": detail });
    const steps = (restart: boolean): FixtureStep[] => [
      { attempt: connect("w1", "wrong"), atMs: 10, real: real("AUTH_TOKEN_MISMATCH") },
      { attempt: connect("w2", "wrong"), atMs: 20, real: real("AUTH_TOKEN_MISMATCH") },
      { attempt: connect("w3", "wrong"), atMs: 30, real: real("AUTH_RATE_LIMITED") },
      { attempt: connect("w4", "wrong", restart ? { gatewayRestart: true } : {}), atMs: 5_030, ...(restart ? { readyAtMs: 5_000 } : {}), real: real("AUTH_TOKEN_MISMATCH") },
    ];
    // The recorded digests hold only the detail code: every other field differs and is left out here.
    const detailDivergences = (restart: boolean): string[] =>
      replayRun({ config, steps: steps(restart) } satisfies ConformanceFixtureRun, { ann: seed }, profile)
        .filter((d) => d.field === "details.code")
        .map((d) => `${d.attempt}: ${String(d.model)}`);
    expect(detailDivergences(true)).toEqual([]);
    expect(detailDivergences(false)).toEqual(["w4: AUTH_RATE_LIMITED"]);
  });

  it("a recording with restarts pins what a restart keeps: a model whose restart loses the pairing store diverges", () => {
    const file = "conformance-openclaw-2026.4.14-seed-77-restarts.json";
    const fixture = parseConformanceFixture(readFileSync(join(import.meta.dirname, "..", "fixtures", "conformance", file), "utf8"), file);
    const profile414 = findProfile(fixture.profile)!;
    const divergent = (): number => new Set(replayFixtureBounded(fixture, profile414, { bounds: "start" }).divergences.filter((d) => countedAttempt(d.attempt)).map((d) => `${d.run}/${d.attempt}`)).size;
    expect(fixture.runs.flatMap((r) => r.steps).filter((s) => s.attempt.gatewayRestart === true).length).toBeGreaterThan(3);
    expect(divergent()).toBe(0);
    const starts = new WeakMap<GatewayNode, number>();
    const start = GatewayNode.prototype.start;
    const spy = vi.spyOn(GatewayNode.prototype, "start").mockImplementation(function (this: GatewayNode, config) {
      const n = (starts.get(this) ?? 0) + 1;
      starts.set(this, n);
      if (n > 1) this.persisted = undefined;
      start.call(this, config);
    });
    try {
      expect(divergent()).toBeGreaterThan(10);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});
