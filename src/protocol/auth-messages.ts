// The unauthorized-path texts and detail codes (spec §4.4, §5.1): `formatGatewayAuthFailureMessage` and
// `resolveAuthConnectErrorDetailCode`. Pure functions of the failure reason and what the client sent;
// they do not decide whether a connection is authorized.
import type { ConnectAuth } from "./frames.ts";
import {
  ConnectErrorDetailCodes,
  GATEWAY_CLIENT_IDS,
  GATEWAY_CLIENT_MODES,
  type ConnectErrorDetailCode,
  type GatewayAuthMode,
} from "./codes.ts";
import { resolveAuthProvided } from "./hints.ts";

/** Whose hint a message carries: the CLI's config keys, the Control UI's settings, or generic text. */
export type AuthClientKind = "cli" | "control-ui" | "other";

/** isGatewayCliClient → "cli"; Control UI / webchat UI id or webchat mode → "control-ui"; else "other". */
export function authClientKind(client: { id?: string | null; mode?: string | null } | undefined): AuthClientKind {
  if (client?.mode === GATEWAY_CLIENT_MODES.CLI) return "cli";
  if (
    client?.id === GATEWAY_CLIENT_IDS.CONTROL_UI ||
    client?.id === GATEWAY_CLIENT_IDS.WEBCHAT_UI ||
    client?.mode === GATEWAY_CLIENT_MODES.WEBCHAT
  ) {
    return "control-ui";
  }
  return "other";
}

type Credential = string | boolean | null | undefined;

export interface AuthFailureMessageInput {
  reason: string | undefined;
  /** 2026.9 style: the connection is not isLocalClient, so a CLI is told to set gateway.remote.* (8.2, 9.6 dists). */
  remote?: boolean;
  authMode: GatewayAuthMode;
  clientKind: AuthClientKind;
  /** What the client placed in `auth` (truthy = provided). */
  provided: { token?: Credential; password?: Credential; deviceToken?: Credential; bootstrapToken?: Credential };
  /**
   * "mid" (default): the `auth-messages.ts` texts. "2026.9": as measured on the 2026.9.6 release (§13), whose
   * token-mismatch hint reads `use this gateway's gateway.auth.token or pair the device`; only that text is
   * known to differ, so only it changes.
   */
  style?: "mid" | "2026.9";
  /** 2026.9: an operator UI (Control UI, browser copilot, TUI) or webchat client whatever its mode; a missing
   *  token tells it how to paste one even when its mode is cli (formatGatewayAuthFailureMessage in the 9.6 dist
   *  asks the UI question first for token_missing only). */
  uiClient?: boolean;
}

/** The password hint a local CLI gets from 2026.9.6. */
export const PASSWORD_HINT_2026_9 = "use this gateway's gateway.auth.password";

/** The token-mismatch hint observed on 2026.9.6. */
export const TOKEN_MISMATCH_HINT_2026_9 = "use this gateway's gateway.auth.token or pair the device";

function tokenHint(kind: AuthClientKind): string {
  if (kind === "cli") return "set gateway.remote.token to match gateway.auth.token";
  if (kind === "control-ui") return "open the dashboard URL and paste the token in Control UI settings";
  return "provide gateway auth token";
}

function passwordHint(kind: AuthClientKind): string {
  if (kind === "cli") return "set gateway.remote.password to match gateway.auth.password";
  if (kind === "control-ui") return "enter the password in Control UI settings";
  return "provide gateway auth password";
}

const TAILSCALE_HINT = "use Tailscale Serve auth or gateway token/password";

/** A refused bootstrap token: 2026.4.14's text, and 2026.9.6's SETUP_CODE_REJECTED_MESSAGE (read in their dist). */
export const BOOTSTRAP_INVALID_MESSAGE = "unauthorized: bootstrap token invalid or expired (scan a fresh setup code)";
export const SETUP_CODE_REJECTED_MESSAGE_2026_9 =
  "unauthorized: setup code invalid, expired, revoked, or already used (create a new code; review `openclaw devices list`)";

/** Messages fixed by the reason alone (the client hint aside). */
function reasonMessage(reason: string | undefined, kind: AuthClientKind): string | null {
  switch (reason) {
    case "token_missing":
      return `unauthorized: gateway token missing (${tokenHint(kind)})`;
    case "token_mismatch":
      return `unauthorized: gateway token mismatch (${tokenHint(kind)})`;
    case "token_missing_config":
      return "unauthorized: gateway token not configured on gateway (set gateway.auth.token)";
    case "password_missing":
      return `unauthorized: gateway password missing (${passwordHint(kind)})`;
    case "password_mismatch":
      return `unauthorized: gateway password mismatch (${passwordHint(kind)})`;
    case "password_missing_config":
      return "unauthorized: gateway password not configured on gateway (set gateway.auth.password)";
    case "tailscale_user_missing":
      return `unauthorized: tailscale identity missing (${TAILSCALE_HINT})`;
    case "tailscale_proxy_missing":
      return "unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)";
    case "tailscale_whois_failed":
      return `unauthorized: tailscale identity check failed (${TAILSCALE_HINT})`;
    case "tailscale_user_mismatch":
      return `unauthorized: tailscale identity mismatch (${TAILSCALE_HINT})`;
    case "rate_limited":
      return "unauthorized: too many failed authentication attempts (retry later)";
    case "device_token_mismatch":
      return "unauthorized: device token mismatch (rotate/reissue device token)";
    // Read in the openclaw@2026.7.1 dist (formatGatewayAuthFailureMessage); only reached where the gateway has the
    // scope_mismatch reason (deviceTokenScopeMismatchReason), which the 2026.4.14 and older dists do not.
    case "scope_mismatch":
      return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
    case "bootstrap_token_invalid":
      return BOOTSTRAP_INVALID_MESSAGE;
    default:
      return null;
  }
}

/** `formatGatewayAuthFailureMessage`. */
export function authFailureMessage(input: AuthFailureMessageInput): string {
  if (input.style === "2026.9") {
    // openclaw@2026.9.6 (recorded): CLI clients get "use this gateway's token or pair the device"; operator UIs and
    // others keep their hints (a missing token tells UIs how to paste or generate one); a device token asking for
    // more scopes than it holds has its own message.
    // formatGatewayAuthFailureMessage (read in the 8.2 and 9.6 dists): a CLI's hint depends on isLocalClient.
    const hint = input.clientKind === "cli" ? (input.remote === true ? "set gateway.remote.token to match gateway.auth.token" : TOKEN_MISMATCH_HINT_2026_9) : tokenHint(input.clientKind);
    const missingHint = input.clientKind === "control-ui" || input.uiClient === true ? "paste in Control UI settings or openclaw doctor --generate-gateway-token; restart" : hint;
    if (input.reason === "token_mismatch") return `unauthorized: gateway token mismatch (${hint})`;
    if (input.reason === "token_missing") return `unauthorized: gateway token missing (${missingHint})`;
    if (input.reason === "scope_mismatch") return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
    if (input.reason === "bootstrap_token_invalid") return SETUP_CODE_REJECTED_MESSAGE_2026_9;
    // Read in 2026.9.6 (formatGatewayAuthFailureMessage) and recorded (issue 11): a local CLI's password hint.
    const pwHint = input.clientKind === "cli" ? (input.remote === true ? "set gateway.remote.password to match gateway.auth.password" : PASSWORD_HINT_2026_9) : passwordHint(input.clientKind);
    if (input.reason === "password_mismatch") return `unauthorized: gateway password mismatch (${pwHint})`;
    if (input.reason === "password_missing") return `unauthorized: gateway password missing (${pwHint})`;
    const provided = resolveAuthProvided(credentialsAsAuth(input.provided));
    if (input.authMode === "password" && provided === "none" && input.reason === undefined) return `unauthorized: gateway password missing (${pwHint})`;
  }
  const fixed = reasonMessage(input.reason, input.clientKind);
  if (fixed !== null) return fixed;
  const authProvided = resolveAuthProvided(credentialsAsAuth(input.provided));
  if (input.authMode === "token" && authProvided === "none") {
    return `unauthorized: gateway token missing (${tokenHint(input.clientKind)})`;
  }
  if (input.authMode === "token" && authProvided === "device-token") {
    return "unauthorized: device token rejected (pair/repair this device, or provide gateway token)";
  }
  if (authProvided === "bootstrap-token") {
    return input.style === "2026.9" ? SETUP_CODE_REJECTED_MESSAGE_2026_9 : BOOTSTRAP_INVALID_MESSAGE;
  }
  if (input.authMode === "password" && authProvided === "none") {
    return `unauthorized: gateway password missing (${passwordHint(input.clientKind)})`;
  }
  return "unauthorized";
}

function credentialsAsAuth(provided: AuthFailureMessageInput["provided"]): ConnectAuth {
  const mark = (value: Credential): string | undefined => (value ? "x" : undefined);
  return {
    token: mark(provided.token),
    password: mark(provided.password),
    deviceToken: mark(provided.deviceToken),
    bootstrapToken: mark(provided.bootstrapToken),
  };
}

/** Which code a scope-mismatch reason maps to: late upstream, one mid copy, or the degraded mapping (§11 #5). */
export type ScopeMismatchCode = "AUTH_SCOPE_MISMATCH" | "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH" | "AUTH_UNAUTHORIZED";

/**
 * `resolveAuthConnectErrorDetailCode`: undefined → AUTH_REQUIRED, unmapped → AUTH_UNAUTHORIZED.
 * `scope_mismatch` maps to `options.scopeMismatchCode` (default AUTH_SCOPE_MISMATCH, late upstream);
 * `device_token_scope_mismatch` always maps to AUTH_DEVICE_TOKEN_SCOPE_MISMATCH (the mid copy).
 */
export function authDetailCode(
  reason: string | undefined,
  options: { scopeMismatchCode?: ScopeMismatchCode } = {},
): ConnectErrorDetailCode {
  switch (reason) {
    case undefined:
      return ConnectErrorDetailCodes.AUTH_REQUIRED;
    case "token_missing":
      return ConnectErrorDetailCodes.AUTH_TOKEN_MISSING;
    case "token_mismatch":
      return ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH;
    case "token_missing_config":
      return ConnectErrorDetailCodes.AUTH_TOKEN_NOT_CONFIGURED;
    case "password_missing":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING;
    case "password_mismatch":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH;
    case "password_missing_config":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_NOT_CONFIGURED;
    case "bootstrap_token_invalid":
      return ConnectErrorDetailCodes.AUTH_BOOTSTRAP_TOKEN_INVALID;
    case "tailscale_user_missing":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_IDENTITY_MISSING;
    case "tailscale_proxy_missing":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_PROXY_MISSING;
    case "tailscale_whois_failed":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_WHOIS_FAILED;
    case "tailscale_user_mismatch":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_IDENTITY_MISMATCH;
    case "rate_limited":
      return ConnectErrorDetailCodes.AUTH_RATE_LIMITED;
    case "device_token_mismatch":
      return ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH;
    case "device_token_scope_mismatch":
      return ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH;
    case "scope_mismatch":
      return options.scopeMismatchCode ?? ConnectErrorDetailCodes.AUTH_SCOPE_MISMATCH;
    default:
      return ConnectErrorDetailCodes.AUTH_UNAUTHORIZED;
  }
}
