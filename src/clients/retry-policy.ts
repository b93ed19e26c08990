// The client's retry decisions (spec §7.3, §7.5; seed 000): whether a failed connect earns the one bounded
// retry with the stored device token, whether a close pauses reconnecting (and why), and the backoff delay.
// Pure functions of the facts handed in; the reducer applies them.
import { assert, type Prng, type Ratio } from "../kernel/index.ts";
import type { ClientSwitches } from "../profiles/index.ts";
import { ConnectErrorDetailCodes } from "../protocol/index.ts";
import type { ClientKind } from "./types.ts";

const C = ConnectErrorDetailCodes;

/** §7.5: codes that stop reconnecting at once (operator action needed). */
export const PAUSE_DETAIL_CODES: ReadonlyMap<string, string> = new Map([
  [C.AUTH_TOKEN_MISSING, "the gateway wants a token and none was sent"],
  [C.AUTH_BOOTSTRAP_TOKEN_INVALID, "the bootstrap token was refused"],
  [C.AUTH_PASSWORD_MISSING, "the gateway wants a password and none was sent"],
  [C.AUTH_PASSWORD_MISMATCH, "the password is wrong"],
  [C.AUTH_RATE_LIMITED, "too many failed attempts; the gateway locked this client out"],
  [C.PAIRING_REQUIRED, "this device waits for pairing approval"],
  [C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED, "the Control UI needs a secure context to prove its device identity"],
  [C.DEVICE_IDENTITY_REQUIRED, "the gateway requires a device identity"],
]);

export interface ConnectErrorFacts {
  readonly detailCode: string | null;
  readonly canRetryWithDeviceToken: boolean;
  readonly recommendedNextStep: string | null;
}

export function readConnectErrorFacts(details: unknown): ConnectErrorFacts {
  const d = details !== null && typeof details === "object" ? (details as Record<string, unknown>) : {};
  return {
    detailCode: typeof d["code"] === "string" ? d["code"] : null,
    canRetryWithDeviceToken: d["canRetryWithDeviceToken"] === true,
    recommendedNextStep: typeof d["recommendedNextStep"] === "string" ? d["recommendedNextStep"] : null,
  };
}

/** §7.3 `shouldRetryWithStoredDeviceToken`. */
export function shouldRetryWithStoredDeviceToken(input: {
  switches: ClientSwitches;
  budgetUsed: boolean;
  /** The failed attempt already used a device token as its credential. */
  usedDeviceToken: boolean;
  sharedToken: string | undefined;
  storedToken: string | undefined;
  trustedEndpoint: boolean;
  /** null when the failure was not a gateway error response (timeout, socket error). */
  facts: ConnectErrorFacts | null;
}): boolean {
  if (!input.switches.deviceTokenRetry || input.budgetUsed || input.usedDeviceToken) return false;
  if (!input.sharedToken || !input.storedToken || !input.trustedEndpoint || !input.facts) return false;
  const f = input.facts;
  return f.canRetryWithDeviceToken || f.recommendedNextStep === "retry_with_device_token" || f.detailCode === C.AUTH_TOKEN_MISMATCH;
}

export type PauseDecision = { readonly pause: false } | { readonly pause: true; readonly detailCode: string; readonly why: string };

/** §7.5 `shouldPauseReconnectAfterAuthFailure`, plus the 2026.9 AUTH_DEVICE_TOKEN_MISMATCH pause. */
export function pauseDecision(input: {
  switches: ClientSwitches;
  detailCode: string | null;
  retryPending: boolean;
  trustedEndpoint: boolean;
  budgetUsed: boolean;
}): PauseDecision {
  const code = input.detailCode;
  if (code === null) return { pause: false };
  if (code === C.AUTH_DEVICE_TOKEN_MISMATCH && input.switches.pauseOnDeviceTokenMismatch) {
    return { pause: true, detailCode: code, why: "the stored device token was refused; it was cleared, re-pair or rotate it" };
  }
  if (!input.switches.pauseOnDetailCodes) return { pause: false };
  const why = PAUSE_DETAIL_CODES.get(code);
  if (why !== undefined) return { pause: true, detailCode: code, why };
  if (code !== C.AUTH_TOKEN_MISMATCH || input.retryPending) return { pause: false };
  if (input.switches.tokenMismatchPause === "unless-retry-pending") {
    return { pause: true, detailCode: code, why: "token mismatch and no device-token retry left to try" };
  }
  if (!input.trustedEndpoint) {
    return { pause: true, detailCode: code, why: "token mismatch on an untrusted endpoint: no device-token retry" };
  }
  if (input.budgetUsed) {
    return { pause: true, detailCode: code, why: "token mismatch persists after the one device-token retry" };
  }
  return { pause: false };
}

/** The reconnect backoff a client follows: the delay after the first failure, the growth per failure, the cap,
 *  jitter, and the clamp before the bounded device-token retry (null = none). */
export interface BackoffShape {
  readonly initialMs: number;
  readonly factorPercent: number;
  readonly maxMs: number;
  readonly jitter: Ratio | null;
  readonly fastRetryMs: number | null;
}

/** Doubling: the growth of the CLI, TUI, node and backend clients' backoff. */
const doublingPercent = 200;

/** The Control UI page has a backoff of its own (controlUiBackoff*); every other kind doubles the shared one. */
export function backoffShape(kind: ClientKind, switches: ClientSwitches): BackoffShape {
  if (kind === "control-ui") {
    return {
      initialMs: switches.controlUiBackoffInitialMs,
      factorPercent: switches.controlUiBackoffFactorPercent,
      maxMs: switches.controlUiBackoffMaxMs,
      jitter: switches.controlUiBackoffJitter,
      fastRetryMs: switches.controlUiFastRetryMs,
    };
  }
  return { initialMs: switches.backoffInitialMs, factorPercent: doublingPercent, maxMs: switches.backoffMaxMs, jitter: switches.backoffJitter, fastRetryMs: switches.fastRetryMs };
}

/**
 * The delay for this reconnect and the backoff for the next: the backoff rounded to whole ms (the Control UI's
 * ×1.7 leaves fractions; its 2026.8/2026.9 code rounds them), grown by the factor, capped; jitter only when on.
 */
export function nextBackoff(shape: BackoffShape, backoffMs: number, prng: Prng): { delayMs: number; nextBackoffMs: number } {
  assert(backoffMs > 0 && shape.maxMs >= shape.initialMs && shape.factorPercent >= 100, "backoff limits out of order");
  let delayMs = Math.round(backoffMs);
  const jitter = shape.jitter;
  if (jitter !== null && jitter.numerator > 0) {
    delayMs += prng.int(0, Math.floor((delayMs * jitter.numerator) / jitter.denominator));
  }
  return { delayMs, nextBackoffMs: Math.min((backoffMs * shape.factorPercent) / 100, shape.maxMs) };
}
