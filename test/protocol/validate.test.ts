import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLIENT_IDS_BY_ERA,
  CLIENT_MODES_BY_ERA,
  formatValidationErrors,
  requestFrameErrorText,
  SCHEMA_ERAS,
  validateConnectParams,
  validateEventFrame,
  validateRequestFrame,
  validateResponseFrame,
  type SchemaEra,
} from "../../src/protocol/index.ts";

function baseParams(): Record<string, unknown> {
  return {
    minProtocol: 3,
    maxProtocol: 3,
    client: { id: "test", version: "1.0.0", platform: "test", mode: "test" },
  };
}

function device(): Record<string, unknown> {
  return { id: "a".repeat(64), publicKey: "pk", signature: "sig", signedAt: 1, nonce: "n-1" };
}

function messageOf(value: unknown, era: SchemaEra): string {
  const result = validateConnectParams(value, { schemaEra: era });
  if (result.ok) throw new Error("expected a schema failure");
  return result.message;
}

describe("validateConnectParams: the real suite's invalid-params case (§10 #14)", () => {
  const params = {
    minProtocol: 3,
    maxProtocol: 3,
    client: { id: "bad-client", version: "dev", platform: "web", mode: "webchat" },
    device: { id: 123, publicKey: "bad", signature: "bad", signedAt: "bad" },
  };

  it("S-Feb/S-Mar: literal-union client ids give the const/anyOf pair, then the device errors in schema order", () => {
    const expected =
      "at /client/id: must be equal to constant; at /client/id: must match a schema in anyOf; " +
      "at /device: must have required property 'nonce'; at /device/id: must be string; " +
      "at /device/signedAt: must be integer";
    expect(messageOf(params, "mar")).toBe(expected);
    expect(messageOf(params, "feb")).toBe(expected);
  });

  it("S-Late: enum client ids give 'must be equal to one of the allowed values'", () => {
    expect(messageOf(params, "late")).toBe(
      "at /client/id: must be equal to one of the allowed values; " +
        "at /device: must have required property 'nonce'; at /device/id: must be string; " +
        "at /device/signedAt: must be integer",
    );
  });

  it("the close reason built from it still starts with the prefix after truncation", () => {
    expect(`invalid connect params: ${messageOf(params, "mar")}`.startsWith("invalid connect params: at /client/id")).toBe(true);
  });
});

describe("validateConnectParams: single failures", () => {
  it.each(SCHEMA_ERAS)("%s: a device without nonce fails with the ajv required text", (era) => {
    const { nonce: _nonce, ...withoutNonce } = device();
    expect(messageOf({ ...baseParams(), device: withoutNonce }, era)).toBe(
      "at /device: must have required property 'nonce'",
    );
  });

  it("an unknown client id in the late schema is exactly the observed 2026.9.6 text", () => {
    const params = { ...baseParams(), client: { id: "koko-cli", version: "1", platform: "linux", mode: "cli" } };
    expect(messageOf(params, "late")).toBe("at /client/id: must be equal to one of the allowed values");
    expect(messageOf(params, "mar")).toBe(
      "at /client/id: must be equal to constant; at /client/id: must match a schema in anyOf",
    );
  });

  it.each(SCHEMA_ERAS)("%s: an additional root property reads 'at root: unexpected property'", (era) => {
    expect(messageOf({ ...baseParams(), nonce: "x" }, era)).toBe("at root: unexpected property 'nonce'");
  });

  it("a blank additional property name falls back to ajv's own message, as the real formatter does", () => {
    expect(messageOf({ ...baseParams(), " ": 1 }, "mar")).toBe("must NOT have additional properties");
  });

  it("a nested additional property names its object", () => {
    const params = { ...baseParams(), client: { ...(baseParams()["client"] as object), extra: 1 } };
    expect(messageOf(params, "mar")).toBe("at /client: unexpected property 'extra'");
  });

  it("missing root properties carry no location prefix", () => {
    expect(messageOf({}, "late")).toBe(
      "must have required property 'minProtocol'; must have required property 'maxProtocol'; " +
        "must have required property 'client'",
    );
  });

  it("type and range failures keep ajv's wording, in schema declaration order", () => {
    const params = { ...baseParams(), minProtocol: 0, role: "", scopes: ["ok", ""], permissions: { a: "yes" } };
    expect(messageOf(params, "mar")).toBe(
      "at /minProtocol: must be >= 1; at /permissions/a: must be boolean; " +
        "at /role: must NOT have fewer than 1 characters; at /scopes/1: must NOT have fewer than 1 characters",
    );
  });

  it("a non-object is refused with the root type message", () => {
    expect(messageOf("connect", "mar")).toBe("must be object");
    expect(messageOf(null, "late")).toBe("must be object");
  });
});

describe("validateConnectParams: what each era accepts", () => {
  const withAuth = (auth: Record<string, string>) => ({ ...baseParams(), auth });

  it("auth fields: feb token/password, mar + deviceToken, late + bootstrapToken", () => {
    expect(validateConnectParams(withAuth({ token: "t", password: "p" }), { schemaEra: "feb" }).ok).toBe(true);
    expect(messageOf(withAuth({ deviceToken: "d" }), "feb")).toBe("at /auth: unexpected property 'deviceToken'");
    expect(validateConnectParams(withAuth({ deviceToken: "d" }), { schemaEra: "mar" }).ok).toBe(true);
    expect(messageOf(withAuth({ bootstrapToken: "b" }), "mar")).toBe("at /auth: unexpected property 'bootstrapToken'");
    expect(validateConnectParams(withAuth({ bootstrapToken: "b", deviceToken: "d" }), { schemaEra: "late" }).ok).toBe(true);
  });

  it("client ids: the TUI appears in mar, the worker apps in late", () => {
    const client = (id: string, mode = "ui") => ({ ...baseParams(), client: { id, version: "1", platform: "p", mode } });
    expect(validateConnectParams(client("openclaw-tui"), { schemaEra: "feb" }).ok).toBe(false);
    expect(validateConnectParams(client("openclaw-tui"), { schemaEra: "mar" }).ok).toBe(true);
    expect(validateConnectParams(client("openclaw-worker", "worker"), { schemaEra: "mar" }).ok).toBe(false);
    expect(validateConnectParams(client("openclaw-worker", "worker"), { schemaEra: "late" }).ok).toBe(true);
  });

  it("transports exist only in the late schema and need at least one entry", () => {
    expect(messageOf({ ...baseParams(), transports: ["json-ws"] }, "mar")).toBe("at root: unexpected property 'transports'");
    expect(validateConnectParams({ ...baseParams(), transports: ["json-ws"] }, { schemaEra: "late" }).ok).toBe(true);
    expect(messageOf({ ...baseParams(), transports: [] }, "late")).toBe("at /transports: must NOT have fewer than 1 items");
  });

  it("late bounds on the device key and signature lengths", () => {
    const long = { ...baseParams(), device: { ...device(), publicKey: "k".repeat(1025) } };
    expect(validateConnectParams(long, { schemaEra: "mar" }).ok).toBe(true);
    expect(messageOf(long, "late")).toBe("at /device/publicKey: must NOT have more than 1024 characters");
    const okLength = { ...baseParams(), device: { ...device(), publicKey: "k".repeat(1024), signature: "s".repeat(256) } };
    expect(validateConnectParams(okLength, { schemaEra: "late" }).ok).toBe(true);
  });

  it("the default era is S-Mar", () => {
    expect(validateConnectParams({ ...baseParams(), auth: { deviceToken: "d" } }).ok).toBe(true);
    expect(validateConnectParams({ ...baseParams(), auth: { bootstrapToken: "b" } }).ok).toBe(false);
  });
});

describe("validateConnectParams: properties", () => {
  const nonEmpty = fc.string({ minLength: 1, maxLength: 12 });

  function validParams(era: SchemaEra) {
    return fc.record(
      {
        minProtocol: fc.integer({ min: 1, max: 9 }),
        maxProtocol: fc.integer({ min: 1, max: 9 }),
        client: fc.record(
          {
            id: fc.constantFrom(...CLIENT_IDS_BY_ERA[era]),
            version: nonEmpty,
            platform: nonEmpty,
            mode: fc.constantFrom(...CLIENT_MODES_BY_ERA[era]),
            displayName: nonEmpty,
            instanceId: nonEmpty,
          },
          { requiredKeys: ["id", "version", "platform", "mode"] },
        ),
        role: nonEmpty,
        scopes: fc.array(nonEmpty, { maxLength: 4 }),
        device: fc.record({
          id: nonEmpty,
          publicKey: nonEmpty,
          signature: nonEmpty,
          signedAt: fc.integer({ min: 0, max: 2 ** 40 }),
          nonce: nonEmpty,
        }),
        auth: fc.record({ token: fc.string(), password: fc.string() }, { requiredKeys: [] }),
        locale: fc.string(),
      },
      { requiredKeys: ["minProtocol", "maxProtocol", "client"] },
    );
  }

  it.each(SCHEMA_ERAS)("%s: every well-formed params object is accepted and returned as is", (era) => {
    fc.assert(
      fc.property(validParams(era), (params) => {
        const result = validateConnectParams(params, { schemaEra: era });
        expect(result).toEqual({ ok: true, params });
      }),
    );
  });

  it.each(SCHEMA_ERAS)("%s: any unknown root key is named in the message", (era) => {
    const known = ["minProtocol", "maxProtocol", "client", "caps", "commands", "permissions", "pathEnv", "role", "scopes", "device", "auth", "locale", "userAgent", "transports"];
    const key = fc.string({ minLength: 1, maxLength: 10 }).filter((k) => k.trim() !== "" && !known.includes(k) && k !== "__proto__");
    fc.assert(
      fc.property(validParams(era), key, (params, extra) => {
        const message = messageOf({ ...params, [extra]: true }, era);
        expect(message).toContain(`at root: unexpected property '${extra}'`);
      }),
    );
  });
});

describe("formatValidationErrors", () => {
  it("reports an empty error list as unknown", () => {
    expect(formatValidationErrors([])).toBe("unknown validation error");
    expect(formatValidationErrors(null)).toBe("unknown validation error");
  });

  it("drops duplicates, keeps order, accepts the late validator's array params", () => {
    const err = (instancePath: string, keyword: string, params: Record<string, unknown>, message?: string) => ({
      instancePath,
      schemaPath: "#",
      keyword,
      params,
      ...(message === undefined ? {} : { message }),
    });
    const text = formatValidationErrors([
      err("/a", "type", {}, "must be string"),
      err("/a", "type", {}, "must be string"),
      err("", "required", { requiredProperties: ["x", "y"] }),
      err("/b", "additionalProperties", { additionalProperties: ["z"] }),
      err("/c", "minimum", {}, "  "),
    ]);
    expect(text).toBe(
      "at /a: must be string; must have required property 'x'; at /b: unexpected property 'z'; at /c: validation error",
    );
  });
});

describe("frame validators", () => {
  it("accepts the three frame kinds", () => {
    expect(validateRequestFrame({ type: "req", id: "h1", method: "health" })).toBe(true);
    expect(validateRequestFrame({ type: "req", id: "c1", method: "connect", params: { any: 1 } })).toBe(true);
    expect(
      validateResponseFrame({ type: "res", id: "c1", ok: false, error: { code: "INVALID_REQUEST", message: "x", details: {} } }),
    ).toBe(true);
    expect(validateEventFrame({ type: "event", event: "tick", payload: { ts: 1 }, seq: 0, stateVersion: { presence: 1, health: 2 } })).toBe(true);
  });

  it("refuses malformed frames", () => {
    expect(validateRequestFrame({ type: "req", id: "", method: "connect" })).toBe(false);
    expect(validateRequestFrame({ type: "req", id: "1", method: "connect", extra: 1 })).toBe(false);
    expect(validateRequestFrame({ jsonrpc: "2.0", method: "connect", id: 1 })).toBe(false);
    expect(validateRequestFrame("connect")).toBe(false);
    expect(validateResponseFrame({ type: "res", id: "1", ok: false, error: { code: "X" } })).toBe(false);
    expect(validateEventFrame({ type: "event", event: "tick", seq: -1 })).toBe(false);
  });

  it("describes why a frame is not a request", () => {
    expect(requestFrameErrorText({ type: "req", id: "1", method: "m" })).toBeNull();
    expect(requestFrameErrorText({ type: "request", id: "1", method: "m", x: 1 })).toBe(
      "at root: unexpected property 'x'; at /type: must be equal to constant",
    );
  });
});
