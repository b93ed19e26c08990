// Checks the recorded real-gateway fixture: well-formed, fully redacted, and still saying what the 2026.9
// profile is built on (skew window, failure-delay ladder, detail codes). Re-recording a different release
// that changes one of these facts makes this fail on purpose.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import {
  type AttemptRecord,
  type ObservedError,
  type Outcome,
  type OracleFixture,
} from "../../sim/oracle/index.ts";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/oracle/openclaw-2026.9.6.json", import.meta.url), "utf8"),
) as OracleFixture;

const byName = new Map<string, AttemptRecord>();
for (const run of fixture.runs) for (const rec of run.records ?? []) byName.set(rec.attempt.name, rec);

function outcome(name: string): Outcome {
  const rec = byName.get(name);
  if (rec === undefined) throw new Error(`no attempt ${name} in fixture`);
  return rec.outcome;
}

function error(name: string): ObservedError {
  const e = outcome(name).response?.error;
  if (e === undefined) throw new Error(`${name} did not fail`);
  return e;
}

const SECRET_KEYS = new Set(["token", "deviceToken", "bootstrapToken", "password", "recoveryScope"]);

function secretValues(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) secretValues(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEYS.has(key) && typeof item === "string") out.push(item);
      else secretValues(item, out);
    }
  }
  return out;
}

describe("oracle fixture openclaw-2026.9.6", () => {
  it("records every attempt of every run with a unique name", () => {
    expect(fixture.format).toBe("clawsim-oracle/1");
    expect(fixture.openclawVersion).toBe("2026.9.6");
    expect(fixture.runs.map((r) => r.name)).toEqual(["token", "control-ui-allow-insecure-auth", "strict-rate-limit", "manual-pairing"]);
    const total = fixture.runs.reduce((n, r) => n + (r.records?.length ?? 0), 0);
    expect(byName.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(80);
    for (const run of fixture.runs) expect(run.startError).toBeUndefined();
  });

  it("carries no live secret, nonce or connection UUID in any outcome", () => {
    const outcomes = fixture.runs.flatMap((r) => (r.records ?? []).map((rec) => rec.outcome));
    for (const value of secretValues(outcomes)) expect(value).toMatch(/^<[^>]+>$/);
    const text = JSON.stringify(outcomes);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(text).not.toMatch(/127\.0\.0\.1:\d+/);
  });

  it("pins the signature skew window at 120 s on both sides", () => {
    for (const name of ["proof-signed-at-minus-119s", "proof-signed-at-plus-119s"]) expect(outcome(name).response?.ok).toBe(true);
    for (const name of ["proof-signed-at-minus-121s", "proof-signed-at-plus-121s"]) {
      expect(error(name)).toMatchObject({ message: "device signature expired", details: { code: "DEVICE_AUTH_SIGNATURE_EXPIRED", reason: "device-signature-stale" } });
      expect(outcome(name).close).toMatchObject({ code: 1008, reason: "device signature expired" });
    }
  });

  it("shows the loopback failure delay ladder 250·2^(n−1) ms capped at 5 s", () => {
    for (let n = 1; n <= 8; n += 1) {
      const expected = Math.min(250 * 2 ** (n - 1), 5000);
      const elapsed = outcome(`delay-wrong-token-${n}`).elapsedMs;
      expect(elapsed).toBeGreaterThanOrEqual(expected);
      expect(elapsed).toBeLessThan(expected + 250);
    }
  });

  it("does not charge token_missing or device-required to the shared-secret history", () => {
    expect(outcome("delay-mixed-token-missing").elapsedMs).toBeLessThan(200);
    expect(outcome("delay-mixed-device-required").elapsedMs).toBeLessThan(200);
    const third = outcome("delay-mixed-wrong-token-3").elapsedMs;
    expect(third).toBeGreaterThanOrEqual(1000);
    expect(third).toBeLessThan(1250);
    expect(outcome("limit-ip2-right-token").response?.ok).toBe(true);
  });

  it("reports token mismatch with and without a device identity as the spec says", () => {
    expect(error("cli-wrong-token-no-device").details).toEqual({
      code: "AUTH_TOKEN_MISMATCH",
      authReason: "token_mismatch",
      canRetryWithDeviceToken: false,
      recommendedNextStep: "update_auth_credentials",
    });
    expect(error("alice-wrong-token").details).toMatchObject({ canRetryWithDeviceToken: true, recommendedNextStep: "retry_with_device_token" });
  });

  it("rate-limits with retryable + retryAfterMs once the strict limiter locks", () => {
    const locked = error("limit-wrong-token-3");
    expect(locked).toMatchObject({ message: "unauthorized: too many failed authentication attempts (retry later)", retryable: true });
    expect(locked.details).toMatchObject({ code: "AUTH_RATE_LIMITED", recommendedNextStep: "wait_then_retry" });
    expect(locked.retryAfterMs).toBeGreaterThan(55_000);
    expect(outcome("limit-device-token-while-shared-locked").response?.ok).toBe(true);
  });

  it("replaces a pending pairing request id when the scopes grow", () => {
    const first = error("manual-remy-read").details as { requestId: string };
    const second = error("manual-remy-admin").details as { requestId: string };
    const third = error("manual-remy-read-again").details as { requestId: string };
    expect(second.requestId).not.toBe(first.requestId);
    expect(third.requestId).toBe(second.requestId);
  });
});
