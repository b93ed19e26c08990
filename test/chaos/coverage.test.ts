// Chaos coverage (src/chaos/coverage.ts): error and detail codes come from the error answers the gateway
// delivered — to clients, probes and attacks alike — each counted once, at its recipient.
import { describe, expect, it } from "vitest";
import { coverageOf, unreachedDetailCodes, type TraceEvent } from "../../src/index.ts";

function frame(dir: "s2c" | "c2s", body: unknown, kind = "frame.deliver"): TraceEvent {
  return { seq: 0, atMs: 0, actor: "c1", kind, data: { connId: "c1", dir, text: JSON.stringify(body) } } as unknown as TraceEvent;
}

describe("chaos coverage", () => {
  it("counts codes of delivered error answers once, and nothing for successes, requests or sends", () => {
    const error = { type: "res", id: "connect-1", ok: false, error: { code: "INVALID_REQUEST", message: "x", details: { code: "AUTH_TOKEN_MISMATCH" } } };
    const counts = coverageOf([
      frame("s2c", error),
      frame("s2c", error, "frame.send"),
      frame("c2s", { type: "req", id: "a", method: "connect", params: { ok: false } }),
      frame("s2c", { type: "res", id: "b", ok: true, payload: { ok: false } }),
      { seq: 1, atMs: 0, actor: "cli", kind: "client", data: { event: "connect-error", code: "INVALID_REQUEST", detailCode: "AUTH_TOKEN_MISMATCH" } } as unknown as TraceEvent,
    ]);
    expect(counts).toEqual({ "code:INVALID_REQUEST": 1, "detail:AUTH_TOKEN_MISMATCH": 1 });
    expect(unreachedDetailCodes(counts)).not.toContain("AUTH_TOKEN_MISMATCH");
    expect(unreachedDetailCodes(counts)).toContain("AUTH_PASSWORD_MISMATCH");
  });
});
