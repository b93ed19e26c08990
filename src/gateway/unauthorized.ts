// The unauthorized path (spec §4.4): message, detail code, recovery hints, close 1008.
import {
  authDetailCode,
  authFailureMessage,
  ErrorCodes,
  recoveryHints,
  resolveAuthProvided,
  type ConnectParams,
} from "../protocol/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import { refuse, type ErrorBody } from "./responses.ts";
import type { ClientClass } from "./connect-policy.ts";
import type { AuthMode, GatewayOutput } from "./types.ts";

export function unauthorizedAnswer(options: {
  switches: GatewaySwitches;
  connId: string;
  requestId: string;
  reason: string | undefined;
  authMode: AuthMode;
  cls: ClientClass;
  params: ConnectParams;
  devicePresented: boolean;
  /** Not isLocalClient (the 2026.9-style CLI hints name gateway.remote.*). */
  remote?: boolean;
  /** Copied into the error (with retryable) when the profile does so for rate_limited. */
  retryAfterMs?: number;
}): GatewayOutput[] {
  const { switches, params, reason } = options;
  const auth = params.auth ?? {};
  const clientKind = authClientKindFor(switches, options.cls, params.client.id);
  const message = authFailureMessage({
    reason,
    remote: options.remote,
    authMode: options.authMode,
    clientKind,
    provided: { token: Boolean(auth.token), password: Boolean(auth.password), deviceToken: Boolean(auth.deviceToken), bootstrapToken: Boolean(auth.bootstrapToken) },
    style: switches.authMessageStyle,
    uiClient: options.cls.isControlUi || options.cls.isTui || options.cls.isWebchat || params.client.id === "openclaw-browser-copilot",
  });
  const error: ErrorBody = { code: ErrorCodes.INVALID_REQUEST, message };
  if (options.retryAfterMs !== undefined) {
    error.retryable = true;
    error.retryAfterMs = options.retryAfterMs;
  }
  if (switches.detailCodes) {
    const details: Record<string, unknown> = { code: authDetailCode(reason), authReason: reason };
    if (switches.recoveryHints) {
      const hints = recoveryHints({
        reason,
        devicePresented: options.devicePresented,
        authProvided: resolveAuthProvided(auth),
        explicitDeviceToken: Boolean(auth.deviceToken),
      });
      details["canRetryWithDeviceToken"] = hints.canRetryWithDeviceToken;
      details["recommendedNextStep"] = hints.recommendedNextStep;
    }
    error.details = details;
  }
  return refuse(options.connId, options.requestId, error);
}

/**
 * Which hint family an auth failure message uses: mode cli first, whatever the id (isGatewayCliClient), then the
 * operator UIs — in that order in every dist read (2026.2.12, 2.22, 3.13, 4.14, 5.28, 7.1, 8.2, 9.6; a Control UI
 * id in mode cli gets the CLI's hint: recorded from 7.1, seed 13, c0394). 2026.9 counts the TUI and the browser
 * copilot among the UIs.
 */
function authClientKindFor(switches: GatewaySwitches, cls: ClientClass, clientId: string): "cli" | "control-ui" | "other" {
  if (cls.isCli) return "cli";
  if (switches.authMessageStyle === "2026.9") {
    return cls.isControlUi || cls.isTui || cls.isWebchat || clientId === "openclaw-browser-copilot" ? "control-ui" : "other";
  }
  return cls.isControlUi || cls.isWebchat ? "control-ui" : "other";
}
