// canonicalJson writes the canonical text directly; it must equal the sorted-copy reference byte for byte.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, canonicalJsonByCopy } from "../../src/kernel/index.ts";

const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("0", "1", "10", "2", "01", "4294967294", "4294967295", "-1", "1.5", "__proto__", "a", "B"));
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 8 }),
  fc.constant(() => 1),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("node"), { maxKeys: 5 }),
})).node;

describe("canonicalJson", () => {
  it("property: equals JSON.stringify of the sorted copy for any JSON-like value", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson({ data: v })).toBe(canonicalJsonByCopy({ data: v }));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: key orders it remembers never mix up objects whose keys share the first one or its set", () => {
    // A tiny key pool: the same key sets come back in other enumeration orders, many with the same first key.
    const shaped = fc.dictionary(fc.constantFrom("b", "a", "c", "0", "10", "__proto__"), fc.integer(), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(shaped, { maxLength: 30 }), (objects) => {
        for (const o of objects) expect(canonicalJson(o)).toBe(canonicalJsonByCopy(o));
      }),
      { numRuns: 500 },
    );
  });

  it("orders array-index keys numerically before other keys, as a plain object enumerates them", () => {
    expect(canonicalJson({ b: 1, 10: 2, 2: 3, a: 4, "01": 5 })).toBe('{"2":3,"10":2,"01":5,"a":4,"b":1}');
  });
});
