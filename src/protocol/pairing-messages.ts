// Text of "pairing required" answers (spec §4.5, §5.1): the per-reason requirement strings, the late
// message/close-reason forms, and the plain-text forms clients recognise. Not the pairing decision itself.
import { assertNever } from "../kernel/index.ts";
import type { PairingReason } from "./codes.ts";

/** The S-Feb/S-Mar message and close reason. */
export const PAIRING_REQUIRED_MESSAGE = "pairing required";

/** requestId values the detail helpers accept (others are dropped from details and close reasons). */
export const PAIRING_REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function pairingRequirement(reason: PairingReason): string {
  switch (reason) {
    case "not-paired":
      return "device is not approved yet";
    case "role-upgrade":
      return "device is asking for a higher role than currently approved";
    case "scope-upgrade":
      return "device is asking for more scopes than currently approved";
    case "metadata-upgrade":
      return "device identity changed and must be re-approved";
    default:
      return assertNever(reason, "pairing reason");
  }
}

export function pairingRemediationHint(reason: PairingReason): string {
  switch (reason) {
    case "not-paired":
      return "Approve this device from the pending pairing requests.";
    case "role-upgrade":
      return "Review the requested role upgrade, then approve the pending request.";
    case "scope-upgrade":
      return "Review the requested scopes, then approve the pending upgrade.";
    case "metadata-upgrade":
      return "Review the refreshed device details, then approve the pending request.";
    default:
      return assertNever(reason, "pairing reason");
  }
}

/** Plain-text form a client recognises in a close reason or message (`device pairing required`, …). */
export function pairingPlainText(reason: PairingReason): string {
  switch (reason) {
    case "not-paired":
      return "device pairing required";
    case "role-upgrade":
      return "role upgrade pending approval";
    case "scope-upgrade":
      return "scope upgrade pending approval";
    case "metadata-upgrade":
      return "device metadata change pending approval";
    default:
      return assertNever(reason, "pairing reason");
  }
}

/** Late helper form: `pairing required: <requirement>`; without a reason just `pairing required`. */
export function pairingErrorMessageLate(reason: PairingReason | undefined): string {
  return reason ? `${PAIRING_REQUIRED_MESSAGE}: ${pairingRequirement(reason)}` : PAIRING_REQUIRED_MESSAGE;
}

/** Late close reason: the late message plus ` (requestId: <id>)` when the id is well-formed. */
export function pairingCloseReasonLate(reason: PairingReason | undefined, requestId: string | undefined): string {
  const message = pairingErrorMessageLate(reason);
  const id = requestId?.trim();
  return id && PAIRING_REQUEST_ID_PATTERN.test(id) ? `${message} (requestId: ${id})` : message;
}
