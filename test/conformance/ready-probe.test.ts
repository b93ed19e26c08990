// The readiness and reset probe of each conformance configuration carries the configured secret where every
// release takes it: a password as auth.password (only 2026.9.6 also takes it in auth.token).
import { describe, expect, it } from "vitest";
import { forRelease, generateConfigs, modelGatewayConfig, readyProbeFor, realGatewayConfig, type ConformanceConfig } from "../../sim/conformance/configs.ts";
import { READY_PROBE } from "../../sim/oracle/real-gateway.ts";

const paramsOf = (config: ConformanceConfig) => {
  const connect = readyProbeFor(config, READY_PROBE).connect;
  if (connect === undefined || !("params" in connect)) throw new Error("the probe has no connect params");
  return connect.params as Record<string, unknown>;
};

describe("readyProbeFor", () => {
  it("sends a password configuration's secret as auth.password, not as auth.token", () => {
    expect(paramsOf({ name: "k3-password", mode: "password" })["auth"]).toEqual({ password: "{{gatewayToken}}" });
  });
  it("keeps auth.token for a token configuration", () => {
    expect(paramsOf({ name: "token-default", mode: "token" })["auth"]).toEqual({ token: "{{gatewayToken}}" });
  });
});

describe("trusted-proxy configurations per release", () => {
  const tp: ConformanceConfig = { name: "k2-trusted-proxy", mode: "trusted-proxy", trustedProxies: ["127.0.0.1"] };
  const section = (config: ConformanceConfig) => (realGatewayConfig(config, "s") as { gateway: { auth: { trustedProxy: unknown } } }).gateway.auth.trustedProxy;
  it("write allowLoopback only for a release whose config has the key (5.28 on), the same on both sides", () => {
    expect(section(forRelease(tp, "opt-in"))).toEqual({ userHeader: "x-forwarded-user", allowLoopback: true });
    for (const rule of ["accepted", "refused"] as const) {
      expect(section(forRelease(tp, rule))).toEqual({ userHeader: "x-forwarded-user" });
      expect(modelGatewayConfig(forRelease(tp, rule), "s").auth?.trustedProxy).toEqual({ userHeader: "x-forwarded-user" });
    }
    // A recording made before the field existed keeps the key, as it was recorded.
    expect(modelGatewayConfig(tp, "s").auth?.trustedProxy).toEqual({ userHeader: "x-forwarded-user", allowLoopback: true });
    // Other modes are left as they are.
    expect(forRelease({ name: "token-default", mode: "token" }, "refused")).toEqual({ name: "token-default", mode: "token" });
  });
});

describe("gateway.nodes.pairing.autoApproveLocal per release", () => {
  it("is drawn for some configurations (never the first), written on both sides, and dropped where the release has no such key", () => {
    const drawn = [131, 132, 133, 134].flatMap((seed) => generateConfigs(seed, 4));
    const off = drawn.filter((c) => c.autoApproveLocal === false);
    expect(off.length).toBeGreaterThan(0);
    expect(off.length).toBeLessThan(drawn.length);
    expect(drawn.filter((c) => c.name === "token-default").every((c) => c.autoApproveLocal === undefined)).toBe(true);
    const config = off[0]!;
    expect(config.name).toMatch(/-no-auto-approve$/);
    expect((realGatewayConfig(config, "s") as { gateway: { nodes?: unknown } }).gateway.nodes).toEqual({ pairing: { autoApproveLocal: false } });
    expect(modelGatewayConfig(config, "s").nodes).toEqual({ pairing: { autoApproveLocal: false } });
    const older = forRelease(config, "opt-in", false);
    expect([older.autoApproveLocal, older.name.endsWith("-no-auto-approve")]).toEqual([undefined, false]);
    expect((realGatewayConfig(older, "s") as { gateway: { nodes?: unknown } }).gateway.nodes).toBeUndefined();
    expect(forRelease(config, "opt-in", true)).toEqual(config);
  });
});
