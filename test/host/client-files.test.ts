import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyClientFileFault,
  clearDeviceAuthToken,
  closeTab,
  controlUiTokenKey,
  copyClientFiles,
  duplicateTab,
  emptyBrowserStorage,
  loadDeviceAuthToken,
  normalizeDeviceAuthScopes,
  openTab,
  storageGet,
  storageSet,
  storeDeviceAuthToken,
  type ClientFiles,
} from "../../src/host/index.ts";

describe("device-auth store", () => {
  const stored = storeDeviceAuthToken(null, { deviceId: "dev-a", role: "operator", token: "tok-1", scopes: ["operator.admin"], nowMs: 5 });

  it("stores per role with normalised scopes and loads it back", () => {
    expect(loadDeviceAuthToken(stored, "dev-a", "operator")).toEqual({
      token: "tok-1",
      role: "operator",
      scopes: ["operator.admin", "operator.read", "operator.write"],
      updatedAtMs: 5,
    });
    expect(loadDeviceAuthToken(stored, "dev-a", "node")).toBeNull();
  });

  it("ignores entries written for another device id, and a store for another device starts over", () => {
    expect(loadDeviceAuthToken(stored, "dev-b", "operator")).toBeNull();
    const other = storeDeviceAuthToken(stored, { deviceId: "dev-b", role: "node", token: "n", nowMs: 6 });
    expect(other.deviceId).toBe("dev-b");
    expect(Object.keys(other.tokens)).toEqual(["node"]);
  });

  it("replaces the role entry and clear removes only that role of that device", () => {
    const both = storeDeviceAuthToken(stored, { deviceId: "dev-a", role: "node", token: "n", nowMs: 6 });
    const replaced = storeDeviceAuthToken(both, { deviceId: "dev-a", role: " operator ", token: "tok-2", scopes: [], nowMs: 7 });
    expect(loadDeviceAuthToken(replaced, "dev-a", "operator")?.token).toBe("tok-2");
    expect(loadDeviceAuthToken(replaced, "dev-a", "node")?.token).toBe("n");
    const cleared = clearDeviceAuthToken(replaced, "dev-a", "operator");
    expect(loadDeviceAuthToken(cleared, "dev-a", "operator")).toBeNull();
    expect(loadDeviceAuthToken(cleared, "dev-a", "node")?.token).toBe("n");
    expect(clearDeviceAuthToken(replaced, "dev-b", "node")).toBe(replaced);
  });

  it("scope normalisation: trimmed, unique, sorted, admin ⇒ read+write, write ⇒ read, idempotent", () => {
    expect(normalizeDeviceAuthScopes([" operator.write ", "operator.write", ""])).toEqual(["operator.read", "operator.write"]);
    const scope = fc.constantFrom("operator.admin", "operator.read", "operator.write", "operator.pairing", " operator.approvals", "node.x", "");
    fc.assert(
      fc.property(fc.array(scope), (scopes) => {
        const n = normalizeDeviceAuthScopes(scopes);
        expect(normalizeDeviceAuthScopes(n)).toEqual(n);
        expect([...n].sort()).toEqual(n);
        expect(new Set(n).size).toBe(n.length);
        if (n.includes("operator.admin")) expect(n).toEqual(expect.arrayContaining(["operator.read", "operator.write"]));
        if (n.includes("operator.write")) expect(n).toContain("operator.read");
        expect(n.every((s) => s.length > 0 && s === s.trim())).toBe(true);
      }),
    );
  });

  it("file faults: lose, restore a stale copy, copy to another machine", () => {
    const files: ClientFiles = {
      identity: { version: 1, deviceId: "dev-a", publicKeyPem: "pub", privateKeyPem: "priv", createdAtMs: 1 },
      deviceAuth: stored,
    };
    expect(applyClientFileFault(files, { kind: "lose-device-auth" }).deviceAuth).toBeNull();
    expect(applyClientFileFault(files, { kind: "lose-identity" }).identity).toBeNull();
    const rotated = storeDeviceAuthToken(stored, { deviceId: "dev-a", role: "operator", token: "tok-new", nowMs: 9 });
    const stale = applyClientFileFault({ ...files, deviceAuth: rotated }, { kind: "stale-device-auth", previous: stored });
    expect(loadDeviceAuthToken(stale.deviceAuth, "dev-a", "operator")?.token).toBe("tok-1");
    const clone = copyClientFiles(files, { identity: null, deviceAuth: null }, "both");
    expect(clone.identity?.deviceId).toBe("dev-a");
    expect(copyClientFiles(files, { identity: null, deviceAuth: null }, "identity").deviceAuth).toBeNull();
  });
});

describe("browser storage", () => {
  it("sessionStorage is per tab: a new tab has no token, a duplicated tab copies it, closing drops it", () => {
    const key = controlUiTokenKey("ws://127.0.0.1:18789");
    let s = openTab(emptyBrowserStorage, "t1");
    s = storageSet(s, { area: "session", tabId: "t1" }, key, "secret");
    s = openTab(s, "t2");
    expect(storageGet(s, { area: "session", tabId: "t2" }, key)).toBeNull();
    s = duplicateTab(s, "t1", "t3");
    expect(storageGet(s, { area: "session", tabId: "t3" }, key)).toBe("secret");
    s = closeTab(s, "t1");
    expect(storageGet(s, { area: "session", tabId: "t1" }, key)).toBeNull();
    s = storageSet(s, { area: "local" }, "openclaw.device.auth.v1", "{}");
    expect(storageGet(s, { area: "local" }, "openclaw.device.auth.v1")).toBe("{}");
  });
});
