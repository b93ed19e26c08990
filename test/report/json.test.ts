// The trace file: renderTraceJson → parseTraceJson gives back the same run (so `pnpm sim replay trace.json`
// knows scenario, seed, profile and the hash to compare), events are stored canonically, and malformed or
// edited files are refused with a message, not an exception.
import { describe, expect, it } from "vitest";
import { canonicalJson, traceHash } from "../../src/kernel/index.ts";
import { parseTraceJson, renderTraceJson, traceFormatVersion } from "../../src/report/index.ts";
import { sampleResult } from "./fixture.ts";

function failure(text: string): string {
  const parsed = parseTraceJson(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? "" : parsed.message;
}

describe("trace.json", () => {
  const result = sampleResult({ source: { kind: "file", path: "scenarios/cases/pairing.yaml" } });
  const text = renderTraceJson(result);

  it("round-trips the whole run result", () => {
    const parsed = parseTraceJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.formatVersion).toBe(traceFormatVersion);
    expect(parsed.result).toEqual(result);
    expect(traceHash(parsed.result.events)).toBe(result.traceHash);
  });

  it("carries the format header and what replay needs", () => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw["format"]).toBe("clawsim-trace");
    expect(raw["formatVersion"]).toBe(1);
    expect(raw).toMatchObject({ scenario: "pairing-then-partition", profile: "2026.3", seed: "424242", version: "0.1.0", traceHash: result.traceHash, replayCommand: result.replayCommand, verdict: "fail" });
    expect(raw["source"]).toEqual({ kind: "file", path: "scenarios/cases/pairing.yaml" });
  });

  it("stores one canonical event per line, in trace order, even if the result listed them out of order", () => {
    const shuffled = sampleResult({ events: [...result.events].reverse() });
    const lines = renderTraceJson(shuffled).split("\n").filter((l) => l.startsWith("    {\"actor\""));
    expect(lines).toHaveLength(result.events.length);
    lines.forEach((line, k) => expect(line.trim().replace(/,$/, "")).toBe(canonicalJson(result.events[k])));
  });

  it("reads a file without the optional fields", () => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    for (const key of ["description", "expected", "outcome", "stats", "actors"]) delete raw[key];
    const parsed = parseTraceJson(JSON.stringify(raw));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.result.expected).toBeUndefined();
    expect(parsed.result.stats.connects).toBe(3);
    expect(parsed.result.actors[0]).toBe("world");
  });

  it("refuses input that is not JSON or not a trace file", () => {
    expect(failure("{ not json")).toMatch(/^trace file is not JSON: /);
    expect(failure("[]")).toBe("malformed trace file: expected a JSON object at the top level");
    expect(failure(JSON.stringify({ format: "something-else" }))).toMatch(/"format" must be "clawsim-trace"/);
  });

  it("refuses a newer format version with advice", () => {
    const raw = { ...(JSON.parse(text) as Record<string, unknown>), formatVersion: 99 };
    expect(failure(JSON.stringify(raw))).toMatch(/formatVersion 99 is newer than this clawsim reads \(1\); upgrade clawsim/);
  });

  it("names the broken field", () => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(failure(JSON.stringify({ ...raw, seed: 42 }))).toMatch(/"seed" must be a decimal string/);
    expect(failure(JSON.stringify({ ...raw, verdict: "maybe" }))).toMatch(/"verdict" must be "pass" or "fail"/);
    expect(failure(JSON.stringify({ ...raw, findings: [{ kind: "oops", invariant: "x", message: "y" }] }))).toMatch(/finding 0: "kind" must be one of crash, liveness, correctness/);
    const events = raw["events"] as Record<string, unknown>[];
    expect(failure(JSON.stringify({ ...raw, events: [events[1], events[0], ...events.slice(2)] }))).toMatch(/event 0 has "i" 1/);
    expect(failure(JSON.stringify({ ...raw, events: [{ ...events[0], kind: "teleport" }, ...events.slice(1)] }))).toMatch(/event 0: unknown kind "teleport"/);
  });

  it("refuses a file whose events were edited (the hash no longer matches)", () => {
    const edited = text.replace('"code":1008', '"code":1000');
    expect(edited).not.toBe(text);
    expect(failure(edited)).toMatch(/"traceHash" [0-9a-f]{64} does not match the events .* the file was edited or truncated/);
  });
});
