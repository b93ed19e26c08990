// Recovery hints on the unauthorized path (spec §5.2, `resolveUnauthorizedHandshakeContext`):
// which credential kind the client sent, whether one retry with the stored device token is worthwhile,
// and the recommended next step. Other failures (origin, device, pairing, protocol) carry no hints.
import type { ConnectAuth } from "./frames.ts";

export type AuthProvidedKind = "password" | "token" | "bootstrap-token" | "device-token" | "none";

export type RecommendedNextStep =
  | "retry_with_device_token"
  | "update_auth_configuration"
  | "update_auth_credentials"
  | "wait_then_retry"
  | "review_auth_configuration";

export const RECOMMENDED_NEXT_STEPS: readonly RecommendedNextStep[] = [
  "retry_with_device_token",
  "update_auth_configuration",
  "update_auth_credentials",
  "wait_then_retry",
  "review_auth_configuration",
];

export interface RecoveryHints {
  canRetryWithDeviceToken: boolean;
  recommendedNextStep: RecommendedNextStep;
}

/** First non-empty of password, token, bootstrapToken, deviceToken; else "none". */
export function resolveAuthProvided(auth: ConnectAuth | null | undefined): AuthProvidedKind {
  if (auth?.password) return "password";
  if (auth?.token) return "token";
  if (auth?.bootstrapToken) return "bootstrap-token";
  if (auth?.deviceToken) return "device-token";
  return "none";
}

export interface RecoveryHintsInput {
  reason: string | undefined;
  /** A device identity was presented (and not discarded by the break-glass flag). */
  devicePresented: boolean;
  authProvided: AuthProvidedKind;
  /** The client sent an explicit `auth.deviceToken`. */
  explicitDeviceToken: boolean;
}

export function recoveryHints(input: RecoveryHintsInput): RecoveryHints {
  const canRetryWithDeviceToken =
    input.reason === "token_mismatch" &&
    input.devicePresented &&
    input.authProvided === "token" &&
    !input.explicitDeviceToken;
  return { canRetryWithDeviceToken, recommendedNextStep: nextStep(input.reason, canRetryWithDeviceToken) };
}

function nextStep(reason: string | undefined, canRetryWithDeviceToken: boolean): RecommendedNextStep {
  if (canRetryWithDeviceToken) return "retry_with_device_token";
  switch (reason) {
    case "token_missing":
    case "token_missing_config":
    case "password_missing":
    case "password_missing_config":
      return "update_auth_configuration";
    case "token_mismatch":
    case "password_mismatch":
    case "device_token_mismatch":
      return "update_auth_credentials";
    case "rate_limited":
      return "wait_then_retry";
    case "scope_mismatch":
    default:
      return "review_auth_configuration";
  }
}
