// Which credential a connect attempt sends (spec §7.1, §7.2; seed 004): the four token-priority rules of the
// OpenClaw releases, plus the bounded-retry form of §7.3. A pure function of what the client holds; it does
// not decide *when* to retry (retry-policy.ts) nor build the frame (connect-request.ts).
import { assertNever } from "../kernel/index.ts";
import type { ClientSwitches } from "../profiles/index.ts";
import type { ConnectAuth } from "../protocol/index.ts";
import type { StoredDeviceToken, TokenSource } from "./types.ts";

export interface CredentialInputs {
  readonly explicitToken?: string;
  readonly passiveToken?: string;
  readonly password?: string;
  /** `opts.deviceToken`. */
  readonly explicitDeviceToken?: string;
  readonly bootstrapToken?: string;
  /** The stored entry for (deviceId, role); null without a device identity. */
  readonly stored: StoredDeviceToken | null;
  /** §7.3: the one retry with the stored token is due on this attempt. */
  readonly retryPending: boolean;
  readonly trustedEndpoint: boolean;
}

export interface CredentialSelection {
  /** The connect `auth` object; undefined when nothing is sent. */
  readonly auth: ConnectAuth | undefined;
  readonly tokenSource: TokenSource | null;
  readonly deviceTokenSource: "stored" | "device-token-option" | null;
  /** The token in the signature payload: auth.token ?? auth.bootstrapToken ?? "". */
  readonly signatureToken: string;
  /** Reconnecting with the stored token: request the stored scopes. */
  readonly storedScopes: readonly string[] | undefined;
  /** The shared token available (explicit ?? passive): what the §7.3 retry keeps in auth.token. */
  readonly sharedToken: string | undefined;
  /** A device token (stored or option) this attempt uses as its credential. */
  readonly resolvedDeviceToken: string | undefined;
  /** The attempt is the §7.3 retry (stored token in auth.deviceToken next to the shared token). */
  readonly isDeviceTokenRetry: boolean;
  /** ≤2.13 / PR #17336: a failed attempt clears the stored token so the next one uses the shared token. */
  readonly canFallbackToShared: boolean;
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

interface Normalised {
  explicit?: string;
  passive?: string;
  password?: string;
  deviceOption?: string;
  bootstrap?: string;
  stored?: string;
  storedScopes?: readonly string[];
}

function normalise(input: CredentialInputs): Normalised {
  return {
    explicit: trimmed(input.explicitToken),
    passive: trimmed(input.passiveToken),
    password: trimmed(input.password),
    deviceOption: trimmed(input.explicitDeviceToken),
    bootstrap: trimmed(input.bootstrapToken),
    stored: trimmed(input.stored?.token),
    storedScopes: input.stored?.scopes,
  };
}

export function selectCredentials(priority: ClientSwitches["tokenPriority"], input: CredentialInputs): CredentialSelection {
  const n = normalise(input);
  const shared = n.explicit ?? n.passive;
  const sharedSource: TokenSource | null = n.explicit ? "explicit" : n.passive ? "passive" : null;
  const retry = input.retryPending && !n.deviceOption && Boolean(shared) && Boolean(n.stored) && input.trustedEndpoint;
  if (retry) return deviceTokenRetry(n, shared, sharedSource);
  switch (priority) {
    case "stored-first-self-heal":
      return legacy(n, firstOf([[n.deviceOption, "device-token-option"], [n.stored, "stored"], [n.explicit, "explicit"], [n.passive, "passive"]]), true);
    case "passive-wins":
      return legacy(n, firstOf([[n.explicit, "explicit"], [n.passive, "passive"], [n.deviceOption, "device-token-option"], [n.stored, "stored"]]), false);
    case "explicit-stored-passive":
      return legacy(n, firstOf([[n.explicit, "explicit"], [n.deviceOption, "device-token-option"], [n.stored, "stored"], [n.passive, "passive"]]), true);
    case "resolved-late":
      return resolvedLate(n, shared, sharedSource);
    default:
      return assertNever(priority, "token priority");
  }
}

type Candidate = readonly [string | undefined, TokenSource];

function firstOf(candidates: readonly Candidate[]): { token: string | undefined; source: TokenSource | null } {
  for (const [token, source] of candidates) if (token) return { token, source };
  return { token: undefined, source: null };
}

/**
 * Releases before auth.deviceToken existed: one token slot, chosen by the rule. The self-heal
 * (`canFallbackToShared`, ≤2.13 and PR #17336) applies only when the stored token was sent and a shared
 * token is there to fall back to; 2.14 dropped it.
 */
function legacy(n: Normalised, chosen: { token: string | undefined; source: TokenSource | null }, selfHeal: boolean): CredentialSelection {
  const usesDeviceToken = chosen.source === "stored" || chosen.source === "device-token-option";
  const shared = n.explicit ?? n.passive;
  return {
    auth: chosen.token || n.password ? pruned({ token: chosen.token, password: n.password }) : undefined,
    tokenSource: chosen.source,
    deviceTokenSource: null,
    signatureToken: chosen.token ?? "",
    storedScopes: undefined,
    sharedToken: shared,
    resolvedDeviceToken: usesDeviceToken ? chosen.token : undefined,
    isDeviceTokenRetry: false,
    canFallbackToShared: selfHeal && chosen.source === "stored" && Boolean(shared),
  };
}

/** Later `selectConnectAuth`: the caller's resolved shared token wins; the stored token when there is none. */
function resolvedLate(n: Normalised, shared: string | undefined, sharedSource: TokenSource | null): CredentialSelection {
  const useStored = !(shared || n.password) && (!n.bootstrap || Boolean(n.stored));
  const resolvedDeviceToken = n.deviceOption ?? (useStored ? n.stored : undefined);
  const token = shared ?? resolvedDeviceToken;
  const bootstrapToken = !shared && !resolvedDeviceToken ? n.bootstrap : undefined;
  const deviceTokenSource = n.deviceOption ? "device-token-option" : resolvedDeviceToken ? "stored" : null;
  const any = token || bootstrapToken || n.password || resolvedDeviceToken;
  return {
    auth: any ? pruned({ token, bootstrapToken, deviceToken: resolvedDeviceToken, password: n.password }) : undefined,
    tokenSource: shared ? sharedSource : deviceTokenSource,
    deviceTokenSource,
    signatureToken: token ?? bootstrapToken ?? "",
    storedScopes: resolvedDeviceToken && n.stored ? n.storedScopes : undefined,
    sharedToken: shared,
    resolvedDeviceToken,
    isDeviceTokenRetry: false,
    canFallbackToShared: false,
  };
}

/** §7.3: the shared token stays in auth.token, the stored token goes in auth.deviceToken, stored scopes. */
function deviceTokenRetry(n: Normalised, shared: string | undefined, sharedSource: TokenSource | null): CredentialSelection {
  return {
    auth: pruned({ token: shared, deviceToken: n.stored, password: n.password }),
    tokenSource: sharedSource,
    deviceTokenSource: "stored",
    signatureToken: shared ?? "",
    storedScopes: n.storedScopes,
    sharedToken: shared,
    resolvedDeviceToken: n.stored,
    isDeviceTokenRetry: true,
    canFallbackToShared: false,
  };
}

function pruned(auth: ConnectAuth): ConnectAuth {
  const out: ConnectAuth = {};
  if (auth.token) out.token = auth.token;
  if (auth.bootstrapToken) out.bootstrapToken = auth.bootstrapToken;
  if (auth.deviceToken) out.deviceToken = auth.deviceToken;
  if (auth.password) out.password = auth.password;
  return out;
}
