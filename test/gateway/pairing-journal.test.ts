// The persist journal: after any sequence of store operations, the persisted snapshot is exactly what a whole
// clone of the store would be (same records, same key order), and earlier changes are not lost.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prng } from "../../src/kernel/index.ts";
import {
  approveDevicePairing,
  emptyPairingStore,
  ensureDeviceToken,
  persistPairingStore,
  prunePending,
  rejectDevicePairing,
  removePairedDevice,
  requestDevicePairing,
  revokeDeviceToken,
  rotateDeviceToken,
  updatePairedDeviceMetadata,
  verifyDeviceToken,
  type PairingStore,
  type PendingPolicy,
} from "../../src/gateway/index.ts";

const devices = ["d0", "d1", "d2", "d3"];
const roles = ["operator", "node"];
const policies: PendingPolicy[] = ["merge", "replace", "keep-existing", "replace-on-growth"];

const op = fc.oneof(
  fc.record({ kind: fc.constant("request" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles), policy: fc.constantFrom(...policies), scope: fc.constantFrom("operator.read", "operator.write", "operator.pairing"), key: fc.constantFrom("k1", "k2") }),
  { arbitrary: fc.record({ kind: fc.constant("approve" as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("pair" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles) }), weight: 3 },
  fc.record({ kind: fc.constant("reject" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), device: fc.constantFrom(...devices) }),
  fc.record({ kind: fc.constant("ensure" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles) }),
  fc.record({ kind: fc.constant("verify" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles) }),
  fc.record({ kind: fc.constant("rotate" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles) }),
  fc.record({ kind: fc.constant("revoke" as const), device: fc.constantFrom(...devices), role: fc.constantFrom(...roles), removeRole: fc.boolean() }),
  fc.record({ kind: fc.constant("metadata" as const), device: fc.constantFrom(...devices), platform: fc.constantFrom("linux", "darwin") }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.constantFrom(1_000, 200_000, 400_000) }),
  fc.record({ kind: fc.constant("persist" as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(store: PairingStore, o: Op, clock: { nowMs: number }, prng: Prng): void {
  const nowMs = clock.nowMs;
  const pendingIds = Object.keys(store.pending);
  switch (o.kind) {
    case "request":
      requestDevicePairing({ store, request: { deviceId: o.device, publicKey: o.key, role: o.role, scopes: [o.scope] }, policy: o.policy, nowMs, prng });
      return;
    case "pair": {
      const { request } = requestDevicePairing({ store, request: { deviceId: o.device, publicKey: "k1", role: o.role, scopes: [] }, policy: "replace", nowMs, prng });
      approveDevicePairing(store, request.requestId, nowMs, prng);
      return;
    }
    case "approve":
      if (pendingIds.length > 0) approveDevicePairing(store, pendingIds[o.pick % pendingIds.length]!, nowMs, prng);
      return;
    case "reject":
      if (pendingIds.length > 0) rejectDevicePairing(store, pendingIds[o.pick % pendingIds.length]!);
      return;
    case "remove":
      removePairedDevice(store, o.device);
      return;
    case "ensure":
      ensureDeviceToken(store, { deviceId: o.device, role: o.role, scopes: ["operator.read"], nowMs, prng });
      return;
    case "verify": {
      const token = store.paired[o.device]?.tokens[o.role]?.token ?? "x";
      verifyDeviceToken(store, { deviceId: o.device, token, role: o.role, scopes: [], nowMs });
      return;
    }
    case "rotate":
      rotateDeviceToken(store, { deviceId: o.device, role: o.role, nowMs, prng });
      return;
    case "revoke":
      revokeDeviceToken(store, { deviceId: o.device, role: o.role, nowMs, removeRole: o.removeRole });
      return;
    case "metadata":
      if (store.paired[o.device]) updatePairedDeviceMetadata(store, o.device, { role: "operator", scopes: ["operator.read"], keepPlatform: false, platform: o.platform });
      return;
    case "advance":
      clock.nowMs += o.ms;
      prunePending(store, clock.nowMs);
      return;
    case "persist":
      return;
  }
}

describe("pairing store persist journal", () => {
  it("every persisted snapshot equals a whole clone of the store, key order included", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.boolean(), (ops, persistFirst) => {
        const store = emptyPairingStore();
        const clock = { nowMs: 1_000_000 };
        const prng = new Prng(1n, "journal-test");
        if (persistFirst) persistPairingStore(store);
        for (const o of ops) {
          apply(store, o, clock, prng);
          if (o.kind !== "persist") continue;
          const snapshot = persistPairingStore(store);
          expect(JSON.stringify(snapshot)).toBe(JSON.stringify(structuredClone(store)));
          expect(snapshot).not.toBe(store);
          expect(snapshot.paired).not.toBe(store.paired);
        }
        expect(JSON.stringify(persistPairingStore(store))).toBe(JSON.stringify(store));
      }),
      { numRuns: 400 },
    );
  });

  it("a device removed and paired again between two persists moves to the end, as in a whole clone", () => {
    const store = emptyPairingStore();
    const prng = new Prng(3n, "journal-test");
    const pair = (deviceId: string) => {
      const { request } = requestDevicePairing({ store, request: { deviceId, publicKey: "k", role: "operator", scopes: [] }, policy: "merge", nowMs: 0, prng });
      approveDevicePairing(store, request.requestId, 0, prng);
    };
    pair("d0");
    pair("d1");
    persistPairingStore(store);
    removePairedDevice(store, "d0");
    pair("d0");
    expect(Object.keys(persistPairingStore(store).paired)).toEqual(["d1", "d0"]);
  });

  it("the snapshot shares no record with the live store (a later change stays out of it until persisted)", () => {
    const store = emptyPairingStore();
    const prng = new Prng(2n, "journal-test");
    const { request } = requestDevicePairing({ store, request: { deviceId: "d0", publicKey: "k", role: "operator", scopes: ["operator.read"] }, policy: "merge", nowMs: 0, prng });
    approveDevicePairing(store, request.requestId, 0, prng);
    const before = JSON.stringify(persistPairingStore(store));
    const token = store.paired["d0"]!.tokens["operator"]!.token;
    verifyDeviceToken(store, { deviceId: "d0", token, role: "operator", scopes: [], nowMs: 5 });
    expect(store.paired["d0"]!.tokens["operator"]!.lastUsedAtMs).toBe(5);
    const snapshot = persistPairingStore(store);
    expect(JSON.stringify(snapshot)).not.toBe(before);
    expect(snapshot.paired["d0"]!.tokens["operator"]!.lastUsedAtMs).toBe(5);
    expect(snapshot.paired["d0"]).not.toBe(store.paired["d0"]);
  });
});
