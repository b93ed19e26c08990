// The readiness and reset probe of each conformance configuration carries the configured secret where every
// release takes it: a password as auth.password (only 2026.9.6 also takes it in auth.token).
import { describe, expect, it } from "vitest";
import { forRelease, modelGatewayConfig, readyProbeFor, realGatewayConfig, type ConformanceConfig } from "../../sim/conformance/configs.ts";
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
