// Codes and closed vocabularies of the gateway protocol: top-level error codes, connect detail codes,
// client ids and modes per schema era, device-proof reasons, auth-failure reasons, pairing reasons.
// Identifiers are OpenClaw's, verbatim. This module holds data and pure lookups only; it decides nothing.
import { assertNever } from "../kernel/index.ts";

/** Which generation of the connect schema a gateway speaks (spec §0: S-Feb, S-Mar, S-Late). */
/** "apr": the S-Mar schema plus `auth.bootstrapToken` (read in the openclaw@2026.4.14 dist). "jul": the same fields
 *  with the client id and mode as enums (`Type.Enum` in the openclaw@2026.7.1 dist: ajv's "must be equal to one of
 *  the allowed values"), still without `client.buildId`, `transports` or the late apps' ids (its `auth` also takes
 *  approvalRuntimeToken and agentRuntimeIdentityToken, which no modelled client sends: not modelled).
 *  "feb-bootstrap-token": the S-Feb client ids with auth.deviceToken and auth.bootstrapToken (read in the
 *  openclaw@2026.3.13 dist). */
export type SchemaEra = "feb" | "feb-device-token" | "feb-bootstrap-token" | "mar" | "apr" | "jul" | "late";
export const SCHEMA_ERAS: readonly SchemaEra[] = ["feb", "feb-device-token", "feb-bootstrap-token", "mar", "apr", "jul", "late"];

/** Top-level `error.code` values (`ErrorCodes`). */
export const ErrorCodes = {
  NOT_LINKED: "NOT_LINKED",
  NOT_PAIRED: "NOT_PAIRED",
  AGENT_TIMEOUT: "AGENT_TIMEOUT",
  FORBIDDEN: "FORBIDDEN",
  INVALID_REQUEST: "INVALID_REQUEST",
  UNAVAILABLE: "UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** `error.details.code` values of handshake failures (`ConnectErrorDetailCodes`, spec §5.1). */
export const ConnectErrorDetailCodes = {
  AUTH_REQUIRED: "AUTH_REQUIRED",
  AUTH_UNAUTHORIZED: "AUTH_UNAUTHORIZED",
  AUTH_TOKEN_MISSING: "AUTH_TOKEN_MISSING",
  AUTH_TOKEN_MISMATCH: "AUTH_TOKEN_MISMATCH",
  AUTH_TOKEN_NOT_CONFIGURED: "AUTH_TOKEN_NOT_CONFIGURED",
  AUTH_PASSWORD_MISSING: "AUTH_PASSWORD_MISSING",
  AUTH_PASSWORD_MISMATCH: "AUTH_PASSWORD_MISMATCH",
  AUTH_PASSWORD_NOT_CONFIGURED: "AUTH_PASSWORD_NOT_CONFIGURED",
  AUTH_BOOTSTRAP_TOKEN_INVALID: "AUTH_BOOTSTRAP_TOKEN_INVALID",
  AUTH_DEVICE_TOKEN_MISMATCH: "AUTH_DEVICE_TOKEN_MISMATCH",
  AUTH_SCOPE_MISMATCH: "AUTH_SCOPE_MISMATCH",
  AUTH_DEVICE_TOKEN_SCOPE_MISMATCH: "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH",
  AUTH_RATE_LIMITED: "AUTH_RATE_LIMITED",
  AUTH_TAILSCALE_IDENTITY_MISSING: "AUTH_TAILSCALE_IDENTITY_MISSING",
  AUTH_TAILSCALE_PROXY_MISSING: "AUTH_TAILSCALE_PROXY_MISSING",
  AUTH_TAILSCALE_WHOIS_FAILED: "AUTH_TAILSCALE_WHOIS_FAILED",
  AUTH_TAILSCALE_IDENTITY_MISMATCH: "AUTH_TAILSCALE_IDENTITY_MISMATCH",
  CONTROL_UI_ORIGIN_NOT_ALLOWED: "CONTROL_UI_ORIGIN_NOT_ALLOWED",
  CONTROL_UI_DEVICE_IDENTITY_REQUIRED: "CONTROL_UI_DEVICE_IDENTITY_REQUIRED",
  DEVICE_IDENTITY_REQUIRED: "DEVICE_IDENTITY_REQUIRED",
  DEVICE_AUTH_INVALID: "DEVICE_AUTH_INVALID",
  DEVICE_AUTH_DEVICE_ID_MISMATCH: "DEVICE_AUTH_DEVICE_ID_MISMATCH",
  DEVICE_AUTH_SIGNATURE_EXPIRED: "DEVICE_AUTH_SIGNATURE_EXPIRED",
  DEVICE_AUTH_NONCE_REQUIRED: "DEVICE_AUTH_NONCE_REQUIRED",
  DEVICE_AUTH_NONCE_MISMATCH: "DEVICE_AUTH_NONCE_MISMATCH",
  DEVICE_AUTH_SIGNATURE_INVALID: "DEVICE_AUTH_SIGNATURE_INVALID",
  DEVICE_AUTH_PUBLIC_KEY_INVALID: "DEVICE_AUTH_PUBLIC_KEY_INVALID",
  PAIRING_REQUIRED: "PAIRING_REQUIRED",
  PROTOCOL_MISMATCH: "PROTOCOL_MISMATCH",
} as const;
export type ConnectErrorDetailCode = (typeof ConnectErrorDetailCodes)[keyof typeof ConnectErrorDetailCodes];

/** `error.details.code` of post-hello method errors (late `GatewayErrorDetailCodes`, the one the model uses). */
export const GatewayErrorDetailCodes = {
  MISSING_SCOPE: "MISSING_SCOPE",
} as const;

// ---------------------------------------------------------------------------------------------------------
// Client ids and modes (`client-info.ts`). Upstream keys, upstream values.

export const GATEWAY_CLIENT_IDS = {
  WEBCHAT_UI: "webchat-ui",
  CONTROL_UI: "openclaw-control-ui",
  TUI: "openclaw-tui",
  WEBCHAT: "webchat",
  CLI: "cli",
  GATEWAY_CLIENT: "gateway-client",
  MACOS_APP: "openclaw-macos",
  IOS_APP: "openclaw-ios",
  ANDROID_APP: "openclaw-android",
  NODE_HOST: "node-host",
  TEST: "test",
  FINGERPRINT: "fingerprint",
  PROBE: "openclaw-probe",
  BROWSER_COPILOT: "openclaw-browser-copilot",
  LINUX_APP: "openclaw-linux",
  WATCHOS_APP: "openclaw-watchos",
  WORKER: "openclaw-worker",
} as const;
export type GatewayClientId = (typeof GATEWAY_CLIENT_IDS)[keyof typeof GATEWAY_CLIENT_IDS];

export const GATEWAY_CLIENT_MODES = {
  WEBCHAT: "webchat",
  CLI: "cli",
  UI: "ui",
  BACKEND: "backend",
  NODE: "node",
  PROBE: "probe",
  TEST: "test",
  WORKER: "worker",
} as const;
export type GatewayClientMode = (typeof GATEWAY_CLIENT_MODES)[keyof typeof GATEWAY_CLIENT_MODES];

const FEB_CLIENT_IDS: readonly GatewayClientId[] = [
  "webchat-ui",
  "openclaw-control-ui",
  "webchat",
  "cli",
  "gateway-client",
  "openclaw-macos",
  "openclaw-ios",
  "openclaw-android",
  "node-host",
  "test",
  "fingerprint",
  "openclaw-probe",
];
/** S-Mar adds the TUI id (PR #55730); S-Late adds the four late apps. */
const MAR_CLIENT_IDS: readonly GatewayClientId[] = [...FEB_CLIENT_IDS.slice(0, 2), "openclaw-tui", ...FEB_CLIENT_IDS.slice(2)];
const LATE_CLIENT_IDS: readonly GatewayClientId[] = [
  ...MAR_CLIENT_IDS,
  "openclaw-browser-copilot",
  "openclaw-linux",
  "openclaw-watchos",
  "openclaw-worker",
];
const MID_CLIENT_MODES: readonly GatewayClientMode[] = ["webchat", "cli", "ui", "backend", "node", "probe", "test"];
const LATE_CLIENT_MODES: readonly GatewayClientMode[] = [...MID_CLIENT_MODES, "worker"];

/** The client ids the connect schema accepts in each era. */
export const CLIENT_IDS_BY_ERA: Readonly<Record<SchemaEra, readonly GatewayClientId[]>> = {
  feb: FEB_CLIENT_IDS,
  "feb-device-token": FEB_CLIENT_IDS,
  "feb-bootstrap-token": FEB_CLIENT_IDS,
  mar: MAR_CLIENT_IDS,
  apr: MAR_CLIENT_IDS,
  jul: MAR_CLIENT_IDS,
  late: LATE_CLIENT_IDS,
};
/** The client modes the connect schema accepts in each era. */
export const CLIENT_MODES_BY_ERA: Readonly<Record<SchemaEra, readonly GatewayClientMode[]>> = {
  feb: MID_CLIENT_MODES,
  "feb-device-token": MID_CLIENT_MODES,
  "feb-bootstrap-token": MID_CLIENT_MODES,
  mar: MID_CLIENT_MODES,
  apr: MID_CLIENT_MODES,
  jul: MID_CLIENT_MODES,
  late: LATE_CLIENT_MODES,
};

// ---------------------------------------------------------------------------------------------------------
// Device proof failures (spec §4.2 step 10).

export type DeviceAuthReason =
  | "device-id-mismatch"
  | "device-signature-stale"
  | "device-nonce-missing"
  | "device-nonce-mismatch"
  | "device-signature"
  | "device-public-key";
export const DEVICE_AUTH_REASONS: readonly DeviceAuthReason[] = [
  "device-id-mismatch",
  "device-signature-stale",
  "device-nonce-missing",
  "device-nonce-mismatch",
  "device-signature",
  "device-public-key",
];

/** The error message (and close reason) for a device-proof failure. */
export function deviceAuthMessage(reason: DeviceAuthReason): string {
  switch (reason) {
    case "device-id-mismatch":
      return "device identity mismatch";
    case "device-signature-stale":
      return "device signature expired";
    case "device-nonce-missing":
      return "device nonce required";
    case "device-nonce-mismatch":
      return "device nonce mismatch";
    case "device-signature":
      return "device signature invalid";
    case "device-public-key":
      return "device public key invalid";
    default:
      return assertNever(reason, "device auth reason");
  }
}

/** `resolveDeviceAuthConnectErrorDetailCode`: unknown reasons map to DEVICE_AUTH_INVALID. */
export function deviceAuthDetailCode(reason: string | undefined): ConnectErrorDetailCode {
  switch (reason) {
    case "device-id-mismatch":
      return ConnectErrorDetailCodes.DEVICE_AUTH_DEVICE_ID_MISMATCH;
    case "device-signature-stale":
      return ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED;
    case "device-nonce-missing":
      return ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_REQUIRED;
    case "device-nonce-mismatch":
      return ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_MISMATCH;
    case "device-signature":
      return ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_INVALID;
    case "device-public-key":
      return ConnectErrorDetailCodes.DEVICE_AUTH_PUBLIC_KEY_INVALID;
    default:
      return ConnectErrorDetailCodes.DEVICE_AUTH_INVALID;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Auth failure reasons (`GatewayAuthResult.reason`, `auth-context.ts`).

export type TrustedProxyFailureReason =
  | "trusted_proxy_config_missing"
  | "trusted_proxy_no_proxies_configured"
  | "trusted_proxy_no_request"
  | "trusted_proxy_untrusted_source"
  | "trusted_proxy_loopback_source"
  | `trusted_proxy_missing_header_${string}`
  | "trusted_proxy_user_missing"
  | "trusted_proxy_user_not_allowed"
  | "trusted_proxy_origin_not_allowed";

export type AuthFailureReason =
  | "token_missing"
  | "token_mismatch"
  | "token_missing_config"
  | "password_missing"
  | "password_mismatch"
  | "password_missing_config"
  | "tailscale_user_missing"
  | "tailscale_proxy_missing"
  | "tailscale_whois_failed"
  | "tailscale_user_mismatch"
  | "rate_limited"
  | "device_token_mismatch"
  | "scope_mismatch"
  | "device_token_scope_mismatch"
  | "bootstrap_token_invalid"
  | TrustedProxyFailureReason
  | "unauthorized";

/** Shared-secret modes of `gateway.auth.mode`. */
export type GatewayAuthMode = "none" | "token" | "password" | "trusted-proxy";

/** `authResult.method` values reported by the gateway (hello-ok `auth.method` in late versions). */
export type GatewayAuthMethod =
  | "none"
  | "token"
  | "password"
  | "tailscale"
  | "device-token"
  | "bootstrap-token"
  | "trusted-proxy";

// ---------------------------------------------------------------------------------------------------------
// Pairing (`ConnectPairingRequiredReasons`).

export type PairingReason = "not-paired" | "role-upgrade" | "scope-upgrade" | "metadata-upgrade";
export const PAIRING_REASONS: readonly PairingReason[] = [
  "not-paired",
  "role-upgrade",
  "scope-upgrade",
  "metadata-upgrade",
];
