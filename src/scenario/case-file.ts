// The declarative scenario file (JSON or YAML): gateway config and profile, connections with their locality and
// headers, raw connect params and signing options (the Attempt format shared with the real-gateway oracle),
// pre-seeded pairing state, operator actions between steps, and the expected outcomes.
// Parsing returns a value; a malformed file gives one message naming the field.
import { Ajv } from "ajv";
import { parse as parseYaml } from "yaml";
import type { Attempt } from "../world/index.ts";

export type CaseFrom = "local" | "lan" | "remote";

export interface CaseExpect {
  ok?: boolean;
  code?: string;
  message?: string;
  messageContains?: string;
  messageNotContains?: string;
  detailCode?: string;
  reason?: string;
  authReason?: string;
  canRetryWithDeviceToken?: boolean;
  recommendedNextStep?: string;
  close?: { code?: number; reason?: string; reasonContains?: string };
  upgradeStatus?: number;
  challenge?: boolean;
  rpc?: { method: string; ok: boolean; messageContains?: string }[];
  helloAuthScopesInclude?: string[];
  deviceTokenIssued?: boolean;
}

export type OperatorAction =
  | { action: "approve-pending"; identity: string }
  | { action: "reject-pending"; identity: string }
  | { action: "remove-device"; identity: string }
  | { action: "revoke-device-token"; identity: string; role?: string }
  | { action: "rotate-device-token"; identity: string; role?: string; scopes?: string[] }
  | { action: "rotate-shared-token"; token: string }
  | { action: "restart-gateway" };

export interface PairingExpect {
  identity: string;
  pending?: number;
  paired?: boolean;
  pendingRole?: string;
  pendingScopesInclude?: string[];
}

export type CaseStep =
  | { connect: Attempt & { from?: CaseFrom }; expect?: CaseExpect }
  | { operator: OperatorAction }
  | { wait: number }
  | { expectPairing: PairingExpect };

export interface CaseFile {
  name: string;
  description?: string;
  profile?: string;
  /** Profiles (besides `profile`) this file's expectations hold under; the gate uses them. */
  seed?: number;
  gateway?: {
    auth?: { mode?: "none" | "token" | "password" | "trusted-proxy"; token?: string; password?: string; rateLimit?: Record<string, number | boolean> };
    controlUi?: { allowInsecureAuth?: boolean; dangerouslyDisableDeviceAuth?: boolean; allowedOrigins?: string[] };
    trustedProxies?: string[];
  };
  identities?: Record<string, string> | string[];
  pairing?: { paired?: { identity: string; role?: string; scopes?: string[] }[] };
  steps: CaseStep[];
}

const attemptSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    probe: { type: "string" },
    from: { enum: ["local", "lan", "remote"] },
    headers: { type: "object", additionalProperties: { type: "string" } },
    preFrames: { type: "array", items: { type: "string" } },
    connect: { type: "object" },
    device: {
      type: "object",
      required: ["identity"],
      properties: {
        identity: { type: "string" },
        payloadVersion: { enum: ["v1", "v2", "v3"] },
        signedAtOffsetMs: { type: "integer" },
        nonce: { type: "string" },
        signNonce: { type: "string" },
        signToken: { type: "string" },
        signScopes: { type: "array", items: { type: "string" } },
        otherKey: { type: "string" },
        idOverride: { type: "string" },
        publicKeyFormat: { enum: ["base64url", "pem", "garbage"] },
        signatureFormat: { enum: ["base64url", "base64"] },
        omitFields: { type: "array", items: { type: "string" } },
        extraFields: { type: "object" },
      },
      additionalProperties: false,
    },
    afterHello: { type: "array", items: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: {} }, additionalProperties: false } },
    waitMsMax: { type: "integer", minimum: 1 },
  },
  additionalProperties: false,
};

const expectSchema = {
  type: "object",
  properties: {
    ok: { type: "boolean" },
    code: { type: "string" },
    message: { type: "string" },
    messageContains: { type: "string" },
    messageNotContains: { type: "string" },
    detailCode: { type: "string" },
    reason: { type: "string" },
    authReason: { type: "string" },
    canRetryWithDeviceToken: { type: "boolean" },
    recommendedNextStep: { type: "string" },
    close: { type: "object", properties: { code: { type: "integer" }, reason: { type: "string" }, reasonContains: { type: "string" } }, additionalProperties: false },
    upgradeStatus: { type: "integer" },
    challenge: { type: "boolean" },
    rpc: { type: "array", items: { type: "object", required: ["method", "ok"], properties: { method: { type: "string" }, ok: { type: "boolean" }, messageContains: { type: "string" } }, additionalProperties: false } },
    helloAuthScopesInclude: { type: "array", items: { type: "string" } },
    deviceTokenIssued: { type: "boolean" },
  },
  additionalProperties: false,
};

const operatorSchema = {
  type: "object",
  required: ["action"],
  properties: {
    action: { enum: ["approve-pending", "reject-pending", "remove-device", "revoke-device-token", "rotate-device-token", "rotate-shared-token", "restart-gateway"] },
    identity: { type: "string" },
    role: { type: "string" },
    scopes: { type: "array", items: { type: "string" } },
    token: { type: "string" },
  },
  additionalProperties: false,
};

const caseSchema = {
  type: "object",
  required: ["name", "steps"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]*$" },
    description: { type: "string" },
    profile: { type: "string" },
    seed: { type: "integer", minimum: 0 },
    gateway: {
      type: "object",
      properties: {
        auth: {
          type: "object",
          properties: { mode: { enum: ["none", "token", "password", "trusted-proxy"] }, token: { type: "string" }, password: { type: "string" }, rateLimit: { type: "object" } },
          additionalProperties: false,
        },
        controlUi: {
          type: "object",
          properties: { allowInsecureAuth: { type: "boolean" }, dangerouslyDisableDeviceAuth: { type: "boolean" }, allowedOrigins: { type: "array", items: { type: "string" } } },
          additionalProperties: false,
        },
        trustedProxies: { type: "array", items: { type: "string" } },
      },
      additionalProperties: false,
    },
    identities: { anyOf: [{ type: "array", items: { type: "string" } }, { type: "object", additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" } }] },
    pairing: {
      type: "object",
      properties: {
        paired: { type: "array", items: { type: "object", required: ["identity"], properties: { identity: { type: "string" }, role: { type: "string" }, scopes: { type: "array", items: { type: "string" } } }, additionalProperties: false } },
      },
      additionalProperties: false,
    },
    steps: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: { connect: attemptSchema, expect: expectSchema, operator: operatorSchema, wait: { type: "integer", minimum: 0 }, expectPairing: { type: "object", required: ["identity"] } },
        additionalProperties: false,
        minProperties: 1,
      },
    },
  },
  additionalProperties: false,
};

const validate = new Ajv({ allErrors: false, strict: false }).compile(caseSchema);

export type CaseParse = { readonly ok: true; readonly file: CaseFile } | { readonly ok: false; readonly message: string };

export function parseCaseFile(text: string, path: string): CaseParse {
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, message: `${path}: not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${why}` };
  }
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const at = e?.instancePath ? e.instancePath : "(top level)";
    const extra = e?.keyword === "additionalProperties" ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : "";
    const allowed = e?.keyword === "enum" ? ` (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(", ")})` : "";
    return { ok: false, message: `${path}: at ${at}: ${e?.message ?? "invalid"}${extra}${allowed}` };
  }
  const file = data as unknown as CaseFile;
  const steps = file.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Record<string, unknown>;
    const kinds = ["connect", "operator", "wait", "expectPairing"].filter((k) => k in step);
    if (kinds.length !== 1) return { ok: false, message: `${path}: at /steps/${i}: a step has exactly one of connect, operator, wait, expectPairing` };
    if ("expect" in step && !("connect" in step)) return { ok: false, message: `${path}: at /steps/${i}/expect: expect belongs to a connect step` };
  }
  return { ok: true, file };
}
