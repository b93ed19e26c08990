// Which failure a client's connect-error reports: `details.code` when the gateway sent one, else (S-Feb
// gateways send no detail codes) the code whose message the error text carries. Data and one lookup.
import { ConnectErrorDetailCodes as C } from "../protocol/index.ts";
import { asRecord, str, type Fields } from "./trace-fields.ts";

/** §7.5: failures that need an operator (the client pauses on these). */
export const PAUSE_DETAIL_CODES: readonly string[] = [
  C.AUTH_TOKEN_MISSING,
  C.AUTH_BOOTSTRAP_TOKEN_INVALID,
  C.AUTH_PASSWORD_MISSING,
  C.AUTH_PASSWORD_MISMATCH,
  C.AUTH_RATE_LIMITED,
  C.PAIRING_REQUIRED,
  C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
  C.DEVICE_IDENTITY_REQUIRED,
];

/** The pause codes plus the two token mismatches: retrying cannot help until credentials change. */
export const OPERATOR_ACTION_CODES: readonly string[] = [...PAUSE_DETAIL_CODES, C.AUTH_TOKEN_MISMATCH, C.AUTH_DEVICE_TOKEN_MISMATCH];

/** Message fragments (spec §4.4, §4.2) → the detail code a coded gateway would have sent. First match wins. */
const messageCodes: readonly (readonly [string, string])[] = [
  ["device token mismatch", C.AUTH_DEVICE_TOKEN_MISMATCH],
  ["gateway token mismatch", C.AUTH_TOKEN_MISMATCH],
  ["gateway token missing", C.AUTH_TOKEN_MISSING],
  ["gateway password missing", C.AUTH_PASSWORD_MISSING],
  ["gateway password mismatch", C.AUTH_PASSWORD_MISMATCH],
  ["too many failed authentication attempts", C.AUTH_RATE_LIMITED],
  ["pairing required", C.PAIRING_REQUIRED],
  ["control ui requires device identity", C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED],
  ["control ui requires https or localhost", C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED],
  ["device identity required", C.DEVICE_IDENTITY_REQUIRED],
  // S-Feb device-proof errors carry no details; their messages name the failure.
  ["device signature expired", C.DEVICE_AUTH_SIGNATURE_EXPIRED],
  ["device signature invalid", C.DEVICE_AUTH_SIGNATURE_INVALID],
  ["device nonce required", C.DEVICE_AUTH_NONCE_REQUIRED],
  ["device nonce mismatch", C.DEVICE_AUTH_NONCE_MISMATCH],
  ["device identity mismatch", C.DEVICE_AUTH_DEVICE_ID_MISMATCH],
];

/** The detail code of a `connect-error` client event (its `detailCode`, `details.code`, or the message's code). */
export function connectErrorCode(data: Fields, options: { inferFromMessage: boolean }): string | undefined {
  const coded = str(data, "detailCode") ?? str(asRecord(data["details"]), "code");
  if (coded !== undefined || !options.inferFromMessage) return coded;
  const message = (str(data, "message") ?? "").toLowerCase();
  return messageCodes.find(([fragment]) => message.includes(fragment))?.[1];
}
