// Grouping divergences and greedy shrinking, on a fake pair of oracles (no real gateway): the fake "real"
// gateway refuses any device signed by another key, the fake model accepts everything.
import { describe, expect, it } from "vitest";
import type { Attempt, Outcome } from "../../sim/oracle/attempt.ts";
import {
  groupDivergences,
  runSuite,
  shrinkCandidates,
  shrinkGreedy,
  type AttemptOracle,
  type Divergence,
} from "../../sim/conformance/index.ts";

const ok: Outcome = { challenge: null, response: { ok: true, helloOk: { protocol: 4, serverVersion: "x", auth: { method: "token", role: "operator", scopes: [] }, policy: {}, payloadKeys: [], snapshotKeys: [] } }, close: null, elapsedMs: 0, events: [] };
const refused = (message: string): Outcome => ({
  challenge: null,
  response: { ok: false, error: { code: "INVALID_REQUEST", message, details: { code: "DEVICE_AUTH_SIGNATURE_INVALID", reason: "device-signature" } } },
  close: { code: 1008, reason: message, by: "server" },
  elapsedMs: 0,
  events: [],
});

class FakeOracle implements AttemptOracle {
  readonly seen: string[] = [];
  constructor(private readonly answer: (a: Attempt) => Outcome) {}
  async run(attempt: Attempt): Promise<Outcome> {
    this.seen.push(attempt.name);
    return this.answer(attempt);
  }
}

const fatAttempt: Attempt = {
  name: "c0007",
  headers: { host: "gateway.example", origin: "http://127.0.0.1:{{port}}" },
  connect: { params: { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli", buildId: "dev" }, role: "operator", scopes: ["operator.admin", "operator.read"], auth: { token: "{{gatewayToken}}", deviceToken: "x" }, extra: true } },
  device: { identitySeed: "aa".repeat(32), payloadVersion: "v2", otherKeySeed: "bb".repeat(32), signedAtOffsetMs: 60_000, signatureFormat: "base64" },
  afterHello: [{ method: "health" }, { method: "status" }],
};
const plain: Attempt = { name: "c0001", connect: { params: { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli" } } } };

describe("groupDivergences", () => {
  const d = (attempt: string, field: string, real: unknown, model: unknown): Divergence => ({ run: "r", attempt, field, real, model });

  it("groups by (field, real, model), counts each attempt once, biggest group first", () => {
    const groups = groupDivergences([
      d("a1", "error.code", "X", undefined),
      d("a2", "ok", false, true),
      d("a2", "error.code", "X", undefined),
      d("a3", "ok", false, true),
      d("a3", "ok", false, true),
      d("a4", "ok", true, false),
      d("a5", "ok", false, true),
    ]);
    expect(groups.map((g) => [g.field, g.real, g.model, g.count, g.attempts])).toEqual([
      ["ok", false, true, 3, ["a2", "a3", "a5"]],
      ["error.code", "X", undefined, 2, ["a1", "a2"]],
      ["ok", true, false, 1, ["a4"]],
    ]);
  });
});

describe("shrinkCandidates", () => {
  it("drops one optional part at a time and never a required params field", () => {
    const candidates = shrinkCandidates(fatAttempt);
    const size = JSON.stringify(fatAttempt).length;
    // Each is smaller, except the one that only resets the payload version to the default v3.
    expect(candidates.filter((c) => JSON.stringify(c).length >= size).map((c) => c.device?.payloadVersion)).toEqual(["v3"]);
    for (const c of candidates) {
      const params = (c.connect as { params: Record<string, unknown> }).params;
      expect(params).toHaveProperty("minProtocol");
      expect(params).toHaveProperty("maxProtocol");
      expect(params).toHaveProperty("client.id");
      expect(params).toHaveProperty("client.mode");
    }
    expect(candidates).toContainEqual(expect.not.objectContaining({ afterHello: expect.anything() }));
    expect(candidates.some((c) => c.device?.payloadVersion === "v3")).toBe(true);
    expect(shrinkCandidates(plain)).toEqual([]);
  });

  it("tries an attempt with a gateway restart only without the restart (each check would restart a real gateway)", () => {
    expect(shrinkCandidates({ ...fatAttempt, gatewayRestart: true })).toEqual([fatAttempt]);
  });
});

describe("shrinkGreedy", () => {
  it("keeps only what the divergence needs", async () => {
    const needsOtherKey = async (a: Attempt) => a.device?.otherKeySeed !== undefined;
    const result = await shrinkGreedy(fatAttempt, needsOtherKey, 200);
    expect(result.budgetExhausted).toBe(false);
    expect(result.attempt).toEqual({
      name: "c0007",
      connect: { params: { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli" } } },
      device: { identitySeed: "aa".repeat(32), payloadVersion: "v3", otherKeySeed: "bb".repeat(32) },
    });
  });

  it("stops at the check budget", async () => {
    let checks = 0;
    const result = await shrinkGreedy(fatAttempt, async () => (++checks, true), 3);
    expect(checks).toBe(3);
    expect(result.budgetExhausted).toBe(true);
    expect(result.steps).toBe(3);
  });
});

describe("runSuite on fake oracles", () => {
  const answerReal = (a: Attempt) => (a.device?.otherKeySeed !== undefined ? refused("device signature invalid") : ok);

  it("finds the divergence, resets after failures on both sides, and shrinks against both", async () => {
    const real = new FakeOracle(answerReal);
    const model = new FakeOracle(() => ok);
    let now = 0;
    const result = await runSuite({ real, model, attempts: [plain, fatAttempt, { ...plain, name: "c0009" }], identities: {}, nowMs: () => (now += 1) });
    expect(result.divergentAttempts).toBe(1);
    expect(result.resets).toBe(1);
    // Both sides saw the same sockets: attempts, the reset probe after the failure, then the shrink checks.
    expect(model.seen).toEqual(real.seen);
    expect(real.seen.slice(0, 4)).toEqual(["c0001", "c0007", "ready-probe", "c0009"]);
    expect(result.groups.map((g) => g.field).sort()).toEqual(["close.code", "close.reason", "details.code", "details.reason", "error.code", "error.message", "ok"]);
    const ok0 = result.groups.find((g) => g.field === "ok")!;
    expect([ok0.real, ok0.model, ok0.count, ok0.attempts]).toEqual([false, true, 1, ["c0007"]]);
    // One cluster (all groups share the attempt): one shrink, one example for all.
    expect(new Set(result.groups.map((g) => JSON.stringify(g.example))).size).toBe(1);
    expect(ok0.example.device).toEqual({ identitySeed: "aa".repeat(32), payloadVersion: "v3", otherKeySeed: "bb".repeat(32) });
    expect(ok0.example.headers).toBeUndefined();
    expect(ok0.example.afterHello).toBeUndefined();
    expect(ok0.shrink?.steps).toBeGreaterThan(5);
  });

  it("reports no group when both sides agree", async () => {
    const result = await runSuite({ real: new FakeOracle(answerReal), model: new FakeOracle(answerReal), attempts: [plain, fatAttempt], identities: {}, nowMs: () => 0 });
    expect(result.groups).toEqual([]);
    expect(result.resets).toBe(1);
  });

  it("keeps the smallest original attempt when the divergence no longer reproduces", async () => {
    let calls = 0;
    const flaky = new FakeOracle((a) => (++calls === 1 ? refused(`once ${a.name}`) : ok));
    const result = await runSuite({ real: flaky, model: new FakeOracle(() => ok), attempts: [plain], identities: {}, nowMs: () => 0 });
    expect(result.groups.length).toBeGreaterThan(0);
    expect(result.groups[0]!.shrink).toBeNull();
    expect(result.groups[0]!.note).toMatch(/did not reproduce/);
    expect(result.groups[0]!.example).toEqual(plain);
  });
});
