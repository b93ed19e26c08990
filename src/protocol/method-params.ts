// Params schemas of the post-hello methods the model serves beyond device management, with the release's error
// text: `invalid <method> params: <formatValidationErrors>` (chat.send, chat.history, config.get, cron.*, system-presence).
// Shapes follow the released gateway (openclaw@2026.2.12 … 2026.9.6 dist): ChatHistoryParams needs a non-empty
// `sessionKey` and takes `limit` 1…1000; ConfigGetParams and CronStatusParams are closed empty objects;
// CronListParams takes `includeDisabled`. Only the fields the model reads are listed; the rest is not modelled.
import { Ajv, type ValidateFunction } from "ajv";
import { formatValidationErrors } from "./validate.ts";

const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false });

/** chat.history's server-side cap and default page (`hardMax`, `defaultLimit` in the release's handler). */
export const CHAT_HISTORY_LIMIT_MAX = 1000;
export const CHAT_HISTORY_LIMIT_DEFAULT = 200;

const closedEmpty = { type: "object", additionalProperties: false, properties: {} } as const;
const jobId = { type: "string", minLength: 1 } as const;

const methodParamsSchemas: Readonly<Record<string, object>> = {
  // ChatSendParams (every release read, 2026.2.22 … 2026.4.14): sessionKey, message and idempotencyKey required.
  "chat.send": {
    type: "object",
    required: ["sessionKey", "message", "idempotencyKey"],
    properties: { sessionKey: { type: "string", minLength: 1 }, message: { type: "string" }, idempotencyKey: { type: "string", minLength: 1 } },
  },
  "chat.history": {
    type: "object",
    required: ["sessionKey"],
    properties: {
      sessionKey: { type: "string", minLength: 1 },
      limit: { type: "integer", minimum: 1, maximum: CHAT_HISTORY_LIMIT_MAX },
      maxChars: { type: "integer", minimum: 1 },
    },
  },
  "config.get": closedEmpty,
  "cron.status": closedEmpty,
  "cron.list": { type: "object", properties: { includeDisabled: { type: "boolean" } } },
  "cron.add": {
    type: "object",
    required: ["name", "schedule"],
    properties: { name: { type: "string", minLength: 1 }, schedule: { type: "object" }, enabled: { type: "boolean" } },
  },
  "cron.update": { type: "object", required: ["patch"], properties: { id: jobId, jobId, patch: { type: "object" } } },
  "cron.remove": { type: "object", properties: { id: jobId, jobId } },
  "cron.run": { type: "object", properties: { id: jobId, jobId, mode: { enum: ["due", "force"] } } },
  "cron.runs": { type: "object", properties: { id: jobId, jobId, limit: { type: "integer", minimum: 1 } } },
};

const validators = new Map<string, ValidateFunction>();

function validatorFor(method: string): ValidateFunction | undefined {
  const schema = methodParamsSchemas[method];
  if (!schema) return undefined;
  let validator = validators.get(method);
  if (!validator) {
    validator = ajv.compile(schema);
    validators.set(method, validator);
  }
  return validator;
}

/** Null when the params are acceptable (or the method has no schema here), else the release's error message. */
export function methodParamsError(method: string, params: unknown): string | null {
  const validator = validatorFor(method);
  if (!validator || validator(params)) return null;
  return `invalid ${method} params: ${formatValidationErrors(validator.errors)}`;
}
