import { describe, expect, it } from "vitest";
import { approvalWithinCaller } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const laptop = "a".repeat(64);
const caller = "c".repeat(64);

/** The approve answer's device record: its primary role and the token summary device.pair.approve returns. */
function approved(role: string, tokenScopes: string[]) {
  return { requestId: "pr-1", device: { deviceId: laptop, role, roles: [role], tokens: [{ role, scopes: tokenScopes, createdAtMs: 0 }] } };
}

function callerSession(t: TraceBuilder, scopes: string[]): void {
  t.open("c1");
  t.connect("c1", { scopes, device: { id: caller, nonce: null } });
  t.hello("c1", { deviceId: caller, scopes });
}

describe("approval-within-caller", () => {
  it("flags an approval that gives the device an operator token with a scope the approving session lacks", () => {
    const t = new TraceBuilder();
    callerSession(t, ["operator.pairing"]);
    const answer = t.at(4000).rpc("c1", "device.pair.approve", { requestId: "pr-1" }, { ok: true, payload: approved("operator", ["operator.admin", "operator.read", "operator.write"]) });
    expect(t.run(approvalWithinCaller())).toEqual([
      {
        kind: "correctness",
        invariant: "approval-within-caller",
        message: "c1 (scopes operator.pairing) approved request pr-1, which gave device aaaaaaaa… an operator token with operator.admin, operator.read, operator.write: operator.admin is beyond the approving caller's scopes",
        firstEventIndex: answer.i,
        atMs: 4000,
        actor: "c1",
      },
    ]);
  });

  it("holds for approvals within the caller's scopes (implied ones included), node-role approvals and refused approvals", () => {
    const t = new TraceBuilder();
    callerSession(t, ["operator.pairing", "operator.write"]);
    t.rpc("c1", "device.pair.approve", { requestId: "pr-1" }, { ok: true, payload: approved("operator", ["operator.read", "operator.write"]) });
    t.rpc("c1", "device.pair.approve", { requestId: "pr-2" }, { ok: true, payload: approved("operator", []) });
    t.rpc("c1", "device.pair.approve", { requestId: "pr-3" }, { ok: true, payload: approved("node", []) });
    t.rpc("c1", "device.pair.approve", { requestId: "pr-4" }, { ok: false, payload: approved("operator", ["operator.admin"]) });
    expect(t.run(approvalWithinCaller())).toEqual([]);
  });
});
