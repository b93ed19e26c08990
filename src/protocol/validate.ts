// Frame and connect-params validation with ajv, configured as the real gateway configures it
// (`allErrors: true, strict: false, removeAdditional: false`), and the real error-text formatter
// (`formatValidationErrors`): `at <instancePath>: <message>` (no prefix at the root), additional properties
// as `at <path|root>: unexpected property '<name>'`, duplicates dropped, parts joined with "; ".
// The "invalid connect params: " prefix is the caller's.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { SchemaEra } from "./codes.ts";
import type { ConnectParams, EventFrame, RequestFrame, ResponseFrame } from "./frames.ts";
import {
  connectParamsSchema,
  eventFrameSchema,
  requestFrameSchema,
  responseFrameSchema,
} from "./schemas.ts";

/** The era a caller gets when it does not say (S-Mar is the canonical era of the spec). */
export const DEFAULT_SCHEMA_ERA: SchemaEra = "mar";

const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false });

// Compiled on first use (a sweep's main thread, which hands every seed to workers, never validates a frame).
let requestValidator: ValidateFunction<RequestFrame> | undefined;
let responseValidator: ValidateFunction<ResponseFrame> | undefined;
let eventValidator: ValidateFunction<EventFrame> | undefined;
const validateRequest = (value: unknown): value is RequestFrame => (requestValidator ??= ajv.compile<RequestFrame>(requestFrameSchema))(value);
const validateResponse = (value: unknown): value is ResponseFrame => (responseValidator ??= ajv.compile<ResponseFrame>(responseFrameSchema))(value);
const validateEvent = (value: unknown): value is EventFrame => (eventValidator ??= ajv.compile<EventFrame>(eventFrameSchema))(value);
const connectValidators = new Map<string, ValidateFunction<ConnectParams>>();

function connectValidator(era: SchemaEra, deviceNonceOptional: boolean): ValidateFunction<ConnectParams> {
  const key = `${era}:${deviceNonceOptional}`;
  let validator = connectValidators.get(key);
  if (!validator) {
    validator = ajv.compile<ConnectParams>(connectParamsSchema(era, deviceNonceOptional));
    connectValidators.set(key, validator);
  }
  return validator;
}

export function validateRequestFrame(value: unknown): value is RequestFrame {
  return validateRequest(value);
}

export function validateResponseFrame(value: unknown): value is ResponseFrame {
  return validateResponse(value);
}

export function validateEventFrame(value: unknown): value is EventFrame {
  return validateEvent(value);
}

/** The formatted reasons a value is not a request frame, or null when it is one (for "invalid request frame: …"). */
export function requestFrameErrorText(value: unknown): string | null {
  return validateRequest(value) ? null : formatValidationErrors(requestValidator!.errors);
}

export type ConnectParamsValidation =
  | { ok: true; params: ConnectParams }
  | { ok: false; message: string };

export function validateConnectParams(
  value: unknown,
  options: { schemaEra?: SchemaEra; deviceNonceOptional?: boolean } = {},
): ConnectParamsValidation {
  const validator = connectValidator(options.schemaEra ?? DEFAULT_SCHEMA_ERA, options.deviceNonceOptional ?? false);
  if (validator(value)) return { ok: true, params: value };
  return { ok: false, message: formatValidationErrors(validator.errors) };
}

/** A string param of an error, or the first non-blank string of an array param (late validator shape). */
function firstStringParam(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim()) return value;
  if (Array.isArray(value)) {
    return value.find((entry): entry is string => typeof entry === "string" && entry.trim().length > 0);
  }
  return undefined;
}

function formatOne(err: ErrorObject): string {
  const where = err.instancePath ? `at ${err.instancePath}` : "";
  const params = err.params as Record<string, unknown>;
  if (err.keyword === "additionalProperties") {
    const name = firstStringParam(params["additionalProperty"]) ?? firstStringParam(params["additionalProperties"]);
    if (name) return `${where || "at root"}: unexpected property '${name}'`;
  }
  if (err.keyword === "required") {
    const name = firstStringParam(params["missingProperty"]) ?? firstStringParam(params["requiredProperties"]);
    if (name) return `${where ? `${where}: ` : ""}must have required property '${name}'`;
  }
  const message = typeof err.message === "string" && err.message.trim() ? err.message : "validation error";
  return `${where ? `${where}: ` : ""}${message}`;
}

/** The real `formatValidationErrors`: one part per error, order kept, duplicates dropped, "; "-joined. */
export function formatValidationErrors(errors: readonly ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return "unknown validation error";
  const parts = errors.map(formatOne).filter((part) => part.trim().length > 0);
  const unique = Array.from(new Set(parts));
  return unique.length > 0 ? unique.join("; ") : "unknown validation error";
}
