// Single-switch mutants of a profile: each behaviour switch flipped alone (booleans negated, enums and numbers
// set to a documented alternative value). The kill-rate gate runs chaos against every mutant of the newest
// profile; a mutant no observable behaviour can tell apart from its parent is listed here with the reason.
// Data only: running a mutant is the kill-rate harness's job (kill-rate.ts).
import { withOpenBugsFixed, type ClientSwitches, type GatewaySwitches, type Profile, type ServiceSwitches } from "../profiles/index.ts";

type Alternatives<S> = { readonly [K in keyof S]: S[K] | ((value: S[K]) => S[K]) };

const flip = (value: boolean): boolean => !value;

/** The alternative each gateway switch takes in a mutant (another release's value where one exists). */
const gatewayAlternatives: Alternatives<GatewaySwitches> = {
  protocolVersion: (v) => v - 1,
  connectSchema: (v) => (v === "late" ? "mar" : "late"),
  probeProtocolFloor: (v) => (v === null ? 3 : null),
  controlUiBuildCheck: flip,
  passwordCountsAsTokenMismatch: flip,
  protocolMismatchDetails: (v) => (v === "coded" ? "expected-only" : "coded"),
  handshakeTimeoutMs: (v) => (v === 10_000 ? 15_000 : 10_000),
  tickIntervalMs: (v) => (v === 30_000 ? 15_000 : 30_000),
  preauthPayloadBytesMax: (v) => (v === null ? 64 * 1024 : null),
  preauthOversizeReason: (v) => (v === "" ? "preauth payload too large" : ""),
  untrustedProxyHeaders: (v) => (v === "refuse-403" ? "not-local" : "refuse-403"),
  proxyPeerWithoutClientIp: (v) => (v === "not-local" ? "peer-address" : "not-local"),
  controlUiOriginSeed: (v) => (v === "off" ? "runtime" : "off"),
  rateLimitedRetryAfter: flip,
  unattributedProxyLimiterKey: flip,
  challengeCapabilities: flip,
  detailCodes: flip,
  recoveryHints: flip,
  signatureSkewMs: (v) => (v === 2 * 60_000 ? 10 * 60_000 : 2 * 60_000),
  nonceRequired: (v) => (v === "always" ? "remote-only" : "always"),
  signatureVersions: (v) => (v.includes("v1") ? ["v3", "v2"] : [...v, "v1"]),
  signatureTokenSource: (v) => (v === "token-only" ? "token-device-bootstrap" : "token-only"),
  controlUiClassifier: (v) => (v === "operator-ui" ? "control-ui-only" : "operator-ui"),
  originRule: (v) => (v === "late" ? "feb" : "late"),
  deviceTokenFallbackReason: (v) => (v === "explicit-only" ? "always-device-token-mismatch" : "explicit-only"),
  originCheckApplies: (v) => (v === "any-origin" ? "ui-only" : "any-origin"),
  allowInsecureAuthRetired: flip,
  allowInsecureAuthRemoteBypass: flip,
  trustedProxySkipsDeviceForAnyClient: flip,
  scopeClearing: (v) => (v === "late" ? "preserve-allowed" : "late"),
  deviceLessScopeKeepers: (v) => (v.length > 0 ? [] : ["cli", "gateway-client"]),
  tokenMissingCharged: flip,
  silentPairing: (v) => (v === "all-but-node-role-upgrade" ? "late" : "all-but-node-role-upgrade"),
  localClientRule: (v) => (v === "is-local" ? "loopback-peer-any-forwarded" : "is-local"),
  localBackendPairingSkip: (v) => (v === "also-shared-secret" ? "device-token-or-none" : "also-shared-secret"),
  workerClaimsClosed: flip,
  chatSendNeedsSessionKey: flip,
  pairingAnswer: (v) => (v === "late" ? "plain" : "late"),
  uiPairingWaitHint: flip,
  revokeRemovesRole: flip,
  pendingRequestPolicy: (v) => (v === "replace-on-growth" ? "replace" : "replace-on-growth"),
  metadataPinning: flip,
  revokeClosesSessions: flip,
  rotateClosesSessions: flip,
  sharedSecretRotationClosesSessions: flip,
  rotateBoundedByCaller: flip,
  rotateScopeBaseline: (v) => (v === "none" ? "approved" : "none"),
  deviceOwnershipRule: flip,
  startupUnavailableMs: (v) => (v === null ? 5_000 : null),
  preauthSocketsPerIpMax: (v) => (v === null ? 32 : null),
  failedAuthDelay: (v) => (v === null ? { baseMs: 250, capMs: 5_000, historyMax: 6, windowMs: 60_000 } : null),
  helloAuthAlways: flip,
  helloAuthMethod: flip,
  helloAuthTokenScopes: flip,
  pairingChecksInSequence: flip,
  inlineApprovalCallerScopes: (v) => (v === "requested" ? "requested-and-approved" : "requested"),
  browserOriginLimiter: flip,
  browserLimiterLoopbackKey: (v) => (v === "shared" ? "url-origin" : "shared"),
  sharedLimiterOnSecretOnly: flip,
  sharedChargeDeferred: flip,
  limiterNeedsConfig: flip,
  authMessageStyle: (v) => (v === "2026.9" ? "mid" : "2026.9"),
  missingScopeAnswer: (v) => (v === "forbidden" ? "invalid-request" : "forbidden"),
  credentialReload: (v) => (v === "hot" ? "restart-in-process" : "hot"),
  configGetScope: (v) => (v === "operator.read" ? "operator.admin" : "operator.read"),
  handshakeTimeoutEnv: flip,
  autoApproveLocalSetting: flip,
  hotReloadPrefixes: (v) => (v.length > 0 ? [] : ["gateway.trustedProxies"]),
  unauthorizedFloodMax: (v) => (v === null ? 10 : null),
  browserCopilotClass: flip,
  connectSecretEitherField: flip,
  sharedAuthIncludesTrustedProxy: flip,
  localBackendSkipsDeviceIdentity: flip,
  deviceLessSharedAuthAnyRole: flip,
  healthNeedsReadScope: flip,
  deviceNonceSchemaOptional: flip,
  unattributableProxyRefused: flip,
  trustedProxyLoopback: (v) => (v === "opt-in" ? "accepted" : "opt-in"),
  nodeHostMetadataNormalization: flip,
  setupCodeCredential: (v) => (v === "bootstrap-token" ? "gateway-secret" : "bootstrap-token"),
  bootstrapHandoffScopes: (v) => (v.includes("operator.questions") ? v.filter((s) => s !== "operator.questions") : [...v, "operator.questions"]),
  bootstrapLimiter: flip,
  bootstrapSilentPairing: (v) => (v === "matching-profile" ? "node-first-pairing" : "matching-profile"),
  nodePairingOnConnect: (v) => (v === "pending-withholds" ? "pending-keeps-declared" : "pending-withholds"),
  nodePairingLimiter: flip,
  nodeRequiresDeviceToken: flip,
  nodePairingNeedsPairedDevice: flip,
  revokedRoleStaysApproved: flip,
  approvalScopeChecks: flip,
  approvalChecksHeldTokenScopes: flip,
  approvalCallerScopesUnderPendingRole: flip,
  connectRolesFromTokens: flip,
  deviceTokenIssuer: flip,
  connectRecordsClient: flip,
  controlUiAuthNoneSkipsPairing: flip,
  pairingSkipCoversPaired: flip,
  approvalKeepsTokenIssuer: flip,
  silentPairingPrune: flip,
  pairListConnected: flip,
  removeDropsPending: flip,
  devicePairRemove: flip,
  scopeKeepersNeedSharedSecret: flip,
  trustedProxyUiSkipsPairing: flip,
  deviceTokenWithinApproval: flip,
  deviceTokenNeedsApprovedRole: flip,
  emptyApprovalNoBaseline: flip,
  roleScopePrefix: flip,
  impliedTokenScopes: flip,
  operatorScopeImplications: flip,
  approvalTokenScopes: (v) => (v === "requested" ? "requested-else-approved" : "requested"),
  approvalTokenKeepsHeldScopes: flip,
  approvalTokenPerRequestedRole: flip,
  detailCodeSet: (v) => (v === "full" ? "early" : "full"),
  sharedAuthOperatorSkipsPairing: flip,
  deviceTokenScopeMismatchReason: flip,
  controlUiInsecureMessage: (v) => (v === "device-identity" ? "https-or-localhost" : "device-identity"),
};

const clientAlternatives: Alternatives<ClientSwitches> = {
  tokenPriority: (v) => (v === "resolved-late" ? "passive-wins" : "resolved-late"),
  deviceTokenRetry: flip,
  staleTokenSelfHeal: flip,
  staleTokenSelfHealWithShared: flip,
  pauseOnDetailCodes: flip,
  tokenMismatchPause: (v) => (v === "unless-retry-pending" ? "after-retry-or-untrusted" : "unless-retry-pending"),
  honourRetryAfter: flip,
  pauseOnDeviceTokenMismatch: flip,
  pendingRetryDroppedWithoutStoredToken: flip,
  backoffInitialMs: (v) => (v === 1_000 ? 250 : 1_000),
  backoffMaxMs: (v) => (v === 30_000 ? 5_000 : 30_000),
  fastRetryMs: (v) => (v === 250 ? 2_000 : 250),
  backoffJitter: (v) => (v === null ? { numerator: 1, denominator: 4 } : null),
  challengeTimeoutMs: (v) => (v === 15_000 ? 2_000 : 15_000),
  challengeTimeoutAction: (v) => (v === "close" ? "connect-without-nonce" : "close"),
  signatureVersion: (v) => (v === "v3" ? "v2" : "v3"),
  protocolVersion: (v) => v - 1,
  insecureWsGuard: flip,
  insecureWsAllows: (v) => (v === "lan-names" ? "env-private-or-name" : "lan-names"),
  connectErrorDetails: flip,
  tuiClientId: (v) => (v === "openclaw-tui" ? "gateway-client" : "openclaw-tui"),
  controlUiSendsBuildId: flip,
  controlUiTokenPerTab: flip,
  controlUiUrlToken: (v) => (v === "query" ? "fragment-first" : "query"),
  controlUiInsecureContextIdentity: flip,
  signedAtSource: (v) => (v === "challenge-ts" ? "client-clock" : "challenge-ts"),
  // The Control UI's own backoff set to the other kinds' (what the model gave the page before it was read).
  controlUiBackoffInitialMs: (v) => (v === 800 ? 1_000 : 800),
  controlUiBackoffFactorPercent: (v) => (v === 170 ? 200 : 170),
  controlUiBackoffMaxMs: (v) => (v === 15_000 ? 30_000 : 15_000),
  controlUiBackoffJitter: (v) => (v === null ? { numerator: 1, denominator: 4 } : null),
  controlUiFastRetryMs: (v) => (v === null ? 250 : null),
  controlUiPasswordCopiesToken: flip,
  controlUiScopes: (v) => (v.includes("operator.questions") ? v.filter((s) => s !== "operator.questions") : [...v, "operator.questions"]),
};

const serviceAlternatives: Alternatives<ServiceSwitches> = {
  unitEmbedsToken: flip,
  serviceTokenResolution: (v) => (v === "config-first-in-service" ? "env-first" : "config-first-in-service"),
  auditCodes: (v) => (v.length > 1 ? ["gateway-token-mismatch"] : ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"]),
  doctorRepair: (v) => (v === "safe" ? "naive" : "safe"),
  customBindFallback: (v) => (v === "all" ? "refuse" : "all"),
  containerDetection: (v) => (v === "none" ? "sentinel-or-fly" : "none"),
  // "persist" (2.22 … 4.22), not "runtime": chaos's operator CLI always holds a device token from its first pairing,
  // so the CLI pre-pairing of "runtime-cli-pairing" is seen only by a CLI without one (a fresh machine; not drawn).
  tokenBootstrap: (v) => (v === "runtime-cli-pairing" ? "runtime" : "runtime-cli-pairing"),
  // 3.2 … 4.22's schema (no trustedProxy.allowLoopback, no gateway.nodes.pairing); from there, 8.2's (none).
  configSchemaGaps: (v) => (v.length === 0 ? ["gateway.auth.trustedProxy.allowLoopback", "gateway.nodes.pairing"] : []),
};

export type SwitchGroup = "gateway" | "client" | "service";

export interface Mutant {
  /** "gateway.detailCodes=false": the group, the switch and its mutated value. */
  readonly name: string;
  readonly group: SwitchGroup;
  readonly switchName: string;
  readonly profile: Profile;
  /** Why no observable behaviour can tell this mutant from its parent; undefined = it must be killed. */
  readonly equivalent?: string;
}

/**
 * Mutants no observable behaviour can distinguish from 2026.9, with the reason (read in src/gateway and
 * src/clients). Keyed by `<group>.<switch>`; checked against the parent profile's values by a test.
 */
export const equivalentMutants: Readonly<Record<string, string>> = {
  "gateway.scopeKeepersNeedSharedSecret":
    "a device-less client keeps its scopes only as a local client (clearsUnboundScopes, as 8.2 records), and a " +
    "trusted-proxy connect 2026.9 admits is forwarded from an address that is not loopback (one forwarded from " +
    "loopback is refused 403, unattributableProxyRefused), so no trusted-proxy login reaches the keeper rule " +
    "(test/chaos/equivalent-mutants.test.ts)",
  "gateway.allowInsecureAuthRemoteBypass":
    "allowInsecureAuthRetired is true, so allowInsecureAuth is never in force and the remote bypass it gates cannot apply",
  "client.staleTokenSelfHeal":
    "the 1008 'device token mismatch' close the self-heal reads always follows, on the same ordered socket, the " +
    "AUTH_DEVICE_TOKEN_MISMATCH answer on which 2026.9's pauseOnDeviceTokenMismatch already cleared the stored token " +
    "and paused, so the self-heal finds nothing to clear; only losing that one answer frame while its close still " +
    "arrives (the simulator's per-frame drop can, a TCP stream cannot) would tell them apart " +
    "(test/chaos/equivalent-mutants.test.ts)",
  "client.staleTokenSelfHealWithShared":
    "it widens the stale-token self-heal to clients given a token or password, and that self-heal reads the 1008 " +
    "'device token mismatch' close, which in 2026.9 always follows, on the same ordered socket, the " +
    "AUTH_DEVICE_TOKEN_MISMATCH answer on which pauseOnDeviceTokenMismatch already cleared the stored token " +
    "whatever credentials were given (as for client.staleTokenSelfHeal; test/chaos/equivalent-mutants.test.ts)",
  "gateway.passwordCountsAsTokenMismatch":
    "connectSecretEitherField is true, so in token mode a password sent without a token is read as the token; the 'password but no token' case this switch decides never arises (password mode does not read it)",
  "gateway.signatureVersions":
    "nonceRequired is always, and a v1 signature (which signs no nonce) is tried only when no nonce is required, so adding v1 to the accepted versions changes no verdict",
  "gateway.connectRolesFromTokens":
    "approvalTokenPerRequestedRole mints a token for every role an approval records (a bootstrap approval for every " +
    "profile role), a connect or device.token.rotate mints only for an approved role, and revokeRemovesRole drops a " +
    "revoked token's role from the approved ones (restored with a new token), so the roles holding a live token are " +
    "the approved roles in every state the gateway reaches; counting one or the other decides alike " +
    "(test/chaos/worlds-gateway.test.ts, the merged-role-approval twist)",
  "gateway.tokenMissingCharged":
    "sharedChargeDeferred is true, which hands the shared check the limiter only when a token or password is sent " +
    "(connect.ts onSecretOnly); a missing secret, the only failure this switch charges, never reaches the limiter " +
    "(test/chaos/equivalent-mutants.test.ts)",
  "gateway.approvalTokenScopes":
    "approvalTokenPerRequestedRole is true, so an approval mints each role's token from roleTokenScopes, which never " +
    "reads approvalTokenScopes (the only reader is the single-role path it replaces) (test/chaos/equivalent-mutants.test.ts)",
  "gateway.approvalCallerScopesUnderPendingRole":
    "approvalScopeChecks is true, and both places that judge an approval (the inline approval of a silent pairing in " +
    "pairing-flow.ts, device.pair.approve in methods.ts) read this switch only when approvalScopeChecks is off, so the " +
    "2026.3.31 caller check it turns on is never consulted (test/chaos/equivalent-mutants.test.ts)",
};

function alternativeOf<S>(table: Alternatives<S>, key: keyof S, value: S[keyof S]): S[keyof S] {
  const alt = table[key];
  return typeof alt === "function" ? (alt as (v: S[keyof S]) => S[keyof S])(value) : (alt as S[keyof S]);
}

function describeValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function groupMutants<S extends object>(parent: Profile, group: SwitchGroup, table: Alternatives<S>): Mutant[] {
  const switches = parent[group] as unknown as S;
  return (Object.keys(table) as (keyof S & string)[]).map((key) => {
    const value = alternativeOf(table, key, switches[key]);
    const name = `${group}.${key}=${describeValue(value)}`;
    const profile: Profile = { ...parent, name: `${parent.name}~${group}.${key}`, [group]: { ...switches, [key]: value } };
    const equivalent = equivalentMutants[`${group}.${key}`];
    return { name, group, switchName: key, profile, ...(equivalent !== undefined ? { equivalent } : {}) };
  });
}

/** Every single-switch mutant of `parent`, gateway switches first, in declaration order. */
export function singleSwitchMutants(parent: Profile): Mutant[] {
  return [
    ...groupMutants(parent, "gateway", gatewayAlternatives),
    ...groupMutants(parent, "client", clientAlternatives),
    ...groupMutants(parent, "service", serviceAlternatives),
  ];
}

/**
 * A mutant by its profile name, `<parent>~<group>.<switch>` (as kill-rate replay commands print it). Mutants are
 * made from the parent with its open bugs fixed, as the kill-rate gate makes them (src/profiles/open-bugs.ts).
 */
export function findMutant(name: string, parents: readonly Profile[]): Profile | undefined {
  const at = name.indexOf("~");
  if (at < 0) return undefined;
  const named = parents.find((p) => p.name === name.slice(0, at));
  if (!named) return undefined;
  const parent = withOpenBugsFixed(named);
  return singleSwitchMutants(parent).find((m) => m.profile.name === name)?.profile;
}
