// The Control UI page's own switches, read in its bundle of each release (2026.2.12 … 2026.9.6) and seen live on
// 2026.9.6: the reconnect backoff (controlUiBackoff*, controlUiFastRetryMs: 0.8 s ×1.7 up to 15 s, no jitter, the
// device-token retry one ordinary step later), the token copied into auth.password (2026.9.6) and the default
// scopes. Each switch flipped alone changes what the page does; the other kinds keep theirs.
import { describe, expect, it } from "vitest";
import { ratio } from "../../src/kernel/index.ts";
import type { ClientSwitches } from "../../src/profiles/index.ts";
import type { ClientKind } from "../../src/clients/index.ts";
import { ClientHarness, switchesOf, testIdentity, tokenMismatchNoHint } from "./harness.ts";

/** The delays of `count` reconnects after refused sockets (ECONNREFUSED), each waited out. */
function refusedDelays(kind: ClientKind, overrides: Partial<ClientSwitches> = {}, count = 8, seed = 7n): number[] {
  const h = new ClientHarness({ kind, seed, passiveToken: "T", identity: kind === "control-ui" ? null : testIdentity(), switches: switchesOf("2026.9", overrides) });
  h.step({ kind: "start" });
  const delays: number[] = [];
  for (let i = 0; i < count; i++) {
    h.step({ kind: "ws-error", message: "connect ECONNREFUSED 127.0.0.1:18789" });
    const delay = h.events("reconnect-scheduled").at(-1)!.delayMs;
    delays.push(delay);
    h.advance(delay);
  }
  return delays;
}

const page96 = [800, 1360, 2312, 3930, 6682, 11359, 15000, 15000];

describe("Control UI reconnect backoff", () => {
  it("2026.9: the page waits 0.8 s ×1.7 up to 15 s (rounded), the CLI still 1 s ×2 up to 30 s", () => {
    expect(refusedDelays("control-ui")).toEqual(page96);
    expect(refusedDelays("cli")).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("every profile gives the page the same backoff (the same constants in every bundle read)", () => {
    for (const profile of ["2026.2.13", "2026.2.22", "2026.3", "2026.4", "2026.7", "2026.8"]) {
      const h = new ClientHarness({ kind: "control-ui", profile, identity: null, passiveToken: "T" });
      h.step({ kind: "start" });
      h.step({ kind: "ws-error", message: "refused" });
      expect(h.events("reconnect-scheduled").at(-1)!.delayMs, profile).toBe(800);
    }
  });

  it("controlUiBackoffInitialMs", () => {
    expect(refusedDelays("control-ui", { controlUiBackoffInitialMs: 1_000 }, 4)).toEqual([1000, 1700, 2890, 4913]);
  });

  it("controlUiBackoffFactorPercent", () => {
    expect(refusedDelays("control-ui", { controlUiBackoffFactorPercent: 200 }, 6)).toEqual([800, 1600, 3200, 6400, 12800, 15000]);
  });

  it("controlUiBackoffMaxMs", () => {
    expect(refusedDelays("control-ui", { controlUiBackoffMaxMs: 30_000 })).toEqual([800, 1360, 2312, 3930, 6682, 11359, 19310, 30000]);
  });

  it("controlUiBackoffJitter: drawn from the client's stream, within [d, d + d/4], only when on", () => {
    const jittered = refusedDelays("control-ui", { controlUiBackoffJitter: ratio(1, 4) });
    expect(refusedDelays("control-ui", { controlUiBackoffJitter: ratio(1, 4) })).toEqual(jittered);
    jittered.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(page96[i]!);
      expect(d).toBeLessThanOrEqual(Math.floor(page96[i]! * 1.25));
    });
    expect(jittered).not.toEqual(page96);
  });

  it("the CLI, TUI, node and backend clients ignore the page's switches", () => {
    const pageSwitches = { controlUiBackoffInitialMs: 300, controlUiBackoffFactorPercent: 300, controlUiBackoffMaxMs: 900, controlUiBackoffJitter: ratio(1, 2) };
    for (const kind of ["cli", "tui", "node", "backend"] as const) {
      expect(refusedDelays(kind, pageSwitches, 4), kind).toEqual([1000, 2000, 4000, 8000]);
    }
  });

  it("controlUiFastRetryMs: the device-token retry waits the next ordinary step (null), or the clamp", () => {
    const retryDelay = (controlUiFastRetryMs: number | null) => {
      const h = new ClientHarness({
        kind: "control-ui",
        identity: testIdentity(3),
        storedTokens: { operator: { token: "D", scopes: ["operator.admin"] } },
        explicitToken: "stale",
        switches: switchesOf("2026.9", { controlUiFastRetryMs }),
      });
      h.step({ kind: "start" });
      h.refuse(h.openAndChallenge(), { code: "INVALID_REQUEST", ...tokenMismatchNoHint });
      h.step({ kind: "ws-close", code: 4008, reason: "connect failed" });
      expect(h.state.pendingDeviceTokenRetry).toBe(true);
      return h.events("reconnect-scheduled").at(-1)!.delayMs;
    };
    expect([retryDelay(null), retryDelay(250)]).toEqual([800, 250]);
  });
});

describe("Control UI auth.password", () => {
  const sentAuth = (kind: ClientKind, overrides: Partial<ClientSwitches>, creds: { explicitToken?: string; password?: string }) => {
    const h = new ClientHarness({ kind, identity: null, ...creds, switches: switchesOf("2026.9", overrides) });
    h.step({ kind: "start" });
    const auth = h.openAndChallenge().params.auth;
    return { auth, reported: h.events("connect-attempt").at(-1)!.password };
  };

  it("controlUiPasswordCopiesToken: the page's shared token goes out as auth.password too (2026.9.6), or not", () => {
    expect(sentAuth("control-ui", { controlUiPasswordCopiesToken: true }, { explicitToken: "T1" })).toEqual({ auth: { token: "T1", password: "T1" }, reported: true });
    expect(sentAuth("control-ui", { controlUiPasswordCopiesToken: false }, { explicitToken: "T1" })).toEqual({ auth: { token: "T1" }, reported: false });
  });

  it("a password of its own is kept, and the other kinds never copy", () => {
    expect(sentAuth("control-ui", { controlUiPasswordCopiesToken: true }, { explicitToken: "T1", password: "P" }).auth).toEqual({ token: "T1", password: "P" });
    expect(sentAuth("cli", { controlUiPasswordCopiesToken: true }, { explicitToken: "T1" }).auth).toEqual({ token: "T1" });
  });

  it("a tab connecting on its stored device token alone sends no password", () => {
    const h = new ClientHarness({ kind: "control-ui", identity: testIdentity(5), storedTokens: { operator: { token: "D", scopes: ["operator.admin"] } }, switches: switchesOf("2026.9") });
    h.step({ kind: "start" });
    expect(h.openAndChallenge().params.auth?.password).toBeUndefined();
  });

  it("the profiles: only 2026.9's page copies (2026.8.2's bundle does not)", () => {
    const copies = (profile: string) => switchesOf(profile).controlUiPasswordCopiesToken;
    expect(["2026.3", "2026.7", "2026.8", "2026.9"].map(copies)).toEqual([false, false, false, true]);
  });
});

describe("Control UI default scopes", () => {
  const asked = (kind: ClientKind, profile: string, overrides: Partial<ClientSwitches> = {}) => {
    const h = new ClientHarness({ kind, identity: null, explicitToken: "T1", switches: switchesOf(profile, overrides) });
    h.step({ kind: "start" });
    return h.openAndChallenge().params.scopes;
  };

  it("per release: three up to 2026.3.13, five from 2026.3.31, six with operator.questions from 2026.8.2", () => {
    expect(asked("control-ui", "2026.3")).toEqual(["operator.admin", "operator.approvals", "operator.pairing"]);
    expect(asked("control-ui", "2026.4")).toEqual(["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing"]);
    expect(asked("control-ui", "2026.9")).toEqual(["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.questions", "operator.pairing"]);
  });

  it("controlUiScopes flips what the page asks, not what the CLI asks", () => {
    const only = { controlUiScopes: ["operator.read"] };
    expect(asked("control-ui", "2026.9", only)).toEqual(["operator.read"]);
    expect(asked("cli", "2026.9", only)).toEqual(asked("cli", "2026.9"));
  });
});
