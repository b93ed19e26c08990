// Opt-in smoke test against the real gateway (needs the install from sim/oracle/real-gateway.ts and ≈ 30 s):
//   ORACLE_LIVE=1 npx vitest run test/oracle/live.test.ts
// Skipped otherwise, so the normal suite never needs Node 24 or the npm release.

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  type Attempt,
  seedForName,
  OracleDriver,
  startRealGateway,
  type RealGateway,
} from "../../sim/oracle/index.ts";

const live = process.env.ORACLE_LIVE === "1";
const identities = { zed: seedForName("live-zed") };
const base = { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.admin"] };

describe.skipIf(!live)("real gateway (ORACLE_LIVE=1)", () => {
  let gateway: RealGateway;
  let driver: OracleDriver;

  beforeAll(async () => {
    gateway = await startRealGateway({ label: "vitest" });
    driver = new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
  }, 30_000);

  it("pairs a v3 device silently and accepts the issued device token", async () => {
    const pair: Attempt = { name: "pair", probe: "", connect: { params: { ...base, auth: { token: "{{gatewayToken}}" } } }, device: { identitySeed: identities.zed, payloadVersion: "v3" } };
    const paired = await driver.run(pair);
    expect(paired.response?.ok).toBe(true);
    expect(paired.challenge?.nonceIsUuidV4).toBe(true);
    const reuse: Attempt = { ...pair, name: "reuse", connect: { params: { ...base, auth: { deviceToken: "{{deviceToken:zed}}" } } } };
    const reused = await driver.run(reuse);
    expect((reused.response?.helloOk?.auth as { method?: string }).method).toBe("device-token");
  });

  it("rejects a wrong shared token after the loopback delay", async () => {
    const wrong = await driver.run({ name: "wrong", probe: "", connect: { params: { ...base, auth: { token: "nope" } } } });
    expect(wrong.response?.error?.details).toMatchObject({ code: "AUTH_TOKEN_MISMATCH" });
    expect(wrong.close?.code).toBe(1008);
    expect(wrong.elapsedMs).toBeGreaterThanOrEqual(240);
  });

  it("stops the whole process tree", async () => {
    const pid = gateway.pid;
    await gateway.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
