// The readiness and reset probe of each conformance configuration carries the configured secret where every
// release takes it: a password as auth.password (only 2026.9.6 also takes it in auth.token).
import { describe, expect, it } from "vitest";
import { readyProbeFor, type ConformanceConfig } from "../../sim/conformance/configs.ts";
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
