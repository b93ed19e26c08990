// The replay's end-bound retry (replayRunBounded in sim/conformance/fixture.ts) on a small hand-made recording:
// device proofs signed 599,990 ms in the past under 2026.2.17 (skew bound 600,000 ms, strict >). Checked at the
// start of their bounds the model finds them within the window (and then 'device signature invalid': the test's
// proofs are not what a 2.17 gateway verifies); signed at the start bound and checked at the end bound, ≥ 10 ms
// later, 'device signature expired'. The recorded ("real") digests below say which answer the real gateway gave.
import { describe, expect, it } from "vitest";
import { findProfile } from "../../src/index.ts";
import { defaultConfig } from "../../sim/conformance/configs.ts";
import { replayFixtureBounded, replayRunBounded, type ConformanceFixture, type ConformanceFixtureRun, type FixtureStep, type OutcomeDigest } from "../../sim/conformance/fixture.ts";

const profile = findProfile("2026.2.17")!;
const seed = "11".repeat(32);
const refused = (message: string): OutcomeDigest => ({ "ok": false, "error.code": "INVALID_REQUEST", "error.message": message, "close.code": 1008, "close.reason": message, "rpc": "" });
const expired = refused("device signature expired");
const invalid = refused("device signature invalid");

function step(name: string, atMs: number, real: OutcomeDigest, signedAtOffsetMs = -599_990): FixtureStep {
  return {
    atMs,
    real,
    attempt: {
      name,
      connect: { params: { minProtocol: 3, maxProtocol: 3, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" } } },
      device: { identitySeed: seed, payloadVersion: "v3", signedAtOffsetMs },
    },
  };
}

const run = (steps: FixtureStep[]): ConformanceFixtureRun => ({ config: defaultConfig, steps });

describe("replay within the recorded time bounds", () => {
  const steps = [
    // The first step: bounds [0, 50] (0 = when the gateway was ready). Expired only if checked late.
    step("c0001", 50, expired),
    // Bounds [50, 200]: expired live, so it needs the end bound.
    step("c0002", 200, expired),
    // Bounds [200, 210]: within the window live, as at the start bound; the end bound (expired) must not be used.
    step("c0003", 210, invalid),
    // Bounds [210, 400]: an answer neither end gives stays divergent.
    step("c0004", 400, refused("unauthorized: gateway token mismatch")),
  ];

  it("counts a step that agrees only at its end bound as timing-bounded, and leaves the others alone", () => {
    const replay = replayRunBounded(run(steps), { ann: seed }, profile);
    expect(replay.timingBounded).toEqual(["c0001", "c0002"]);
    expect([...new Set(replay.divergences.map((d) => d.attempt))]).toEqual(["c0004"]);
    expect(replay.divergences.find((d) => d.field === "error.message")).toMatchObject({ real: "unauthorized: gateway token mismatch", model: "device signature invalid" });
  });

  it("at the start bound only, the steps that needed the end bound diverge", () => {
    const replay = replayRunBounded(run(steps), { ann: seed }, profile, { bounds: "start" });
    expect(replay.timingBounded).toEqual([]);
    expect([...new Set(replay.divergences.map((d) => d.attempt))]).toEqual(["c0001", "c0002", "c0004"]);
  });

  it("a step recorded as expired with no room between its bounds is not retried", () => {
    // Bounds [50, 50]: the end bound is the start bound, so there is no other variant to try.
    const replay = replayRunBounded(run([step("c0001", 50, invalid), step("c0002", 50, expired)]), { ann: seed }, profile);
    expect(replay.timingBounded).toEqual([]);
    expect([...new Set(replay.divergences.map((d) => d.attempt))]).toEqual(["c0002"]);
  });

  it("a fixture names its timing-bounded steps by configuration", () => {
    const fixture: ConformanceFixture = { format: "clawsim-conformance/1", openclawVersion: "2026.2.17", profile: "2026.2.17", seed: "0", identities: { ann: seed }, runs: [run(steps)] };
    expect(replayFixtureBounded(fixture, profile).timingBounded).toEqual(["token-default/c0001", "token-default/c0002"]);
  });
});
