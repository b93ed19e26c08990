// The declarative scenario file (JSON or YAML): gateway config and profile, connections with their locality and
// headers, raw connect params and signing options (the Attempt format shared with the real-gateway oracle),
// pre-seeded pairing state, operator actions between steps, and the expected outcomes.
// Parsing returns a value; a malformed file gives one message naming the field.
import { Ajv } from "ajv";
import { parse as parseYaml } from "yaml";
import type { Attempt } from "../world/index.ts";
import { invariantNames } from "./case-steps.ts";

export type CaseFrom = "local" | "lan" | "tailnet" | "remote";

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
  | { action: "approve-pending"; identity?: string; requestId?: string }
  | { action: "reject-pending"; identity?: string; requestId?: string }
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

/** A simulated client (src/clients) started on one of the file's hosts. */
export interface ClientStep {
  name: string;
  kind: "cli" | "tui" | "control-ui" | "node" | "backend";
  from?: CaseFrom;
  /** Identity name from `identities`; omitted = device-less (e.g. a Control UI without a secure context). */
  identity?: string;
  explicitToken?: string;
  passiveToken?: string;
  password?: string;
  /** The client's device-auth file holds this token for its role: node for a node host, else operator
   *  (placeholders allowed). */
  storedToken?: string;
  scopes?: string[];
  /** CLI one-shot call. */
  oneShot?: { method: string };
  /** The client host's clock offset (for signature skew). */
  clockOffsetMs?: number;
}

export type FaultStep =
  | { partition: [CaseFrom, CaseFrom] }
  | { heal: true }
  | { drop: string; from?: CaseFrom }
  | { restartGateway: { downMs?: number } }
  | { crashGateway: true }
  | { startGateway: true }
  | { skewClock: { host: CaseFrom; deltaMs: number } };

export interface ClientExpect {
  name: string;
  connected?: boolean;
  paused?: boolean;
  attemptsMax?: number;
  attemptsMin?: number;
}

export type CaseStep =
  | { connect: Attempt & { from?: CaseFrom }; expect?: CaseExpect }
  | { operator: OperatorAction }
  | { wait: number }
  | { expectPairing: PairingExpect }
  | { client: ClientStep }
  | { fault: FaultStep }
  | { credentials: { client: string; explicitToken?: string | null; passiveToken?: string | null; password?: string | null } }
  | { expectClient: ClientExpect };

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
  /** Declared verdict per profile (for the gate); `default` covers the rest (default "pass"). */
  verdicts?: Record<string, "pass" | "fail">;
  /** Invariants observing the whole run: names, or {name, ...options}. */
  invariants?: (string | ({ name: string } & Record<string, unknown>))[];
  steps: CaseStep[];
}

const attemptSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    probe: { type: "string" },
    from: { enum: ["local", "lan", "tailnet", "remote"] },
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
    requestId: { type: "string" },
  },
  additionalProperties: false,
};

const fromSchema = { enum: ["local", "lan", "tailnet", "remote"] };

const clientSchema = {
  type: "object",
  required: ["name", "kind"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" },
    kind: { enum: ["cli", "tui", "control-ui", "node", "backend"] },
    from: fromSchema,
    identity: { type: "string" },
    explicitToken: { type: "string" },
    passiveToken: { type: "string" },
    password: { type: "string" },
    storedToken: { type: "string" },
    scopes: { type: "array", items: { type: "string" } },
    oneShot: { type: "object", required: ["method"], properties: { method: { type: "string" } }, additionalProperties: false },
    clockOffsetMs: { type: "integer" },
  },
  additionalProperties: false,
};

const faultSchema = {
  type: "object",
  minProperties: 1,
  maxProperties: 2,
  properties: {
    partition: { type: "array", items: fromSchema, minItems: 2, maxItems: 2 },
    heal: { const: true },
    drop: { type: "string", pattern: "^\\d+/\\d+$" },
    from: fromSchema,
    restartGateway: { type: "object", properties: { downMs: { type: "integer", minimum: 0 } }, additionalProperties: false },
    crashGateway: { const: true },
    startGateway: { const: true },
    skewClock: { type: "object", required: ["host", "deltaMs"], properties: { host: fromSchema, deltaMs: { type: "integer" } }, additionalProperties: false },
  },
  additionalProperties: false,
};

const nullableString = { type: ["string", "null"] };
const credentialsSchema = {
  type: "object",
  required: ["client"],
  properties: { client: { type: "string" }, explicitToken: nullableString, passiveToken: nullableString, password: nullableString },
  additionalProperties: false,
};

const clientExpectSchema = {
  type: "object",
  required: ["name"],
  properties: { name: { type: "string" }, connected: { type: "boolean" }, paused: { type: "boolean" }, attemptsMax: { type: "integer", minimum: 0 }, attemptsMin: { type: "integer", minimum: 0 } },
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
    verdicts: { type: "object", additionalProperties: { enum: ["pass", "fail"] } },
    invariants: { type: "array", items: { anyOf: [{ type: "string" }, { type: "object", required: ["name"], properties: { name: { type: "string" } } }] } },
    steps: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: {
          connect: attemptSchema,
          expect: expectSchema,
          operator: operatorSchema,
          wait: { type: "integer", minimum: 0 },
          expectPairing: { type: "object", required: ["identity"] },
          client: clientSchema,
          fault: faultSchema,
          credentials: credentialsSchema,
          expectClient: clientExpectSchema,
        },
        additionalProperties: false,
        minProperties: 1,
      },
    },
  },
  additionalProperties: false,
};

const validate = new Ajv({ allErrors: false, strict: false }).compile(caseSchema);

const stepKinds = ["connect", "operator", "wait", "expectPairing", "client", "fault", "credentials", "expectClient"];

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
    const kinds = stepKinds.filter((k) => k in step);
    if (kinds.length !== 1) return { ok: false, message: `${path}: at /steps/${i}: a step has exactly one of ${stepKinds.join(", ")}` };
    if ("expect" in step && !("connect" in step)) return { ok: false, message: `${path}: at /steps/${i}/expect: expect belongs to a connect step` };
  }
  for (const [i, entry] of (file.invariants ?? []).entries()) {
    const name = typeof entry === "string" ? entry : entry.name;
    if (!invariantNames.includes(name)) return { ok: false, message: `${path}: at /invariants/${i}: unknown invariant '${name}' (one of ${invariantNames.join(", ")})` };
  }
  return { ok: true, file };
}
