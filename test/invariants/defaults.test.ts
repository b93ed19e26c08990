import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultInvariants, retriesBounded } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

describe("defaultInvariants", () => {
  it("returns the standard set, fresh on each call, without the members switched off", () => {
    const names = defaultInvariants().map((i) => i.name);
    expect(names).toEqual([
      "retries-bounded",
      "reconnect-loop-stops",
      "converges",
      "nonce-single-use",
      "signed-over-own-challenge",
      "scopes-within-approval",
      "revoked-token-refused",
      "no-silent-remote-pairing",
      "cve-2026-32034",
    ]);
    expect(defaultInvariants()[0]).not.toBe(defaultInvariants()[0]);
    expect(defaultInvariants({ converges: false, cve202632034: false }).map((i) => i.name)).not.toContain("converges");
  });

  it("passes options through to the members", () => {
    const t = new TraceBuilder();
    t.connectError("tui", "PAIRING_REQUIRED");
    t.at(1000).client("tui", "connect-attempt");
    t.at(2000).client("tui", "connect-attempt");
    const loose = defaultInvariants();
    const strict = defaultInvariants({ retriesBounded: { attemptsMax: 1 } });
    expect(loose.flatMap((i) => t.run(i))).toEqual([]);
    expect(strict.flatMap((i) => t.run(i)).map((f) => f.invariant)).toEqual(["retries-bounded"]);
  });
});

describe("retries-bounded, for any attempt times", () => {
  it("fires exactly when more than attemptsMax attempts fall within windowMs of the failure, at the (K+1)-th", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1000, max: 100_000 }),
        (offsets, attemptsMax, windowMs) => {
          const times = [...offsets].sort((a, b) => a - b);
          const t = new TraceBuilder();
          t.at(0).connectError("tui", "AUTH_TOKEN_MISMATCH");
          const indexes = times.map((ms) => t.at(ms).client("tui", "connect-attempt").i);
          const findings = t.run(retriesBounded({ attemptsMax, windowMs }));
          const inside = times.filter((ms) => ms <= windowMs).length;
          if (inside <= attemptsMax) return findings.length === 0;
          return (
            findings.length === 1 &&
            findings[0]!.firstEventIndex === indexes[attemptsMax] &&
            findings[0]!.message.startsWith(`client tui made ${inside} connect attempts`)
          );
        },
      ),
    );
  });
});
