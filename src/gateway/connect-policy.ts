// Connect policy decisions (spec §4.2 steps 4, 6, 8, 9 and §4.5 skip/silent rules), each a pure function of
// the facts established so far and the profile's switches.
import type { GatewaySwitches } from "../profiles/index.ts";
import { OperatorScopes, type PairingReason } from "../protocol/index.ts";

const knownOperatorScopes = new Set<string>(Object.values(OperatorScopes));

export const controlUiClientId = "openclaw-control-ui";
export const tuiClientId = "openclaw-tui";

export interface ClientClass {
  readonly isControlUi: boolean;
  readonly isWebchat: boolean;
  readonly isCli: boolean;
  readonly isLocalBackend: boolean;
  /** The terminal UI (openclaw-tui), which the operator-UI classifier also counts as Control UI. */
  readonly isTui: boolean;
}

export function classifyClient(switches: GatewaySwitches, client: { id: string; mode: string }): ClientClass {
  const isControlUi =
    client.id === controlUiClientId || (switches.controlUiClassifier === "operator-ui" && client.id === tuiClientId);
  return {
    isControlUi,
    isWebchat: client.mode === "webchat" || client.id === "webchat-ui",
    isCli: client.mode === "cli",
    isLocalBackend: client.id === "gateway-client" && client.mode === "backend",
    isTui: client.id === tuiClientId,
  };
}

export interface MissingDeviceFacts {
  readonly devicePresent: boolean;
  readonly cls: ClientClass;
  readonly role: string;
  readonly isLocal: boolean;
  readonly allowInsecureAuth: boolean;
  readonly allowBypass: boolean;
  readonly trustedProxyAuthOk: boolean;
  readonly anyTrustedProxyOk: boolean;
  readonly authOk: boolean;
  readonly sharedAuthOk: boolean;
  readonly hasSharedAuth: boolean;
  /** A local backend that may skip pairing (switch localBackendSkipsDeviceIdentity). */
  readonly localBackendSelfPairingOk?: boolean;
}

export type MissingDeviceDecision = "allow" | "reject-control-ui-insecure-auth" | "reject-unauthorized" | "reject-device-required";

/** evaluateMissingDeviceIdentity in its S-Mar order, with the S-Feb and pre-CVE switches. */
export function evaluateMissingDevice(switches: GatewaySwitches, f: MissingDeviceFacts): MissingDeviceDecision {
  if (f.devicePresent) return "allow";
  if (f.cls.isControlUi && f.trustedProxyAuthOk) return "allow";
  if (switches.trustedProxySkipsDeviceForAnyClient && f.anyTrustedProxyOk) return "allow";
  if (f.cls.isControlUi && f.allowBypass) return "allow";
  if (f.localBackendSelfPairingOk === true && f.role === "operator") return "allow";
  if (f.cls.isControlUi) {
    const insecureOk = f.allowInsecureAuth && (f.isLocal || switches.allowInsecureAuthRemoteBypass);
    if (!insecureOk) return "reject-control-ui-insecure-auth";
  }
  if (f.sharedAuthOk && (f.role === "operator" || switches.deviceLessSharedAuthAnyRole)) return "allow";
  if (!f.authOk && f.hasSharedAuth) return "reject-unauthorized";
  return "reject-device-required";
}

/** Whether an allowed device-less connection loses its declared scopes (clearUnboundScopes). */
export function clearsUnboundScopes(
  switches: GatewaySwitches,
  f: { devicePresent: boolean; allowBypass: boolean; cls: ClientClass; clientId: string; clientMode?: string; isLocal: boolean; localClient: boolean; allowInsecureAuth: boolean; authMethod: string; hasOrigin: boolean; sharedAuthOk: boolean },
): boolean {
  if (f.devicePresent) return false;
  // A keeper keeps its scopes only as a local client (shouldSkipLocalBackendSelfPairing and
  // shouldPreserveLocalCliSharedAuthScopes take isLocalClient): one forwarded from a remote address behind a trusted
  // proxy is cleared (8.2 seed-82 restarts fixture c0036).
  const keeper = f.localClient && (switches.deviceLessScopeKeepers.includes(f.clientId) || switches.deviceLessScopeKeepers.includes(`${f.clientId}/${f.clientMode}`));
  // 2026.9.6 (shouldSkipLocalBackendSelfPairing, shouldPreserveLocalCliSharedAuthScopes): only a shared *secret*
  // login keeps them; a trusted-proxy user is cleared like any other (switch scopeKeepersNeedSharedSecret).
  const secretOk = !switches.scopeKeepersNeedSharedSecret || f.authMethod === "token" || f.authMethod === "password";
  if (keeper && !f.hasOrigin && f.sharedAuthOk && secretOk) return false;
  switch (switches.scopeClearing) {
    case "clear-without-device":
      return !f.allowBypass;
    case "preserve-allowed":
      return false;
    case "clear-without-shared-auth":
      // Read in the openclaw@2026.3.2 dist: clearUnboundScopes unless the Control UI bypass or shared auth is ok.
      return !f.allowBypass && !f.sharedAuthOk;
    case "clear-unless-control-ui":
      // Read in the openclaw@2026.3.13 dist: clearUnboundScopes unless an admitted Control UI.
      return !f.cls.isControlUi;
    case "late": {
      const sharedMethod = f.authMethod === "token" || f.authMethod === "password" || f.authMethod === "trusted-proxy";
      const preserveInsecureLocalUi = f.cls.isControlUi && f.allowInsecureAuth && f.isLocal && (f.authMethod === "token" || f.authMethod === "password");
      return sharedMethod && !preserveInsecureLocalUi;
    }
  }
}

/** Whether pairing is skipped for this connection (shouldSkipControlUiPairing and its relatives). */
export function skipsPairing(
  switches: GatewaySwitches,
  f: { cls: ClientClass; role: string; authMethod: string; allowBypass: boolean; sharedAuthOk: boolean; trustedProxyAuthOk: boolean; isLocal: boolean; hasOrigin: boolean; isPaired: boolean },
): boolean {
  // 4.14 … 7.1: every skip below is decided in the not-paired branch only; a paired device is checked as any other.
  if (f.isPaired && !switches.pairingSkipCoversPaired) return false;
  // 2026.9.6 no longer skips pairing for a trusted-proxy operator UI (shouldSkipControlUiPairing has no such case):
  // a device it brings is paired like any other (switch trustedProxyUiSkipsPairing).
  if (f.trustedProxyAuthOk && switches.trustedProxyUiSkipsPairing) return true;
  if (switches.trustedProxySkipsDeviceForAnyClient && f.authMethod === "trusted-proxy") return true;
  if (f.allowBypass && f.sharedAuthOk) return true;
  if (switches.sharedAuthOperatorSkipsPairing && f.role === "operator" && f.sharedAuthOk && !f.cls.isControlUi && !f.cls.isWebchat) return true;
  // shouldSkipControlUiPairing ("auth-none") in the 3.31, 4.14 and 9.6 dists: an operator UI (Control UI, TUI)
  // asking operator in auth mode none is not paired; a device it brings gets no token unless already paired.
  if (switches.controlUiAuthNoneSkipsPairing && f.cls.isControlUi && f.role === "operator" && f.authMethod === "none") return true;
  if (f.cls.isLocalBackend && f.isLocal && !f.hasOrigin && localBackendSkips(switches, f)) return true;
  return false;
}

/** The local backend self-pairing skip on its own (shouldSkipLocalBackendSelfPairing), for the missing-device rule. */
export function localBackendSelfPairing(
  switches: GatewaySwitches,
  f: { cls: ClientClass; authMethod: string; sharedAuthOk: boolean; isLocal: boolean; hasOrigin: boolean },
): boolean {
  return f.cls.isLocalBackend && f.isLocal && !f.hasOrigin && localBackendSkips(switches, { ...f, isPaired: false });
}

function localBackendSkips(switches: GatewaySwitches, f: { authMethod: string; sharedAuthOk: boolean; isPaired: boolean }): boolean {
  const viaDeviceToken = f.authMethod === "device-token" || f.authMethod === "none";
  switch (switches.localBackendPairingSkip) {
    case "never":
      return false;
    case "device-token-or-none":
      return viaDeviceToken && !f.isPaired;
    case "also-shared-secret":
      return viaDeviceToken || (f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"));
    case "device-token-or-shared-secret":
      // Read in the openclaw@2026.4.14 dist (shouldSkipLocalBackendSelfPairing): a device token login, or a shared
      // token or password login that succeeded; mode none is paired like any device. (Consulted for an unpaired
      // device only there: pairingSkipCoversPaired, off for 4.14.)
      return f.authMethod === "device-token" || (f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"));
    case "shared-secret-only":
      // Read in the openclaw@2026.3.13 dist (shouldSkipBackendSelfPairing): a shared token or password login only.
      return f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password");
  }
}

const nativeAppIds = new Set(["openclaw-macos", "openclaw-ios", "openclaw-android", "openclaw-linux", "openclaw-watchos"]);
const nativeAppUiIds = new Set(["openclaw-macos", "openclaw-ios", "openclaw-android", "openclaw-linux"]);

/** Whether a pairing requirement is approved on the spot (silent local pairing). */
export function isSilentPairing(
  switches: GatewaySwitches,
  f: {
    reason: PairingReason; isLocal: boolean; hasOrigin: boolean; cls: ClientClass; clientId: string; role: string; scopes: readonly string[];
    /** The connect's client mode, when known (2026.9's native app UI is one of its app ids in mode ui). */
    clientMode?: string;
    /** isLocalClient (loopback peer and local Host), when known. */
    directLocal?: boolean;
    /** Authenticated with the shared token or password. */
    sharedSecretOk?: boolean;
    /** The device id has a paired record (every upgrade; a first pairing only as a repair under another key). */
    existing?: boolean;
  },
): boolean {
  if (!f.isLocal) return false;
  switch (switches.silentPairing) {
    case "feb":
      return f.reason === "not-paired";
    case "not-paired-or-scope-upgrade":
      // Read in the openclaw@2026.2.22 dist (requirePairing): isLocalClient and a first pairing or a scope upgrade.
      return f.reason === "not-paired" || f.reason === "scope-upgrade";
    case "mar":
      return true;
    case "mar-release":
      // Read in the openclaw@2026.3.13 and 2026.3.31 dists (shouldAllowSilentLocalPairing): no Origin unless a
      // browser UI, and only a first pairing or a scope upgrade; a role or metadata upgrade waits for approval.
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      return f.reason === "not-paired" || f.reason === "scope-upgrade";
    case "first-pairing-no-origin":
      // Read in the openclaw@2026.3.31 dist: the same check, but a scope upgrade is never silent (the #54694 fix).
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      return f.reason === "not-paired";
    case "late": {
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      if (f.reason === "scope-upgrade") return false;
      if (f.reason === "metadata-upgrade") return !f.hasOrigin && !f.cls.isControlUi && (f.cls.isCli || nativeAppIds.has(f.clientId));
      return true;
    }
    case "all-but-node-role-or-scope-upgrade":
      // Read in the openclaw@2026.7.1 dist (requirePairing): silent = reason === "scope-upgrade" ? false : …, the
      // rest as 2026.9.6 (the scope-upgrade veto that 2026.8.2 removed).
      return f.reason !== "scope-upgrade" && silentAllButNodeRoleUpgrade(f);
    case "all-but-node-role-upgrade":
      return silentAllButNodeRoleUpgrade(f);
  }
}

/** 2026.9.6: anything local but an upgrade to the node role, never with an Origin unless a browser UI. */
function silentAllButNodeRoleUpgrade(f: Parameters<typeof isSilentPairing>[1]): boolean {
  if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
  // Read in the 5.28, 6.11, 7.1, 8.2 and 9.6 dists (resolveLocalPairingApproval / requirePairing): a device with a
  // paired record asking any role but operator is never paired silently, whatever the reason (seed-17 configs4
  // c0151: a node scope upgrade's request stays non-silent, so a later operator role upgrade merged into it waits).
  if (f.existing === true && f.role !== "operator") return false;
  // Read in 2026.9.6 (shouldAllowSilentLocalPairing): a metadata upgrade is silent for a direct local native
  // app, or a shared-secret loopback client that is not direct local; never for UIs or with an Origin.
  if (f.reason === "metadata-upgrade") {
    if (f.hasOrigin || f.cls.isControlUi || f.cls.isWebchat) return false;
    // isNativeAppUiClient in the 9.6 dist: the macOS, Linux, iOS or Android app id in mode ui (seed-11 fixture
    // c0123: openclaw-macos in node mode is asked to re-approve).
    return f.directLocal === false ? f.sharedSecretOk === true : f.clientMode === "ui" && nativeAppUiIds.has(f.clientId);
  }
  if (f.scopes.some((scope) => !knownOperatorScopes.has(scope))) return false;
  return f.reason !== "role-upgrade" || f.role === "operator";
}
