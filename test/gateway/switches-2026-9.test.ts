// Flip tests for the switches added from the conformance runs against openclaw@2026.9.6 (issue 11): under the
// 2026.9 profile, flipping one switch (everything else equal) flips what the client sees.
import { describe, expect, it } from "vitest";
import { identityFromSeed } from "../../src/crypto/index.ts";
import type { Attempt, GatewayConfigInput, Outcome, Profile } from "../../src/index.ts";
import type { GatewaySwitches } from "../../src/profiles/index.ts";
import { details, params, profile, runAttempts, seedHex, token } from "./harness.ts";

type A = Attempt & { from?: "local" | "remote" };
const me = seedHex(0x52);
void identityFromSeed;
const dev = () => ({ identitySeed: me, payloadVersion: "v3" as const });
const p4 = (extra: Record<string, unknown> = {}) => params(extra, 4);

function flip<K extends keyof GatewaySwitches>(key: K, values: [GatewaySwitches[K], GatewaySwitches[K]], list: A[], config?: GatewayConfigInput): [Outcome[], Outcome[]] {
  const run = (p: Profile) => runAttempts({ profile: p, attempts: list, config, identities: { me } }).outcomes;
  const at = (v: GatewaySwitches[K]) => run(profile("2026.9", { gateway: { [key]: v } as Partial<GatewaySwitches> }));
  return [at(values[0]), at(values[1])];
}
const scopesOf = (o: Outcome) => (o.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes;

describe("2026.9 switches recorded from the conformance runs flip outcomes", () => {
  it("browserCopilotClass", () => {
    const list = [{ name: "copilot", connect: { params: p4({ client: { id: "openclaw-browser-copilot", version: "1", platform: "linux", mode: "ui" } }) } }];
    const [a, b] = flip("browserCopilotClass", [false, true], list);
    expect(a[0]!.response?.error?.message ?? "").not.toMatch(/browser copilot/);
    expect([b[0]!.response?.error?.code, b[0]!.response?.error?.message, b[0]!.close?.code]).toEqual([
      "INVALID_REQUEST", "browser copilot requires ui mode with run-tool-bindings and session-scoped-events capabilities", 1008,
    ]);
  });
  it("connectSecretEitherField: the right password in the token field", () => {
    const list = [{ name: "pw-as-token", connect: { params: p4({ auth: { token } }) } }];
    const [a, b] = flip("connectSecretEitherField", [false, true], list, { auth: { mode: "password", password: token } });
    expect([details(a[0]!)["code"], b[0]!.response?.ok]).toEqual(["AUTH_PASSWORD_MISSING", true]);
  });
  it("sharedAuthIncludesTrustedProxy: a proxied user without a device", () => {
    const headers = { "x-forwarded-for": "203.0.113.7", "x-forwarded-user": "alice" };
    const list = [{ name: "proxied", headers, connect: { params: p4({ auth: undefined }) } }];
    const config: GatewayConfigInput = { auth: { mode: "trusted-proxy", trustedProxy: { userHeader: "x-forwarded-user", allowLoopback: true } }, trustedProxies: ["127.0.0.1"] };
    const [a, b] = flip("sharedAuthIncludesTrustedProxy", [false, true], list, config);
    expect(details(a[0]!)["code"]).toBe("DEVICE_IDENTITY_REQUIRED");
    expect([b[0]!.response?.ok, scopesOf(b[0]!)]).toEqual([true, []]);
  });
  it("localBackendSkipsDeviceIdentity: mode none and a device-less local backend", () => {
    const list = [{ name: "backend", connect: { params: p4({ client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" }, auth: undefined }) } }];
    const [a, b] = flip("localBackendSkipsDeviceIdentity", [false, true], list, { auth: { mode: "none" } });
    expect([details(a[0]!)["code"], b[0]!.response?.ok]).toEqual(["DEVICE_IDENTITY_REQUIRED", true]);
  });
  it("unattributableProxyRefused: a trusted proxy without X-Forwarded-For", () => {
    const list = [{ name: "no-xff", headers: { "x-forwarded-user": "alice" }, connect: { params: p4() } }];
    const [a, b] = flip("unattributableProxyRefused", [false, true], list, { trustedProxies: ["127.0.0.1"] });
    expect([a[0]!.upgradeRefused?.status, b[0]!.upgradeRefused?.status]).toEqual([undefined, 403]);
  });
  it("nodeHostMetadataNormalization: a node host's device reconnecting as another client", () => {
    const nodeHost = { id: "node-host", version: "1", platform: "linux", mode: "node" };
    const list = [
      { name: "node", connect: { params: p4({ client: nodeHost, role: "node", scopes: [] }) }, device: dev() },
      { name: "test", connect: { params: p4({ client: { id: "test", version: "1", platform: "linux", mode: "test" }, role: "node", scopes: [] }) }, device: dev() },
    ];
    const [a, b] = flip("nodeHostMetadataNormalization", [false, true], list);
    expect(a[0]!.response?.ok).toBe(true);
    expect([a[1]!.response?.ok, details(b[1]!)["reason"]]).toEqual([true, "metadata-upgrade"]);
  });
  it("deviceLessScopeKeepers by id/mode: a cli id in test mode", () => {
    const list = [{ name: "cli-test", connect: { params: p4({ client: { id: "cli", version: "1", platform: "linux", mode: "test" }, scopes: ["operator.admin"] }) } }];
    const [a, b] = flip("deviceLessScopeKeepers", [["cli", "gateway-client"], ["cli/cli", "gateway-client/backend"]], list);
    expect([scopesOf(a[0]!), scopesOf(b[0]!)]).toEqual([["operator.admin"], []]);
  });
});
