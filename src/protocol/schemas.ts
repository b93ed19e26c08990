// JSON Schemas equivalent to what the real gateway's TypeBox definitions compile to (spec §1.2–§1.3),
// written by hand per schema era. Property order follows the upstream declaration order, because ajv
// reports errors in that order and the error text reaches the client verbatim.
// Era differences: how client ids/modes are encoded (S-Feb/S-Mar `@sinclair/typebox` unions of literals
// compile to `anyOf` of `const`; S-Late `typebox` 1.x `Type.Enum` compiles to `enum`), the `auth` fields,
// `transports`, and the late length bounds. Not a validator: see validate.ts.
import type { SchemaEra } from "./codes.ts";
import { CLIENT_IDS_BY_ERA, CLIENT_MODES_BY_ERA } from "./codes.ts";

export type JsonSchema = Readonly<Record<string, unknown>>;

/** Late bounds on device handshake strings (`DEVICE_PUBLIC_KEY_MAX_LENGTH`, `DEVICE_SIGNATURE_MAX_LENGTH`). */
export const DEVICE_PUBLIC_KEY_LENGTH_MAX = 1024;
export const DEVICE_SIGNATURE_LENGTH_MAX = 256;
/** Late bound on `client.displayName` (the real schema test rejects 257 characters). */
export const CLIENT_DISPLAY_NAME_LENGTH_MAX = 256;

const nonEmptyString: JsonSchema = { type: "string", minLength: 1 };
const plainString: JsonSchema = { type: "string" };
const nonNegativeInteger: JsonSchema = { type: "integer", minimum: 0 };
const positiveInteger: JsonSchema = { type: "integer", minimum: 1 };
const anyValue: JsonSchema = {};

/** `Type.Literal(v)` in `@sinclair/typebox`. */
function literal(value: string): JsonSchema {
  return { const: value, type: "string" };
}

/** A closed set of strings as each era's TypeBox emits it (`Type.Enum` from 2026.7 on, a union of literals before). */
function stringChoice(values: readonly string[], era: SchemaEra): JsonSchema {
  return era === "late" || era === "jul" ? { enum: [...values] } : { anyOf: values.map(literal) };
}

/** `Type.Object(props, { additionalProperties: false })`: required = non-optional keys in declared order. */
function closedObject(properties: Record<string, JsonSchema>, optional: readonly string[]): JsonSchema {
  const required = Object.keys(properties).filter((key) => !optional.includes(key));
  return {
    type: "object",
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function boundedString(lengthMax: number | null): JsonSchema {
  return lengthMax === null ? nonEmptyString : { type: "string", minLength: 1, maxLength: lengthMax };
}

/** Whether the era's ConnectParams has `client.buildId` (the closed `client` object rejects it before S-Late). */
export function clientBuildIdAccepted(era: SchemaEra): boolean {
  return era === "late";
}

function clientSchema(era: SchemaEra): JsonSchema {
  const late = era === "late";
  return closedObject(
    {
      id: stringChoice(CLIENT_IDS_BY_ERA[era], era),
      displayName: boundedString(late ? CLIENT_DISPLAY_NAME_LENGTH_MAX : null),
      version: nonEmptyString,
      platform: nonEmptyString,
      deviceFamily: nonEmptyString,
      modelIdentifier: nonEmptyString,
      mode: stringChoice(CLIENT_MODES_BY_ERA[era], era),
      instanceId: nonEmptyString,
      // Recorded from openclaw@2026.9.6: the Control UI sends its build id (checked against the gateway's).
      ...(clientBuildIdAccepted(era) ? { buildId: nonEmptyString } : {}),
    },
    ["displayName", "deviceFamily", "modelIdentifier", "instanceId", ...(clientBuildIdAccepted(era) ? ["buildId"] : [])],
  );
}

function deviceSchema(era: SchemaEra, nonceOptional: boolean): JsonSchema {
  const late = era === "late";
  return closedObject(
    {
      id: nonEmptyString,
      publicKey: boundedString(late ? DEVICE_PUBLIC_KEY_LENGTH_MAX : null),
      signature: boundedString(late ? DEVICE_SIGNATURE_LENGTH_MAX : null),
      signedAt: nonNegativeInteger,
      nonce: nonEmptyString,
    },
    nonceOptional ? ["nonce"] : [],
  );
}

/** The `auth` fields each era knows. */
export const AUTH_FIELDS_BY_ERA: Readonly<Record<SchemaEra, readonly string[]>> = {
  feb: ["token", "password"],
  "feb-device-token": ["token", "deviceToken", "password"],
  "feb-bootstrap-token": ["token", "bootstrapToken", "deviceToken", "password"],
  mar: ["token", "deviceToken", "password"],
  apr: ["token", "bootstrapToken", "deviceToken", "password"],
  jul: ["token", "bootstrapToken", "deviceToken", "password"],
  late: ["token", "bootstrapToken", "deviceToken", "password"],
};

function authSchema(era: SchemaEra): JsonSchema {
  const fields = AUTH_FIELDS_BY_ERA[era];
  return closedObject(Object.fromEntries(fields.map((field) => [field, plainString])), fields);
}

const CONNECT_OPTIONAL_KEYS = [
  "caps",
  "commands",
  "permissions",
  "pathEnv",
  "role",
  "scopes",
  "device",
  "auth",
  "locale",
  "userAgent",
  "transports",
];

/** `deviceNonceOptional`: device.nonce may be left out (up to 2026.2.17; required from 2026.2.22). */
export function connectParamsSchema(era: SchemaEra, deviceNonceOptional = false): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    minProtocol: positiveInteger,
    maxProtocol: positiveInteger,
    client: clientSchema(era),
    caps: { type: "array", items: nonEmptyString, default: [] },
    commands: { type: "array", items: nonEmptyString },
    permissions: { type: "object", patternProperties: { "^(.*)$": { type: "boolean" } } },
    pathEnv: plainString,
    role: nonEmptyString,
    scopes: { type: "array", items: nonEmptyString },
    device: deviceSchema(era, deviceNonceOptional),
    auth: authSchema(era),
    locale: plainString,
    userAgent: plainString,
  };
  if (era === "late") {
    properties["transports"] = { type: "array", items: { anyOf: [literal("json-ws"), literal("protobuf-ws")] }, minItems: 1 };
  }
  return closedObject(properties, CONNECT_OPTIONAL_KEYS);
}

export const stateVersionSchema: JsonSchema = closedObject(
  { presence: nonNegativeInteger, health: nonNegativeInteger },
  [],
);

export const errorShapeSchema: JsonSchema = closedObject(
  {
    code: nonEmptyString,
    message: nonEmptyString,
    details: anyValue,
    retryable: { type: "boolean" },
    retryAfterMs: nonNegativeInteger,
  },
  ["details", "retryable", "retryAfterMs"],
);

export const requestFrameSchema: JsonSchema = closedObject(
  { type: literal("req"), id: nonEmptyString, method: nonEmptyString, params: anyValue },
  ["params"],
);

export const responseFrameSchema: JsonSchema = closedObject(
  { type: literal("res"), id: nonEmptyString, ok: { type: "boolean" }, payload: anyValue, error: errorShapeSchema },
  ["payload", "error"],
);

export const eventFrameSchema: JsonSchema = closedObject(
  {
    type: literal("event"),
    event: nonEmptyString,
    payload: anyValue,
    seq: nonNegativeInteger,
    stateVersion: stateVersionSchema,
  },
  ["payload", "seq", "stateVersion"],
);
