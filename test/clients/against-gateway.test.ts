// The client reducer wired to the real gateway reducer over a zero-latency loopback link: the seed-004 story
// (a paired device whose config/env token went stale after rotation) under each release, and the seed-000
// bounded retry healing it. Gateway timers are not run; client timers run in the harness's virtual time.
import { describe, expect, it } from "vitest";
import { Prng } from "../../src/kernel/index.ts";
import { findProfile } from "../../src/profiles/index.ts";
import { createGatewayState, gatewayStep, type GatewayOutput, type GatewayRuntimeConfig, type GatewayState } from "../../src/gateway/index.ts";
import type { ClientOutput } from "../../src/clients/index.ts";
import { ClientHarness, switchesOf, T0 } from "./harness.ts";

function gatewayConfig(token: string): GatewayRuntimeConfig {
  return {
    auth: { mode: "token", token, allowTailscale: false },
    controlUi: { allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, allowedOrigins: [], dangerouslyAllowHostHeaderOriginFallback: false },
    trustedProxies: [],
    allowRealIpFallback: false,
    tailscaleWhois: {},
    version: "test",
    configPath: "/home/u/.openclaw/openclaw.json",
    stateDir: "/home/u/.openclaw",
  };
}

type Delivery = { to: "gateway"; input: Parameters<typeof gatewayStep>[1] } | { to: "client"; output: GatewayOutput } | { to: "client-close"; code: number; reason: string };

const gwPrng = new Prng(11n, "gateway");

function startGateway(profile: string, token: string, gateway: Partial<GatewayState["switches"]> = {}): GatewayState {
  const gw = createGatewayState({ switches: { ...findProfile(profile)!.gateway, ...gateway }, config: gatewayConfig(token), startedAtMs: T0 });
  gatewayStep(gw, { kind: "start" }, { nowMs: T0, prng: gwPrng });
  return gw;
}

class Loopback {
  private readonly gwPrng = gwPrng;
  private connSeq = 0;
  private connId: string | null = null;

  constructor(readonly client: ClientHarness, readonly gw: GatewayState) {}

  /** Feeds client outputs through the link until nothing moves. */
  run(outputs: ClientOutput[]): void {
    const queue: Delivery[] = [];
    const fromClient = (outs: ClientOutput[]) => {
      for (const o of outs) {
        if (o.kind === "ws-connect") {
          this.connId = `c${++this.connSeq}`;
          queue.push({ to: "gateway", input: { kind: "upgrade", connId: this.connId, request: { remoteAddress: "127.0.0.1", headers: { ...o.headers } } } });
        } else if (o.kind === "ws-send" && this.connId) queue.push({ to: "gateway", input: { kind: "frame", connId: this.connId, text: o.text } });
        else if (o.kind === "ws-close") queue.push({ to: "client-close", code: o.code, reason: o.reason });
      }
    };
    fromClient(outputs);
    for (let steps = 0; queue.length > 0; steps++) {
      expect(steps).toBeLessThan(1_000);
      const d = queue.shift()!;
      if (d.to === "gateway") {
        for (const output of gatewayStep(this.gw, d.input, { nowMs: this.client.nowMs, prng: this.gwPrng })) queue.push({ to: "client", output });
      } else if (d.to === "client") fromClient(this.toClient(d.output));
      else fromClient(this.closeBoth(d.code, d.reason));
    }
  }

  private toClient(o: GatewayOutput): ClientOutput[] {
    if (o.kind === "upgrade-accept") return this.client.step({ kind: "ws-open" });
    if (o.kind === "send") return this.client.step({ kind: "ws-message", text: o.text });
    if (o.kind === "close") return this.closeBoth(o.code, o.reason);
    return [];
  }

  private closeBoth(code: number, reason: string): ClientOutput[] {
    if (!this.connId) return [];
    gatewayStep(this.gw, { kind: "closed", connId: this.connId, code, reason }, { nowMs: this.client.nowMs, prng: this.gwPrng });
    this.connId = null;
    return this.client.step({ kind: "ws-close", code, reason });
  }

  /** Advances client time to its next reconnect and runs the handshake. */
  nextReconnect(): void {
    const at = this.client.timers.get("reconnect");
    expect(at).toBeDefined();
    this.run(this.client.advance(at! - this.client.nowMs));
  }
}

/** Pairs the device on loopback with the then-current token OLD, rotates the gateway to NEW, and returns a
 *  fresh client process on the same machine: OLD still in config/env, the device token on disk. */
function pairedThenRotated(profile: string, gateway: Partial<GatewayState["switches"]> = {}, client: Parameters<typeof switchesOf>[1] = {}): Loopback {
  const gw = startGateway(profile, "OLD", gateway);
  const first = new ClientHarness({ profile, passiveToken: "OLD" });
  new Loopback(first, gw).run(first.step({ kind: "start" }));
  expect(first.events("hello")).toHaveLength(1);
  const stored = first.state.storedTokens;
  expect(stored["operator"]?.token).toBeTruthy();
  gatewayStep(gw, { kind: "shared-secret-changed", token: "NEW" }, { nowMs: first.nowMs, prng: gwPrng });
  return new Loopback(new ClientHarness({ switches: switchesOf(profile, client), passiveToken: "OLD", storedTokens: stored }), gw);
}

describe("seed 004 against the gateway reducer: device paired, passive token stale after rotation", () => {
  it("2026.2.13: the stored device token goes first and connects", () => {
    const link = pairedThenRotated("2026.2.13");
    link.run(link.client.step({ kind: "start" }));
    expect(link.client.events("hello")[0]).toMatchObject({ deviceTokenIssued: true });
    expect(link.client.events("connect-attempt")[0]?.tokenSource).toBe("stored");
  });

  it("2026.2.14: the stale passive token wins and the client loops on unauthorized", () => {
    const link = pairedThenRotated("2026.2.14");
    link.run(link.client.step({ kind: "start" }));
    for (let i = 0; i < 5; i++) link.nextReconnect();
    expect(link.client.events("hello")).toEqual([]);
    expect(link.client.events("connect-attempt").map((a) => a.tokenSource)).toEqual(Array(6).fill("passive"));
    expect(link.client.events("connect-error").every((e) => e.message.startsWith("unauthorized"))).toBe(true);
    expect(link.client.events("paused")).toEqual([]);
  });

  it("2026.2.22 client (its dist): the stale passive token still goes first and loops, against a gateway that pairs shared-token operators", () => {
    const link = pairedThenRotated("2026.2.22", { sharedAuthOperatorSkipsPairing: false });
    link.run(link.client.step({ kind: "start" }));
    for (let i = 0; i < 3; i++) link.nextReconnect();
    expect(link.client.events("hello")).toEqual([]);
    expect(link.client.events("connect-attempt").map((a) => a.tokenSource)).toEqual(Array(4).fill("passive"));
  });

  it("PR #17336's order (proposed, never shipped) on the 2.22 client: stored beats passive and connects", () => {
    const link = pairedThenRotated("2026.2.22", { sharedAuthOperatorSkipsPairing: false }, { tokenPriority: "explicit-stored-passive" });
    link.run(link.client.step({ kind: "start" }));
    expect(link.client.events("hello")).toHaveLength(1);
  });

  it("2026.2.22 gateway (its dist): a shared-token operator is let in unpaired, so no device token is stored", () => {
    const gw = startGateway("2026.2.22", "OLD");
    const first = new ClientHarness({ profile: "2026.2.22", passiveToken: "OLD" });
    new Loopback(first, gw).run(first.step({ kind: "start" }));
    expect(first.events("hello")).toHaveLength(1);
    expect(first.state.storedTokens["operator"]).toBeUndefined();
  });

  // 2026.3.31: the same client; the 2026.3 profile's gateway (openclaw@2026.3.13) lets this local backend skip
  // pairing on the shared token, so it never holds a device token to retry with.
  it("2026.3.31: AUTH_TOKEN_MISMATCH with the retry hint, one 250 ms retry with auth.deviceToken, connected", () => {
    const link = pairedThenRotated("2026.3.31");
    link.run(link.client.step({ kind: "start" }));
    expect(link.client.events("connect-error")[0]).toMatchObject({ detailCode: "AUTH_TOKEN_MISMATCH" });
    expect(link.client.events("reconnect-scheduled")).toEqual([{ delayMs: 250, attempt: 1 }]);
    link.nextReconnect();
    expect(link.client.events("connect-attempt")[1]).toMatchObject({ tokenSource: "passive", deviceToken: "stored", deviceTokenRetry: true });
    expect(link.client.events("hello")).toHaveLength(1);
    expect(link.client.state.deviceTokenRetryBudgetUsed).toBe(false);
  });
});
