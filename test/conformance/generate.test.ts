// The conformance generator: the same seed gives the same attempts, and 1,000 attempts exercise every option
// kind the brief lists (client ids/modes incl. bogus, roles, scopes, protocols, extra/missing fields, every
// signing option, every credential kind, Host/Origin, after-hello calls).
import { describe, expect, it } from "vitest";
import { conformanceIdentities, generateAttempts, optionKinds } from "../../sim/conformance/index.ts";
import { readyProbeFor } from "../../sim/conformance/configs.ts";
import { READY_PROBE } from "../../sim/oracle/real-gateway.ts";

const requiredKinds = [
  // client ids and modes from the real lists, plus bogus ones
  "client:cli", "client:openclaw-tui", "client:openclaw-control-ui", "client:webchat", "client:gateway-client", "client:node-host",
  "client:openclaw-probe", "client:test", "client:bogus-id", "mode:cli", "mode:ui", "mode:webchat", "mode:backend", "mode:node",
  "mode:probe", "mode:test", "mode:worker", "mode:bogus",
  "buildId:dev", "buildId:stale-build-id",
  // roles, scopes, protocols, extra and missing fields
  "role:operator", "role:node", "role:bogus", "role:omit",
  "scopes:omit", "scopes:empty", "scope:operator.admin", "scope:operator.read", "scope:operator.write", "scope:operator.pairing",
  "scope:operator.approvals", "scope:bogus.scope",
  "protocol:4-4", "protocol:3-3", "protocol:5-5", "protocol:3-5",
  "extra-param", "missing:client", "missing:client.version", "missing:client.platform", "missing:minProtocol",
  // every signing option
  "device:absent", "payload:v3", "payload:v2", "payload:v1", "sign:other-key", "id:other-hex", "id:not-hex",
  "signedAt:-60s", "signedAt:60s", "signedAt:-119s", "signedAt:119s", "signedAt:-121s", "signedAt:121s", "signedAt:-600s", "signedAt:600s",
  "nonce:challenge", "nonce:blank", "nonce:stale", "nonce:omit", "key:pem", "key:garbage", "signature:base64",
  // credentials
  "cred:token", "cred:wrong-token", "cred:none", "cred:empty-auth", "cred:empty-token", "cred:password", "cred:device-token",
  "cred:device-token-node", "cred:device-token-as-token", "cred:wrong-device-token",
  // headers and after-hello calls
  "host:none", "host:local", "host:foreign", "origin:none", "origin:local", "origin:localhost", "origin:foreign", "origin:null",
  "after:health", "after:status", "after:chat.send", "after:device.pair.list",
];

describe("generateAttempts", () => {
  const attempts = generateAttempts(424242n, 1000);

  it("gives the same attempts for the same seed and different ones for another seed", () => {
    expect(generateAttempts(424242n, 1000)).toEqual(attempts);
    expect(generateAttempts(424243n, 1000)).not.toEqual(attempts);
    // A shorter run is not required to be a prefix, but it is deterministic too.
    expect(generateAttempts(7n, 50)).toEqual(generateAttempts(7n, 50));
  });

  it("makes exactly the asked number of uniquely named attempts", () => {
    expect(attempts).toHaveLength(1000);
    expect(new Set(attempts.map((a) => a.name)).size).toBe(1000);
    expect(attempts[0]!.name).toBe("c0001");
  });

  it("covers every option kind in 1,000 attempts", () => {
    const seen = new Set(attempts.flatMap(optionKinds));
    expect(requiredKinds.filter((kind) => !seen.has(kind))).toEqual([]);
  });

  it("uses only the small identity pool, so pairing state builds up", () => {
    const pool = new Set(Object.values(conformanceIdentities));
    const seeds = new Set(attempts.flatMap((a) => (a.device ? [a.device.identitySeed] : [])));
    expect([...seeds].every((seed) => pool.has(seed))).toBe(true);
    expect(seeds.size).toBe(pool.size);
    const tokenNames = new Set(JSON.stringify(attempts).match(/\{\{deviceToken:[a-z]+/g)!.map((m) => m.slice("{{deviceToken:".length)));
    expect([...tokenNames].sort()).toEqual(Object.keys(conformanceIdentities).sort());
  });

  it("keeps about half of the attempts well-formed (right credentials, no broken option)", () => {
    const clean = attempts.filter((a) => {
      const kinds = optionKinds(a);
      const broken = /^(missing:|extra-param|role:bogus|role:omit|mode:bogus|client:bogus|protocol:(?!4-4)|sign:|id:|key:|signature:|signedAt:|nonce:(?!challenge)|origin:(?!none)|host:(?!none)|cred:(wrong|none|empty|password))/;
      return !kinds.some((k) => broken.test(k));
    });
    expect(clean.length).toBeGreaterThan(400);
  });
});

describe("readyProbeFor", () => {
  // openclaw@2026.8.2 answers a password sent as auth.token with password_missing (connectSecretEitherField off):
  // a probe with the token field never saw hello-ok there, so password configurations never started.
  it("sends a password gateway's secret as auth.password", () => {
    const probe = readyProbeFor({ name: "k2-password", mode: "password" }, READY_PROBE);
    const params = (probe.connect as { params: Record<string, unknown> }).params;
    expect(params["auth"]).toEqual({ password: "{{gatewayToken}}" });
    const tokenProbe = readyProbeFor({ name: "token-default", mode: "token" }, READY_PROBE);
    expect((tokenProbe.connect as { params: Record<string, unknown> }).params["auth"]).toEqual({ token: "{{gatewayToken}}" });
  });
});
