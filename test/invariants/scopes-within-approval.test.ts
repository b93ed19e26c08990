import { describe, expect, it } from "vitest";
import { scopesWithinApproval } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const laptop = "a".repeat(64);
const phone = "b".repeat(64);

/** The laptop asks remotely for operator.read: pairing required, not silent (request pr-1). */
function remoteRequest(t: TraceBuilder, connId: string, scopes: string[]): void {
  t.open(connId, { local: false });
  t.challenge(connId, `n-${connId}`);
  t.connect(connId, { scopes, device: { id: laptop, nonce: `n-${connId}` } });
  t.pairingRequired({ deviceId: laptop, silent: false, connId, isLocal: false, requestId: "pr-1" });
}

describe("scopes-within-approval", () => {
  it("flags a session with a scope beyond what the operator approved", () => {
    const t = new TraceBuilder();
    t.at(0).open("admin");
    t.connect("admin", { auth: { token: "shared" } });
    t.hello("admin", { deviceId: null, scopes: ["operator.admin"] });
    remoteRequest(t, "c1", ["operator.read"]);
    t.at(5000).rpc("admin", "device.pair.approve", { requestId: "pr-1" });
    t.at(6000).open("c2", { local: false });
    t.challenge("c2", "n-c2");
    t.connect("c2", { scopes: ["operator.admin"], device: { id: laptop, nonce: "n-c2" } });
    const hello = t.hello("c2", { deviceId: laptop, scopes: ["operator.admin"], isLocal: false });
    expect(t.run(scopesWithinApproval())).toEqual([
      {
        kind: "correctness",
        invariant: "scopes-within-approval",
        message: "device aaaaaaaa… got a session on c2 as operator with scopes operator.admin, beyond what was approved for it (operator.read): operator.admin was never approved",
        firstEventIndex: hello.i,
        atMs: 6000,
        actor: "gateway",
      },
    ]);
  });

  it("holds for sessions within approvals (operator RPC, silent local pairing, seed) and for device-less sessions", () => {
    const t = new TraceBuilder();
    t.open("admin");
    t.connect("admin", { auth: { token: "shared" } });
    t.hello("admin", { deviceId: null, scopes: ["operator.admin"] });
    remoteRequest(t, "c1", ["operator.write"]);
    t.rpc("admin", "device.pair.approve", { requestId: "pr-1" });
    t.open("c2", { local: false });
    t.connect("c2", { scopes: ["operator.read"], device: { id: laptop, nonce: null } });
    t.hello("c2", { deviceId: laptop, scopes: ["operator.read"] }); // write implies read
    t.open("c3");
    t.connect("c3", { scopes: ["operator.admin"], device: { id: phone, nonce: null } });
    t.pairingRequired({ deviceId: phone, silent: true, connId: "c3", isLocal: true, requestId: "pr-2" });
    t.hello("c3", { deviceId: phone, scopes: ["operator.admin"] });
    t.hello("c4", { deviceId: "c".repeat(64), scopes: ["operator.pairing"] });
    expect(t.run(scopesWithinApproval({ seed: { ["c".repeat(64)]: ["operator.admin"] } }))).toEqual([]);
  });

  it("flags a device session that was never approved, and a role that was never approved", () => {
    const t = new TraceBuilder();
    const unknown = t.hello("c1", { deviceId: phone, scopes: [] });
    t.note("seeded", { what: "pairing.seeded", deviceId: laptop, roles: ["operator"], scopes: ["operator.read"] });
    const node = t.hello("c2", { deviceId: laptop, role: "node", scopes: [] });
    const findings = t.run(scopesWithinApproval());
    expect(findings.map((f) => [f.firstEventIndex, f.message])).toEqual([
      [unknown.i, "device bbbbbbbb… got a session on c1 as operator with scopes (none), but it was never approved (no pairing approval seen for it)"],
      [node.i, "device aaaaaaaa… got a session on c2 as node with scopes (none), but role node was never approved for it (approved roles: operator)"],
    ]);
  });

  it("a removed device loses its approval; a rejected request approves nothing", () => {
    const t = new TraceBuilder();
    remoteRequest(t, "c1", ["operator.read"]);
    t.operator("reject-pending", { deviceId: laptop });
    t.operator("approve-pending", { deviceId: laptop });
    const rejected = t.hello("c2", { deviceId: laptop, scopes: ["operator.read"] });
    t.note("seeded", { what: "pairing.seeded", deviceId: phone, scopes: ["operator.admin"] });
    t.hello("c3", { deviceId: phone, scopes: ["operator.admin"] });
    t.open("admin");
    t.connect("admin", { auth: { token: "shared" } });
    t.hello("admin", { deviceId: null, scopes: ["operator.admin"] });
    t.rpc("admin", "device.pair.remove", { deviceId: phone });
    const removed = t.hello("c4", { deviceId: phone, scopes: ["operator.read"] });
    expect(t.run(scopesWithinApproval()).map((f) => f.firstEventIndex)).toEqual([rejected.i, removed.i]);
  });
  it("a request replaced under a new id keeps the scopes asked for before (2026.9 replace-on-growth)", () => {
    const t = new TraceBuilder();
    remoteRequest(t, "c1", ["operator.pairing"]);
    t.open("c2", { local: false });
    t.connect("c2", { scopes: ["operator.read"], device: { id: laptop, nonce: null } });
    t.pairingRequired({ deviceId: laptop, silent: false, connId: "c2", isLocal: false, requestId: "pr-2" });
    t.operator("approve-pending", { requestId: "pr-2" });
    t.hello("c3", { deviceId: laptop, scopes: ["operator.pairing", "operator.read"] });
    const beyond = t.hello("c4", { deviceId: laptop, scopes: ["operator.write"] });
    expect(t.run(scopesWithinApproval()).map((f) => f.firstEventIndex)).toEqual([beyond.i]);
  });
  it("localBackendNodeNeedsApproval: a pairing-skipping local backend stays exempt as an operator, not as a node", () => {
    const run = (options: { localBackendNodeNeedsApproval?: boolean }) => {
      const t = new TraceBuilder();
      t.note("seeded", { what: "pairing.seeded", deviceId: laptop, roles: ["operator"], scopes: ["operator.read"] });
      for (const [connId, role] of [["c1", "operator"], ["c2", "node"]] as const) {
        t.open(connId);
        t.connect(connId, { clientId: "gateway-client", mode: "backend", role, scopes: role === "node" ? [] : ["operator.admin"], device: { id: laptop, nonce: null } });
        t.hello(connId, { deviceId: laptop, role, scopes: role === "node" ? [] : ["operator.admin"], clientId: "gateway-client", isLocal: true });
      }
      return t.run(scopesWithinApproval({ exemptLocalBackend: true, ...options })).map((f) => f.message);
    };
    expect(run({})).toEqual([]);
    expect(run({ localBackendNodeNeedsApproval: true })).toEqual(["device aaaaaaaa… got a session on c2 as node with scopes (none), but role node was never approved for it (approved roles: operator)"]);
  });

  it("names the <role>. prefix rule when a node session holds an operator scope", () => {
    const t = new TraceBuilder();
    t.note("seeded", { what: "pairing.seeded", deviceId: laptop, roles: ["operator", "node"], scopes: ["operator.read"] });
    t.hello("c1", { deviceId: laptop, role: "node", scopes: ["operator.read"] });
    expect(t.run(scopesWithinApproval()).map((f) => f.message)).toEqual([
      "device aaaaaaaa… got a session on c1 as node with scopes operator.read, beyond what was approved for it (operator.read): operator.read is not a node scope (a node holds only `node.` scopes)",
    ]);
  });
});
