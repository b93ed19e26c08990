import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Dict } from "../../src/kernel/dict.ts";

describe("Dict", () => {
  it("answers get, has, size, delete and iterates in the order a Map does, under any sequence of operations", () => {
    const key = fc.oneof(fc.integer({ min: 1, max: 40 }).map((n) => `c${n}`), fc.constantFrom("handshake:c1", "__proto__", "constructor", "toString", "x y"));
    const op = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), key, value: fc.integer() }),
      fc.record({ kind: fc.constant("delete" as const), key }),
      fc.record({ kind: fc.constant("clear" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const dict = new Dict<{ v: number }>();
        const map = new Map<string, { v: number }>();
        for (const o of ops) {
          if (o.kind === "set") {
            const value = { v: o.value };
            dict.set(o.key, value);
            map.set(o.key, value);
          } else if (o.kind === "delete") {
            expect(dict.delete(o.key)).toBe(map.delete(o.key));
          } else {
            dict.clear();
            map.clear();
          }
          expect(dict.size).toBe(map.size);
        }
        expect(dict.values()).toEqual([...map.values()]);
        const seen: string[] = [];
        dict.forEach((value, k) => {
          expect(value).toBe(map.get(k));
          seen.push(k);
        });
        expect(seen).toEqual([...map.keys()]);
        for (const k of ["c1", "c2", "__proto__", "constructor", "toString"]) {
          expect(dict.get(k)).toBe(map.get(k));
          expect(dict.has(k)).toBe(map.has(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lets forEach delete the entry it visits (a sweep)", () => {
    const dict = new Dict<number>();
    for (let i = 1; i <= 100; i++) dict.set(`c${i}`, i);
    dict.forEach((v, k) => {
      if (v % 3 !== 0) dict.delete(k);
    });
    expect(dict.values()).toEqual(Array.from({ length: 33 }, (_, i) => 3 * (i + 1)));
  });

  it("refuses a key that starts with a digit (an object would list array indices first)", () => {
    expect(() => new Dict<number>().set("12", 1)).toThrow();
  });
});
