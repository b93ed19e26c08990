// Spec §7.5: reconnect backoff in virtual time — 1, 2, 4, 8, 16, 30, 30 s, reset by hello-ok — and jitter
// only when the profile switches it on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratio } from "../../src/kernel/index.ts";
import { ClientHarness, switchesOf } from "./harness.ts";

/** One refused socket (ECONNREFUSED), then wait for the reconnect timer. */
function refusedSocket(h: ClientHarness): number {
  h.step({ kind: "ws-error", message: "connect ECONNREFUSED 127.0.0.1:18789" });
  const delay = h.events("reconnect-scheduled").at(-1)!.delayMs;
  const before = h.nowMs;
  h.advance(delay);
  expect(h.nowMs - before).toBe(delay);
  return delay;
}

describe("reconnect backoff", () => {
  it("doubles from 1 s to the 30 s cap in virtual time", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    const delays = Array.from({ length: 7 }, () => refusedSocket(h));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(h.outputsOf("ws-connect")).toHaveLength(8);
    expect(h.events("connect-error")[0]?.message).toBe("connect ECONNREFUSED 127.0.0.1:18789");
  });

  it("resets to 1 s after hello-ok", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    for (let i = 0; i < 4; i++) refusedSocket(h);
    h.hello(h.openAndChallenge());
    h.step({ kind: "ws-close", code: 1006, reason: "" });
    expect(h.events("reconnect-scheduled").at(-1)).toEqual({ delayMs: 1000, attempt: 1 });
  });

  it("an unexpected HTTP answer (503) counts as a failed socket", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    h.step({ kind: "ws-unexpected-response", status: 503, body: "Too many unauthenticated sockets" });
    expect(h.events("connect-error")[0]?.message).toBe("Unexpected server response: 503");
    expect(h.events("reconnect-scheduled")).toEqual([{ delayMs: 1000, attempt: 1 }]);
    // The 1006 close the socket library reports afterwards changes nothing.
    expect(h.step({ kind: "ws-close", code: 1006, reason: "" })).toEqual([]);
  });

  it("property: each delay is min(1 s · 2^k, 30 s), k = failures since the last hello", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("refused", "auth-fail", "hello-drop"), { minLength: 1, maxLength: 30 }), (script) => {
        const h = new ClientHarness({ passiveToken: "T" });
        h.step({ kind: "start" });
        let sinceHello = 0;
        for (const step of script) {
          if (step === "refused") h.step({ kind: "ws-error", message: "connect ECONNREFUSED" });
          else {
            const req = h.openAndChallenge();
            if (step === "auth-fail") h.refuse(req, { message: "unauthorized" });
            else {
              h.hello(req);
              sinceHello = 0;
              h.step({ kind: "ws-close", code: 1012, reason: "service restart" });
            }
          }
          const last = h.events("reconnect-scheduled").at(-1)!;
          expect(last.delayMs).toBe(Math.min(1000 * 2 ** sinceHello, 30_000));
          expect(last.attempt).toBe(sinceHello + 1);
          sinceHello++;
          h.advance(last.delayMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("jitter is drawn from the client's PRNG stream only when switched on, within [d, d + d·ratio]", () => {
    const delaysFor = (seed: bigint) => {
      const h = new ClientHarness({ seed, passiveToken: "T", switches: switchesOf("2026.3", { backoffJitter: ratio(1, 4) }) });
      h.step({ kind: "start" });
      return Array.from({ length: 7 }, () => refusedSocket(h));
    };
    const a = delaysFor(1n);
    expect(delaysFor(1n)).toEqual(a);
    const bases = [1000, 2000, 4000, 8000, 16000, 30000, 30000];
    a.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(bases[i]!);
      expect(d).toBeLessThanOrEqual(bases[i]! * 1.25);
    });
    expect(a).not.toEqual(bases);
  });
});
