import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLOSE_REASON_BYTES_MAX, CloseCodes, truncateCloseReason } from "../../src/protocol/index.ts";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("truncateCloseReason", () => {
  it("keeps short reasons and replaces an empty one", () => {
    expect(truncateCloseReason("pairing required")).toBe("pairing required");
    expect(truncateCloseReason("")).toBe("invalid handshake");
    expect(truncateCloseReason("x".repeat(120))).toBe("x".repeat(120));
  });

  it("cuts ASCII at exactly 120 bytes", () => {
    const reason = `invalid connect params: ${"at /client/id: must be equal to constant; ".repeat(5)}`;
    const cut = truncateCloseReason(reason);
    expect(cut).toBe(reason.slice(0, 120));
    expect(bytes(cut)).toBe(CLOSE_REASON_BYTES_MAX);
  });

  it("never splits a multi-byte character", () => {
    expect(truncateCloseReason("é".repeat(100))).toBe("é".repeat(60));
    expect(truncateCloseReason(`a${"€".repeat(50)}`)).toBe(`a${"€".repeat(39)}`);
    expect(truncateCloseReason("😀".repeat(40))).toBe("😀".repeat(30));
    expect(truncateCloseReason(`ab${"😀".repeat(40)}`)).toBe(`ab${"😀".repeat(29)}`);
  });

  it("honours a custom byte budget", () => {
    expect(truncateCloseReason("€€€", 5)).toBe("€");
    expect(truncateCloseReason("abc", 0)).toBe("");
  });

  const reasonArb = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 120 }),
  );

  it("property: the result is the longest whole-character prefix within the budget", () => {
    fc.assert(
      fc.property(reasonArb, fc.integer({ min: 1, max: 160 }), (reason, maxBytes) => {
        const cut = truncateCloseReason(reason, maxBytes);
        expect(bytes(cut)).toBeLessThanOrEqual(maxBytes);
        expect(cut === reason).toBe(bytes(reason) <= maxBytes);
        expect(reason.startsWith(cut)).toBe(true);
        expect(cut.includes("\uFFFD") && !reason.includes("\uFFFD")).toBe(false);
        if (cut !== reason) {
          const next = String.fromCodePoint(reason.codePointAt(cut.length) ?? 0);
          expect(bytes(cut) + bytes(next)).toBeGreaterThan(maxBytes);
        }
      }),
    );
  });
});

describe("CloseCodes", () => {
  it("uses the RFC and OpenClaw numbers", () => {
    expect(CloseCodes).toMatchObject({
      NORMAL: 1000,
      PROTOCOL_ERROR: 1002,
      POLICY_VIOLATION: 1008,
      MESSAGE_TOO_BIG: 1009,
      TRY_AGAIN_LATER: 1013,
      TICK_TIMEOUT: 4000,
      DEVICE_REMOVED: 4001,
    });
  });
});
