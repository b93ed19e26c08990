import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSignaturePayload,
  normalizeDeviceMetadataForAuth,
  type SignaturePayloadFields,
} from "../../src/crypto/index.ts";

const fieldText = fc.string({ maxLength: 16 }).filter((s) => !s.includes("|"));
const fieldsArb: fc.Arbitrary<SignaturePayloadFields> = fc.record({
  deviceId: fieldText,
  clientId: fieldText,
  clientMode: fieldText,
  role: fieldText,
  scopes: fc.array(fieldText.filter((s) => !s.includes(",")), { maxLength: 5 }),
  signedAtMs: fc.integer({ min: 0, max: 2 ** 45 }),
  token: fc.option(fieldText, { nil: null }),
  nonce: fieldText,
  platform: fc.oneof(fieldText, fc.constant(undefined), fc.integer()),
  deviceFamily: fc.oneof(fieldText, fc.constant(undefined), fc.constant(null)),
});

describe("buildSignaturePayload (§3.2)", () => {
  it("lays out the S-Mar test helper's v2 and the client's v3 exactly", () => {
    const fields: SignaturePayloadFields = {
      deviceId: "d".repeat(64),
      clientId: "cli",
      clientMode: "cli",
      role: "operator",
      scopes: ["operator.admin", "operator.read"],
      signedAtMs: 1_767_225_600_000,
      token: "secret",
      nonce: "8c1f6f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f",
      platform: "  Linux ",
      deviceFamily: "Desktop",
    };
    const head = `${"d".repeat(64)}|cli|cli|operator|operator.admin,operator.read|1767225600000|secret`;
    expect(buildSignaturePayload("v1", fields)).toBe(`v1|${head}`);
    expect(buildSignaturePayload("v2", fields)).toBe(`v2|${head}|8c1f6f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f`);
    expect(buildSignaturePayload("v3", fields)).toBe(`v3|${head}|8c1f6f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f|linux|desktop`);
  });

  it("a missing token or nonce is an empty field, never 'null'", () => {
    const fields = { deviceId: "d", clientId: "c", clientMode: "m", role: "r", scopes: [], signedAtMs: 0, token: null };
    expect(buildSignaturePayload("v2", fields)).toBe("v2|d|c|m|r||0||");
    expect(buildSignaturePayload("v3", { ...fields, token: undefined })).toBe("v3|d|c|m|r||0||||");
  });

  it("property: the fields appear in order, v2 = v1-layout + nonce, v3 = v2-layout + normalised metadata", () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const v1 = buildSignaturePayload("v1", fields);
        const v2 = buildSignaturePayload("v2", fields);
        const v3 = buildSignaturePayload("v3", fields);
        const common = [
          fields.deviceId,
          fields.clientId,
          fields.clientMode,
          fields.role,
          fields.scopes.join(","),
          String(fields.signedAtMs),
          fields.token ?? "",
        ];
        expect(v1.split("|")).toEqual(["v1", ...common]);
        expect(v2.split("|")).toEqual(["v2", ...common, fields.nonce]);
        expect(v3.split("|")).toEqual([
          "v3",
          ...common,
          fields.nonce,
          normalizeDeviceMetadataForAuth(fields.platform),
          normalizeDeviceMetadataForAuth(fields.deviceFamily),
        ]);
        expect(v2.slice(3)).toBe(`${v1.slice(3)}|${fields.nonce}`);
        expect(v3.startsWith(`v3${v2.slice(2)}|`)).toBe(true);
      }),
    );
  });
});

describe("normalizeDeviceMetadataForAuth", () => {
  it("examples", () => {
    expect(normalizeDeviceMetadataForAuth("  MacOS 14 ")).toBe("macos 14");
    expect(normalizeDeviceMetadataForAuth("İSTANBUL")).toBe("İstanbul");
    expect(normalizeDeviceMetadataForAuth("ÄBC")).toBe("Äbc");
    expect(normalizeDeviceMetadataForAuth("")).toBe("");
    expect(normalizeDeviceMetadataForAuth(null)).toBe("");
    expect(normalizeDeviceMetadataForAuth(42)).toBe("");
    expect(normalizeDeviceMetadataForAuth({ platform: "x" })).toBe("");
  });

  it("property: no ASCII capitals survive, only ASCII A–Z change, and it is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (value) => {
        const out = normalizeDeviceMetadataForAuth(value);
        expect(/[A-Z]/.test(out)).toBe(false);
        expect(out).toBe(value.trim().replace(/[A-Z]/g, (c) => c.toLowerCase()));
        expect(normalizeDeviceMetadataForAuth(out)).toBe(out);
      }),
    );
  });
});
