import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64UrlDecodeLenient, base64UrlDecodeNormalized, base64UrlEncode } from "../../src/crypto/index.ts";

describe("lenient base64url decoding", () => {
  const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

  it("the base64url-only fast path gives the spelled-out decoding's bytes for any string of that alphabet", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (chars) => {
        const text = chars.join("");
        return bytesEqual(base64UrlDecodeLenient(text), base64UrlDecodeNormalized(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it("any other string takes the spelled-out decoding (padding, standard alphabet, junk)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => bytesEqual(base64UrlDecodeLenient(text), base64UrlDecodeNormalized(text))),
      { numRuns: 2_000 },
    );
    for (const text of ["QUJD=", "QU+/", "Q U J D", "QUJD===", "=QUJD", "A", "", "QUJD\n"]) {
      expect(Buffer.from(base64UrlDecodeLenient(text)).toString("hex")).toBe(Buffer.from(base64UrlDecodeNormalized(text)).toString("hex"));
    }
  });

  it("decodes what base64UrlEncode wrote", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => bytesEqual(base64UrlDecodeLenient(base64UrlEncode(bytes)), bytes)));
  });
});
