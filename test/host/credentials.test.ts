import { describe, expect, it } from "vitest";
import {
  checkServerAuthStartup,
  exampleGatewayToken,
  resolveDriftCheckCredentials,
  resolveGatewayCredentials,
  resolveServerGatewayAuth,
  type GatewayConfig,
} from "../../src/host/index.ts";

const localConfig: GatewayConfig = {
  gateway: { mode: "local", auth: { mode: "token", token: "cfg-token", password: "cfg-pass" }, remote: { token: "remote-token" } },
};
const env = { OPENCLAW_GATEWAY_TOKEN: "env-token", OPENCLAW_GATEWAY_PASSWORD: "env-pass" };

describe("§9.1 client credential precedence", () => {
  it("rule 1: explicit --token is used alone, yet the passive token is still reported for seed 004", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env, explicit: { token: " cli-token " } });
    expect(r).toMatchObject({ token: "cli-token", tokenSource: "explicit", rule: "explicit", explicitToken: "cli-token" });
    expect(r.password).toBeUndefined();
    expect(r.passwordSource).toBe("none");
    expect(r.passiveToken).toBe("env-token");
    expect(r.passiveTokenSource).toBe("env:OPENCLAW_GATEWAY_TOKEN");
  });

  it("rule 1: explicit --password alone leaves the token unset", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env, explicit: { password: "cli-pass" } });
    expect(r).toMatchObject({ password: "cli-pass", passwordSource: "explicit", tokenSource: "none", rule: "explicit" });
    expect(r.explicitToken).toBeUndefined();
  });

  it("rule 2: a CLI --url override gets no fallback at all", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env, explicit: { url: "wss://gw.example" }, urlSource: "cli" });
    expect(r).toMatchObject({ tokenSource: "none", passwordSource: "none", rule: "cli-url-no-fallback" });
    expect(r.token).toBeUndefined();
    expect(r.passiveToken).toBeUndefined();
  });

  it("rule 3: a URL from the environment uses env credentials only", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env, explicit: { url: "wss://gw.example" }, urlSource: "env" });
    expect(r).toMatchObject({ token: "env-token", password: "env-pass", rule: "env-url-env-only" });
    const noEnv = resolveGatewayCredentials({ config: localConfig, env: {}, explicit: { url: "wss://x" }, urlSource: "env" });
    expect(noEnv.token).toBeUndefined(); // config is never consulted
  });

  it("rule 4: local mode is env-first for the token outside the service", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env });
    expect(r).toMatchObject({ token: "env-token", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN", rule: "local-env-first" });
    expect(r).toMatchObject({ password: "env-pass", passwordSource: "env:OPENCLAW_GATEWAY_PASSWORD" });
    const noEnv = resolveGatewayCredentials({ config: localConfig, env: {} });
    expect(noEnv).toMatchObject({ token: "cfg-token", tokenSource: "config:gateway.auth.token" });
  });

  it("rule 4: inside the gateway service (OPENCLAW_SERVICE_KIND=gateway) the token is config-first", () => {
    const r = resolveGatewayCredentials({ config: localConfig, env: { ...env, OPENCLAW_SERVICE_KIND: "gateway" } });
    expect(r).toMatchObject({ token: "cfg-token", tokenSource: "config:gateway.auth.token", rule: "local-config-first" });
    expect(r.password).toBe("env-pass"); // password stays env-first
    const viaParam = resolveGatewayCredentials({ config: localConfig, env, serviceKind: "gateway" });
    expect(viaParam.tokenSource).toBe("config:gateway.auth.token");
    const node = resolveGatewayCredentials({ config: localConfig, env: { ...env, OPENCLAW_SERVICE_KIND: "node" } });
    expect(node.tokenSource).toBe("env:OPENCLAW_GATEWAY_TOKEN");
  });

  it("rule 4: local falls back to gateway.remote.* when the local key is unset", () => {
    const cfg: GatewayConfig = { gateway: { remote: { token: "remote-token", password: "remote-pass" } } };
    const r = resolveGatewayCredentials({ config: cfg, env: {} });
    expect(r).toMatchObject({ token: "remote-token", tokenSource: "config:gateway.remote.token" });
    expect(r).toMatchObject({ password: "remote-pass", passwordSource: "config:gateway.remote.password" });
  });

  it("rule 5: remote mode is remote-first for the token and env-first for the password", () => {
    const cfg: GatewayConfig = { gateway: { ...localConfig.gateway, mode: "remote", remote: { token: "remote-token", password: "remote-pass" } } };
    const r = resolveGatewayCredentials({ config: cfg, env });
    expect(r).toMatchObject({ token: "remote-token", tokenSource: "config:gateway.remote.token", rule: "remote" });
    expect(r).toMatchObject({ password: "env-pass", passwordSource: "env:OPENCLAW_GATEWAY_PASSWORD" });
    const noRemote = resolveGatewayCredentials({ config: { gateway: { mode: "remote", auth: { token: "cfg-token" } } }, env: {} });
    expect(noRemote.tokenSource).toBe("config:gateway.auth.token");
    const probe = resolveGatewayCredentials({
      config: { gateway: { mode: "remote", auth: { token: "cfg-token" } } },
      env,
      remoteFallback: "remote-only",
    });
    expect(probe.token).toBeUndefined();
  });

  it("rule 6: the sample token counts as unset wherever it appears", () => {
    const cfg: GatewayConfig = { gateway: { auth: { token: exampleGatewayToken }, remote: { token: "remote-token" } } };
    const r = resolveGatewayCredentials({ config: cfg, env: { OPENCLAW_GATEWAY_TOKEN: exampleGatewayToken } });
    // gateway.auth.token is set (to the placeholder), so remote.* is not the fallback: no token at all.
    expect(r.token).toBeUndefined();
    expect(r.tokenSource).toBe("none");
  });

  it("rule 7: the drift check is local, config-first and ignores the environment", () => {
    const r = resolveDriftCheckCredentials({ gateway: { mode: "remote", auth: { token: "cfg-token" } } });
    expect(r).toMatchObject({ token: "cfg-token", tokenSource: "config:gateway.auth.token", rule: "local-config-first" });
  });
});

describe("the gateway process's own secret", () => {
  const config: GatewayConfig = { gateway: { auth: { token: "rotated" } } };
  const serviceEnv = { OPENCLAW_GATEWAY_TOKEN: "baked-in", OPENCLAW_SERVICE_KIND: "gateway" };

  it("env-first: a token baked into the unit beats the rotated config token", () => {
    const auth = resolveServerGatewayAuth({ config, env: serviceEnv, switches: { serviceTokenResolution: "env-first" } });
    expect(auth).toMatchObject({ token: "baked-in", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN", mode: "token" });
  });

  it("config-first-in-service: config wins inside the service, env still wins in a foreground shell", () => {
    const switches = { serviceTokenResolution: "config-first-in-service" } as const;
    expect(resolveServerGatewayAuth({ config, env: serviceEnv, switches }).token).toBe("rotated");
    expect(resolveServerGatewayAuth({ config, env: { OPENCLAW_GATEWAY_TOKEN: "shell" }, switches }).token).toBe("shell");
  });

  it("infers password mode from a configured password and refuses to start token mode without a token", () => {
    const pw = resolveServerGatewayAuth({ config: { gateway: { auth: { password: "pw" } } }, env: {}, switches: { serviceTokenResolution: "env-first" } });
    expect(pw).toMatchObject({ mode: "password", modeSource: "password-present" });
    const empty = resolveServerGatewayAuth({ config: {}, env: {}, switches: { serviceTokenResolution: "env-first" } });
    expect(checkServerAuthStartup(empty, {})).toEqual({ kind: "refuse-start", reason: "token-missing" });
  });
});
