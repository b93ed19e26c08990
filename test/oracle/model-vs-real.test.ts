// The 2026.9 profile against the recorded real gateway (openclaw@2026.9.6): every comparable attempt of the
// fixture must get the same answer from the model (ok, codes, messages, details, hints, closes, RPC results).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareOutcomes, replayFixture, type Fixture } from "../../sim/oracle/model-replay.ts";

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "oracle", "openclaw-2026.9.6.json"), "utf8")) as Fixture;

describe("model vs recorded openclaw@2026.9.6", () => {
  const report = replayFixture(fixture);

  it("compares most of the recording and skips only what the model does not cover", () => {
    expect(report.compared).toBeGreaterThanOrEqual(140);
    const reasons = new Set(report.skipped.map((s) => s.why));
    expect([...reasons].sort()).toEqual(["gateway.nodes.pairing.autoApproveLocal is not modelled", "per-attempt source addresses (127.0.0.x) are not modelled"]);
  });

  it("has no divergence", () => {
    expect(report.divergences).toEqual([]);
  });

  it("would report a divergence field by field", () => {
    const record = fixture.runs[0]!.records.find((r) => r.outcome.response?.error)!;
    const changed = { ...record.outcome, response: { ...record.outcome.response!, error: { ...record.outcome.response!.error!, code: "NOT_PAIRED" } } };
    expect(compareOutcomes("token", record.attempt.name, record.outcome, changed)).toEqual([{ run: "token", attempt: record.attempt.name, field: "error.code", real: record.outcome.response!.error!.code, model: "NOT_PAIRED" }]);
  });
});
