import { describe, expect, it } from "vitest";
import { connSerial } from "../../src/net/transport.ts";

describe("connSerial", () => {
  it("reads the number of a network connection id", () => {
    expect(connSerial("c1")).toBe(1);
    expect(connSerial("c42")).toBe(42);
    expect(connSerial("c1234567")).toBe(1234567);
  });
  it("answers 0 for anything that is not c<n> without leading zeros", () => {
    for (const id of ["", "c", "c0", "c01", "x1", "C1", "c1a", "c-1", "c 1", "1", "c12345678901234567"]) expect(connSerial(id)).toBe(0);
  });
});
