import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IdTable } from "../../src/kernel/id-table.ts";

describe("IdTable", () => {
  it("answers get, has, size and delete as a Map does, under any sequence of operations", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), id: fc.integer({ min: 1, max: 400 }), value: fc.integer() }),
      // 0 is what connSerial gives for a string that is no connection id: never present, never removable.
      fc.record({ kind: fc.constant("delete" as const), id: fc.integer({ min: 0, max: 400 }) }),
      fc.record({ kind: fc.constant("get" as const), id: fc.integer({ min: 0, max: 400 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const table = new IdTable<{ v: number }>();
        const map = new Map<number, { v: number }>();
        for (const o of ops) {
          if (o.kind === "set") {
            const value = { v: o.value };
            table.set(o.id, value);
            map.set(o.id, value);
          } else if (o.kind === "delete") {
            expect(table.delete(o.id)).toBe(map.delete(o.id));
          } else {
            expect(table.get(o.id)).toBe(map.get(o.id));
            expect(table.has(o.id)).toBe(map.has(o.id));
          }
          expect(table.size).toBe(map.size);
        }
        for (let id = 1; id <= 400; id++) expect(table.get(id)).toBe(map.get(id));
        expect(new Set(table.values())).toEqual(new Set(map.values()));
        expect(table.values().length).toBe(map.size);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every entry through growth with consecutive ids, as the scheduler's timer ids are", () => {
    const table = new IdTable<number>();
    for (let id = 1; id <= 5000; id++) table.set(id, id * 2);
    for (let id = 1; id <= 5000; id += 2) expect(table.delete(id)).toBe(true);
    expect(table.size).toBe(2500);
    for (let id = 1; id <= 5000; id++) expect(table.get(id)).toBe(id % 2 === 0 ? id * 2 : undefined);
  });

  it("refuses an id that is not a positive integer", () => {
    const table = new IdTable<number>();
    expect(() => table.set(0, 1)).toThrow();
    expect(() => table.set(1.5, 1)).toThrow();
  });
});
