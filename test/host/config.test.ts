import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  configFileFromConfig,
  configFileFromText,
  configGet,
  configSet,
  configUnset,
  truncateConfigFile,
  type GatewayConfig,
} from "../../src/host/index.ts";

const base: GatewayConfig = {
  gateway: { mode: "local", port: 18789, auth: { mode: "token", token: "t1" }, controlUi: { allowInsecureAuth: false } },
  agents: { list: [{ id: "main" }] },
};

describe("config get/set", () => {
  it("set then get returns the value and leaves every other key untouched", () => {
    const file = configFileFromConfig(base);
    const set = configSet(file, "gateway.auth.token", "t2");
    if (set.kind !== "ok") throw new Error(set.kind);
    expect(configGet(set.file, "gateway.auth.token")).toEqual({ kind: "value", value: "t2" });
    expect(set.file.config.agents).toEqual(base.agents);
    expect(configGet(set.file, "gateway.controlUi.allowInsecureAuth")).toEqual({ kind: "value", value: false });
    expect(configGet(file, "gateway.auth.token")).toEqual({ kind: "value", value: "t1" }); // the old value is not mutated
  });

  it("creates intermediate objects and reads back through the rendered text", () => {
    const set = configSet(configFileFromConfig({}), "gateway.remote.url", "wss://gw.example");
    if (set.kind !== "ok") throw new Error(set.kind);
    expect(configFileFromText(set.file.text).config).toEqual({ gateway: { remote: { url: "wss://gw.example" } } });
  });

  it("round-trips any string token and removes it again with unset", () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        const set = configSet(configFileFromConfig(base), "gateway.auth.token", token);
        if (set.kind !== "ok") return false;
        const reread = configFileFromText(set.file.text);
        const unset = configUnset(reread, "gateway.auth.token");
        return (
          JSON.stringify(configGet(reread, "gateway.auth.token")) === JSON.stringify({ kind: "value", value: token }) &&
          unset.kind === "ok" &&
          configGet(unset.file, "gateway.auth.token").kind === "missing"
        );
      }),
    );
  });

  it("rejects values the schema forbids with a clear error, and paths through non-objects", () => {
    const file = configFileFromConfig(base);
    expect(configSet(file, "gateway.port", "not-a-port")).toEqual({
      kind: "invalid-result",
      issues: [{ path: "gateway.port", message: "expected a port 1-65535" }],
    });
    expect(configSet(file, "gateway.auth.mode", "iam").kind).toBe("invalid-result");
    expect(configSet(file, "gateway.port.x", 1)).toEqual({ kind: "invalid-path", message: "gateway.port is not an object" });
    expect(configGet(file, "gateway..token").kind).toBe("invalid-path");
  });

  it("a half-written file is invalid: get and set refuse, the issue says why", () => {
    const half = truncateConfigFile(configFileFromConfig(base), 30);
    expect(half.valid).toBe(false);
    expect(half.config).toEqual({});
    expect(half.issues[0]?.message).toMatch(/^JSON parse failed/);
    expect(configGet(half, "gateway.auth.token").kind).toBe("invalid-file");
    expect(configSet(half, "gateway.auth.token", "x").kind).toBe("invalid-file");
  });

  it("keeps a parseable but schema-invalid file as a best-effort read", () => {
    const file = configFileFromText(JSON.stringify({ gateway: { port: 0, auth: { token: "t" } } }));
    expect(file.valid).toBe(false);
    expect(file.issues).toEqual([{ path: "gateway.port", message: "expected a port 1-65535" }]);
    expect(file.config.gateway?.auth?.token).toBe("t");
  });
});
