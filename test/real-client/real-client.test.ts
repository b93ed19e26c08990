// The real OpenClaw client (@openclaw/gateway-client 2026.9.1) against clawsim's simulated gateway under profile
// 2026.9: hello-ok, the bounded device-token retry, the device-token-mismatch pause, refusal backoff, and the
// trace it leaves (same event names as the simulated client, same hash for the same seed).
import { describe, expect, it } from "vitest";
import { clientEvents, profile2026_9, realAvailable, runReal } from "./harness.ts";

describe.skipIf(!realAvailable)("real client against the simulated 2026.9 gateway", () => {
  it("happy path: one socket, the explicit token and a signed device, hello-ok, device token stored", async () => {
    const { world, run } = await runReal("happy-path");
    const attempts = clientEvents(world.trace.events, "connect-attempt");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.data).toMatchObject({ attempt: 1, tokenSource: "explicit", deviceToken: null, device: true, deviceTokenRetry: false });
    const [hello] = clientEvents(world.trace.events, "hello");
    expect(hello?.data).toMatchObject({ authMethod: "token", role: "operator", protocol: 4, deviceTokenIssued: true, tickIntervalMs: profile2026_9.gateway.tickIntervalMs });
    expect(run.verdict).toMatchObject({ attempts: 1, connected: true, paused: false, storedToken: true });
    expect(world.trace.events.some((e) => e.actor === "client" && e.kind === "host" && e.data["event"] === "device-auth.store")).toBe(true);
  });

  it("AUTH_TOKEN_MISMATCH: exactly one retry with the stored device token 250 ms after the close, then paused", async () => {
    const { world, run } = await runReal("wrong-token-bogus-stored");
    const events = world.trace.events;
    const attempts = clientEvents(events, "connect-attempt");
    expect(attempts.map((a) => a.data["deviceTokenRetry"])).toEqual([false, true]);
    expect(attempts[1]!.data).toMatchObject({ tokenSource: "explicit", deviceToken: "stored" });
    expect(clientEvents(events, "connect-error").map((e) => e.data["detailCode"])).toEqual(["AUTH_TOKEN_MISMATCH", "AUTH_DEVICE_TOKEN_MISMATCH"]);
    const [firstClose] = clientEvents(events, "closed");
    expect(clientEvents(events, "reconnect-scheduled").map((e) => e.data)).toEqual([{ event: "reconnect-scheduled", delayMs: 250, attempt: 1 }]);
    const secondOpen = events.filter((e) => e.kind === "conn.open")[1];
    expect(secondOpen!.atMs - firstClose!.atMs).toBe(250);
    expect(run.verdict).toMatchObject({ attempts: 2, paused: true, connected: false });
    expect(clientEvents(events, "paused")).toHaveLength(1);
  });

  it("seed 004: the stale shared token gets AUTH_TOKEN_MISMATCH, the one retry with the paired device's token connects", async () => {
    const { run } = await runReal("seed-004-stale-token-paired");
    expect(run.verdict).toMatchObject({ attempts: 2, hellos: 1, connected: true, paused: false, reconnectDelaysMs: [250] });
    expect(run.verdict.errorDetailCodes).toEqual(["AUTH_TOKEN_MISMATCH"]);
  });

  it("AUTH_DEVICE_TOKEN_MISMATCH: paused at once, no reconnect, the stored token cleared from the device-auth file", async () => {
    const { world, run } = await runReal("device-token-mismatch");
    const events = world.trace.events;
    expect(clientEvents(events, "connect-attempt")[0]?.data).toMatchObject({ tokenSource: "stored", deviceToken: "stored" });
    const [error] = clientEvents(events, "connect-error");
    const [paused] = clientEvents(events, "paused");
    expect(error?.data["detailCode"]).toBe("AUTH_DEVICE_TOKEN_MISMATCH");
    expect(paused?.data["detailCode"]).toBe("AUTH_DEVICE_TOKEN_MISMATCH");
    expect(paused!.atMs).toBe(error!.atMs);
    expect(run.verdict).toMatchObject({ attempts: 1, paused: true, storedToken: false, reconnectDelaysMs: [] });
    const clears = events.filter((e) => e.actor === "client" && e.kind === "host" && e.data["event"] === "device-auth.clear");
    expect(clears.length).toBeGreaterThanOrEqual(1);
    expect(world.deviceAuthFiles.get("gateway-host:user")?.tokens["operator"]).toBeUndefined();
  });

  it("refused connections back off 1, 2, 4, 8, 16 s, capped at 30 s, each socket opened when its delay ends", async () => {
    const { world, run } = await runReal("gateway-down");
    expect(run.verdict.reconnectDelaysMs).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    const closes = clientEvents(world.trace.events, "closed").map((e) => e.atMs);
    const opens = world.trace.events.filter((e) => e.kind === "conn.open").map((e) => e.atMs);
    expect(opens.slice(1).map((at, i) => at - closes[i]!)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(run.verdict).toMatchObject({ attempts: 6, paused: false, connected: false });
  });

  it("a gateway still starting answers UNAVAILABLE with retryAfterMs: the client retries every 500 ms, then connects", async () => {
    const { run } = await runReal("gateway-starting");
    expect(new Set(run.verdict.reconnectDelaysMs)).toEqual(new Set([500]));
    expect(run.verdict).toMatchObject({ connected: true, paused: false, hellos: 1 });
  });

  it("ws:// to a public address is refused by the transport guard before any socket", async () => {
    const { world, run } = await runReal("remote-plaintext");
    expect(run.verdict.attempts).toBe(0);
    expect(clientEvents(world.trace.events, "refused")[0]?.data).toMatchObject({ reason: "insecure-ws" });
    expect(world.trace.events.some((e) => e.kind === "conn.open")).toBe(false);
  });
});
