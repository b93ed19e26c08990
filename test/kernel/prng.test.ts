import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prng, PrngStreams, parseSeed, ratio, uuidV4 } from "../../src/kernel/index.ts";

describe("PRNG streams", () => {
  it("gives the same sequence for the same seed and stream name", () => {
    const a = new Prng(42n, "network");
    const b = new Prng(42n, "network");
    expect(Array.from({ length: 20 }, () => a.nextU32())).toEqual(Array.from({ length: 20 }, () => b.nextU32()));
  });

  it("keeps streams independent: draws on one do not move another", () => {
    const quiet = new PrngStreams(7n);
    const busy = new PrngStreams(7n);
    for (let i = 0; i < 1000; i++) busy.stream("chaos").nextU32();
    expect(busy.stream("gateway").nextU32()).toBe(quiet.stream("gateway").nextU32());
  });

  it("differs between seeds and between stream names", () => {
    expect(new Prng(1n, "x").nextU32()).not.toBe(new Prng(2n, "x").nextU32());
    expect(new Prng(1n, "x").nextU32()).not.toBe(new Prng(1n, "y").nextU32());
  });

  it("draws integers inside the range, covering both ends", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 20 }), (seed, min, span) => {
        const p = new Prng(seed, "t");
        for (let i = 0; i < 50; i++) {
          const x = p.int(min, min + span);
          if (x < min || x > min + span || !Number.isInteger(x)) return false;
        }
        return true;
      }),
    );
    const p = new Prng(3n, "ends");
    const seen = new Set(Array.from({ length: 200 }, () => p.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it("honours integer ratios at the extremes and roughly in between", () => {
    const p = new Prng(9n, "ratio");
    expect(Array.from({ length: 100 }, () => p.chance(ratio(0, 10))).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => p.chance(ratio(10, 10))).every(Boolean)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => p.chance(ratio(1, 4))).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_200);
    expect(hits).toBeLessThan(2_800);
  });

  it("makes RFC 4122 v4 uuids", () => {
    const p = new Prng(5n, "ids");
    for (let i = 0; i < 20; i++) expect(uuidV4(p)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("makes each uuid from the stream's next 16 bytes, as prng.bytes(16) gives them (a speed change kept them)", () => {
    const hex = (b: number) => b.toString(16).padStart(2, "0");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.nat(50), (seed, skip) => {
        const a = new Prng(seed, "ids");
        const b = new Prng(seed, "ids");
        for (let i = 0; i < skip; i++) (a.nextU32(), b.nextU32());
        const bytes = a.bytes(16);
        bytes[6] = (bytes[6]! & 0x0f) | 0x40;
        bytes[8] = (bytes[8]! & 0x3f) | 0x80;
        const h = Array.from(bytes, hex).join("");
        const expected = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
        expect(uuidV4(b)).toBe(expected);
        expect(b.draws).toBe(a.draws);
      }),
    );
  });

  it("parses seeds strictly", () => {
    expect(parseSeed("424242")).toBe(424242n);
    expect(parseSeed("0x10")).toBe(16n);
    expect(parseSeed("-1")).toBeUndefined();
    expect(parseSeed("abc")).toBeUndefined();
    expect(parseSeed("1.5")).toBeUndefined();
    expect(parseSeed((2n ** 64n).toString())).toBeUndefined();
  });
});
