// The profiles: OpenClaw releases as complete sets of behaviour switches (see types.ts for each switch).
// Values come from spec eras S-Feb / S-Mar / S-Late and from running openclaw@2026.9.6 (spec §13).
// Where the spec leaves a value unpinned the comment says which way we chose and why.
import type { ClientSwitches, GatewaySwitches, Profile, ServiceSwitches } from "./types.ts";

const febGateway: GatewaySwitches = {
  protocolVersion: 3,
  connectSchema: "feb",
  probeProtocolFloor: null,
  controlUiBuildCheck: false,
  passwordCountsAsTokenMismatch: false,
  protocolMismatchDetails: "expected-only",
  handshakeTimeoutMs: 10_000,
  tickIntervalMs: 30_000,
  preauthPayloadBytesMax: null,
  preauthOversizeReason: "preauth payload too large",
  untrustedProxyHeaders: "not-local",
  // As the model was before the switch; 2026.3.2 sets what its dist does (the other dists read agree with it).
  proxyPeerWithoutClientIp: "peer-address",
  // No start-up seeding of Control UI origins before 2026.2.26 (absent from the 2.12, 2.17 and 2.22 dists).
  controlUiOriginSeed: "off",
  rateLimitedRetryAfter: false,
  unattributedProxyLimiterKey: false,
  challengeCapabilities: false,
  detailCodes: false,
  recoveryHints: false,
  signatureSkewMs: 10 * 60_000,
  nonceRequired: "remote-only",
  signatureVersions: ["v2", "v1"],
  signatureTokenSource: "token-only",
  controlUiClassifier: "control-ui-only",
  originRule: "feb",
  deviceTokenFallbackReason: "always-device-token-mismatch",
  originCheckApplies: "ui-only",
  allowInsecureAuthRetired: false,
  allowInsecureAuthRemoteBypass: true,
  trustedProxySkipsDeviceForAnyClient: true,
  scopeClearing: "clear-without-device",
  deviceLessScopeKeepers: [],
  tokenMissingCharged: true,
  silentPairing: "feb",
  localClientRule: "is-local",
  pairingAnswer: "plain",
  uiPairingWaitHint: false,
  revokeRemovesRole: false,
  revokedRoleStaysApproved: false,
  localBackendPairingSkip: "never",
  workerClaimsClosed: false,
  chatSendNeedsSessionKey: false,
  pendingRequestPolicy: "keep-existing",
  metadataPinning: false,
  revokeClosesSessions: false,
  rotateClosesSessions: false,
  sharedSecretRotationClosesSessions: false,
  rotateBoundedByCaller: false,
  rotateScopeBaseline: "none",
  deviceOwnershipRule: false,
  startupUnavailableMs: null,
  preauthSocketsPerIpMax: null,
  failedAuthDelay: null,
  helloAuthAlways: false,
  helloAuthMethod: false,
  helloAuthTokenScopes: false,
  pairingChecksInSequence: false,
  inlineApprovalCallerScopes: "requested-and-approved",
  browserOriginLimiter: false,
  browserLimiterLoopbackKey: "shared",
  sharedLimiterOnSecretOnly: false,
  sharedChargeDeferred: false,
  limiterNeedsConfig: false,
  unauthorizedFloodMax: null,
  credentialReload: "restart-in-process",
  // openclaw@2026.2.12's authorizeGatewayMethod: config.get is not in READ_METHODS, so the "config." prefix
  // makes it admin; 2026.2.22 lists it among the read methods.
  configGetScope: "operator.admin",
  healthNeedsReadScope: true,
  deviceNonceSchemaOptional: true,
  handshakeTimeoutEnv: false,
  autoApproveLocalSetting: false,
  // 2026.2.12 … 2026.4.12 BASE_RELOAD_RULES: only gateway.remote / gateway.reload (no-op) and health-monitor
  // keys the model does not read; every auth-relevant gateway.* change restarts the gateway.
  hotReloadPrefixes: [],
  missingScopeAnswer: "invalid-request",
  authMessageStyle: "mid",
  browserCopilotClass: false,
  connectSecretEitherField: false,
  sharedAuthIncludesTrustedProxy: false,
  localBackendSkipsDeviceIdentity: false,
  deviceLessSharedAuthAnyRole: true,
  unattributableProxyRefused: false,
  // Read in the 2026.2.22, 3.2 and 3.13 dists (authorizeTrustedProxy): no loopback check, and no allowLoopback key
  // in the config schema (trustedProxy is strict: a config naming it is invalid and the gateway will not start).
  trustedProxyLoopback: "accepted",
  nodeHostMetadataNormalization: false,
  // 2026.2.22 qr-cli (read in its dist): the setup code is {url, token, password} from env/config.
  setupCodeCredential: "gateway-secret",
  bootstrapHandoffScopes: [],
  bootstrapLimiter: false,
  bootstrapSilentPairing: "node-first-pairing",
  nodePairingOnConnect: "none",
  nodePairingLimiter: false,
  nodeRequiresDeviceToken: false,
  nodePairingNeedsPairedDevice: false,
  approvalScopeChecks: false,
  deviceTokenWithinApproval: false,
  // Read by ensureDeviceToken only when deviceTokenWithinApproval is on, by device.token.rotate always; 2026.3.13 sets
  // both back (its own profile entry); 2026.2.12, 2.17, 2.22 and 3.2 rotate any role of a paired device.
  deviceTokenNeedsApprovedRole: true,
  emptyApprovalNoBaseline: false,
  // Only read with approvalScopeChecks (off here); as the model did before the switch existed.
  approvalChecksHeldTokenScopes: true,
  // Read in the 2026.2.17, 2.22 and 3.13 dists: approveDevicePairing checks no caller scopes (2026.3.31 does).
  approvalCallerScopesUnderPendingRole: false,
  // Read in the 2026.3.13 dist: the connect compares the paired record's roles (2026.3.31 counts token roles).
  connectRolesFromTokens: false,
  // Read in the 2026.2.17 (scopesAllow), 2.22, 3.13 and 3.31 dists (roleScopesAllow): a non-operator role's scopes
  // are compared by set membership alone, no `<role>.` prefix (the prefix is in the 4.14 dist and later).
  roleScopePrefix: false,
  // Read in the 2026.2.17, 2.22, 3.2 and 3.13 dists: normalizeDeviceAuthScopes only trims, dedupes and sorts.
  impliedTokenScopes: false,
  // On as before the switch existed (the S-Feb bug profiles' verdicts rest on it); the published 2.12 and 2.17
  // compare scopes exactly (profile 2026.2.17).
  operatorScopeImplications: true,
  // The 2026.2.12 and 2026.2.17 dists both send the early text, so the releases between them did too.
  controlUiInsecureMessage: "https-or-localhost",
  // As before the switch existed; the 2026.2.12 and 2026.2.17 dists keep a scope-less request's empty scopes.
  approvalTokenScopes: "requested-else-approved",
  approvalTokenKeepsHeldScopes: false,
  // Read in the 2026.2.12, 2.22, 3.2, 3.13 and 3.31 dists: approveDevicePairing mints the pending role's token alone.
  approvalTokenPerRequestedRole: false,
  detailCodeSet: "full",
  sharedAuthOperatorSkipsPairing: false,
  deviceTokenScopeMismatchReason: false,
  deviceTokenIssuer: false,
  connectRecordsClient: true,
  controlUiAuthNoneSkipsPairing: false,
  pairingSkipCoversPaired: true,
  approvalKeepsTokenIssuer: false,
  silentPairingPrune: false,
  pairListConnected: false,
  removeDropsPending: false,
  devicePairRemove: true,
  scopeKeepersNeedSharedSecret: false,
  trustedProxyUiSkipsPairing: true,
};

const febClient: ClientSwitches = {
  tokenPriority: "stored-first-self-heal",
  deviceTokenRetry: false,
  staleTokenSelfHeal: true,
  staleTokenSelfHealWithShared: false,
  pauseOnDetailCodes: false,
  connectErrorDetails: false,
  pauseOnDeviceTokenMismatch: false,
  pendingRetryDroppedWithoutStoredToken: false,
  tokenMismatchPause: "after-retry-or-untrusted",
  honourRetryAfter: false,
  backoffInitialMs: 1_000,
  backoffMaxMs: 30_000,
  fastRetryMs: 250,
  backoffJitter: null,
  // 2026.2.12 and 2.17 dists (queueConnect): 750 ms after the socket opens with no challenge, connect anyway.
  challengeTimeoutMs: 750,
  challengeTimeoutAction: "connect-without-nonce",
  signedAtSource: "client-clock",
  signatureVersion: "v2",
  protocolVersion: 3,
  insecureWsGuard: false,
  insecureWsAllows: "loopback",
  tuiClientId: "gateway-client",
  controlUiSendsBuildId: false,
  controlUiTokenPerTab: false,
  controlUiUrlToken: "query",
  controlUiInsecureContextIdentity: false,
  // The Control UI's own reconnect backoff, the same in every control-ui bundle read (2026.2.12 … 2026.9.6):
  // 0.8 s, ×1.7 per attempt, at most 15 s, no jitter, and its device-token retry (from 2026.3.13) waits the next
  // ordinary step (provenance.ts names the file of each release).
  controlUiBackoffInitialMs: 800,
  controlUiBackoffFactorPercent: 170,
  controlUiBackoffMaxMs: 15_000,
  controlUiBackoffJitter: null,
  controlUiFastRetryMs: null,
  controlUiPasswordCopiesToken: false,
  controlUiScopes: ["operator.admin", "operator.approvals", "operator.pairing"],
};

// configSchemaGaps, read in each release's zod GatewaySchema (every object on these paths is strict): 2.12 has no
// customBindHost, allowRealIpFallback, rateLimit, trustedProxy, mode none or trusted-proxy; 2.17 adds rateLimit and
// trusted-proxy (without allowLoopback); 2.22 adds the rest but allowLoopback and the Host-header origin fallback
// (3.2); gateway.nodes has no pairing object before 5.28, and that one has no autoApproveLocal before 8.2. 8.2 and
// 9.6 know every key the simulator writes (their schema dropped controlUi.allowInsecureAuth, but they strip it at
// start as a retired legacy key: run here on 2026-12-05, "Migrated legacy config keys at startup", then listening).
// Run here the same evening: 3.2 and 4.22 exit on trustedProxy.allowLoopback ("Unrecognized key"), 5.28 on
// nodes.pairing.autoApproveLocal.
const configGaps212 = [
  "gateway.customBindHost",
  "gateway.allowRealIpFallback",
  "gateway.auth.mode=none",
  "gateway.auth.mode=trusted-proxy",
  "gateway.auth.rateLimit",
  "gateway.auth.trustedProxy",
  "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback",
  "gateway.nodes.pairing",
] as const;
const configGaps217 = ["gateway.customBindHost", "gateway.allowRealIpFallback", "gateway.auth.mode=none", "gateway.auth.trustedProxy.allowLoopback", "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", "gateway.nodes.pairing"] as const;
const configGaps222 = ["gateway.auth.trustedProxy.allowLoopback", "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", "gateway.nodes.pairing"] as const;
const configGaps302 = ["gateway.auth.trustedProxy.allowLoopback", "gateway.nodes.pairing"] as const;
const configGaps528 = ["gateway.nodes.pairing.autoApproveLocal"] as const;

const legacyService: ServiceSwitches = {
  unitEmbedsToken: true,
  serviceTokenResolution: "env-first",
  auditCodes: ["gateway-token-mismatch"],
  doctorRepair: "naive",
  customBindFallback: "all",
  containerDetection: "none",
  tokenBootstrap: "refuse",
  configSchemaGaps: configGaps212,
};

const fixedService: ServiceSwitches = {
  unitEmbedsToken: false,
  serviceTokenResolution: "config-first-in-service",
  auditCodes: ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"],
  doctorRepair: "safe",
  customBindFallback: "refuse",
  containerDetection: "none",
  tokenBootstrap: "persist",
  configSchemaGaps: configGaps302,
};

// Read in the 2026.4.14 and 4.22 dists (isContainerEnvironment: sentinel files and /proc/1/cgroup) and from 5.28
// on (also Fly.io's FLY_MACHINE_ID with FLY_APP_NAME); 3.31 and earlier have no container detection.
const aprService: ServiceSwitches = { ...fixedService, containerDetection: "sentinel" };
// Read in the 5.28, 6.11 and 7.1 dists (ensureGatewayStartupAuth keeps a generated token out of the config; the
// CLI refusal of a non-loopback bind counts configured secrets only) and from 8.2 the CLI pre-pairing too.
const lateService: ServiceSwitches = { ...fixedService, containerDetection: "sentinel-or-fly", tokenBootstrap: "runtime", configSchemaGaps: configGaps528 };
const cliPairingService: ServiceSwitches = { ...lateService, tokenBootstrap: "runtime-cli-pairing", configSchemaGaps: [] };

const marGateway: GatewaySwitches = {
  ...febGateway,
  // Read in the 2026.3.2, 3.13 and 3.31 dists (sharedAuthOk counts a trusted-proxy login, so a device-less client
  // behind the proxy is admitted); recorded from 3.13 (seed-106 trusted-proxy configurations, 2026-12-05). Not in
  // the 2.22 dist (its profile sets it back).
  sharedAuthIncludesTrustedProxy: true,
  // Read in the 2026.3.2, 3.13 and 3.31 dists (maybeSeedControlUiAllowedOriginsAtStartup writes the config file).
  controlUiOriginSeed: "persist",
  controlUiInsecureMessage: "device-identity",
  // Read in the 2026.2.22 and 3.2 dists (rotateDeviceToken: approvedScopes ?? scopes ?? the token's scopes); 3.13
  // and 3.31 check the approved baseline alone (their profiles), as the later releases do (lateGateway).
  rotateScopeBaseline: "approved-else-token",
  // Read in the 2026.3.13 dist: the requested scopes are kept (implied scopes come with 2026.3.31, its own profile).
  impliedTokenScopes: false,
  // openclaw@2026.3.13 dist ensureDeviceToken (2026.3.2 had no such check): approved roles and scope baseline.
  deviceTokenWithinApproval: true,
  deviceLessSharedAuthAnyRole: false,
  healthNeedsReadScope: false,
  deviceNonceSchemaOptional: false,
  configGetScope: "operator.read",
  connectSchema: "mar",
  preauthPayloadBytesMax: 64 * 1024,
  detailCodes: true,
  recoveryHints: true,
  // Not pinned for S-Mar (§3.3, §11.4); we keep the S-Feb 10 min window.
  signatureSkewMs: 10 * 60_000,
  // The S-Mar suite signs v3 (connectReq) and v2 (createSignedDevice) and both pass, so both verify here.
  signatureVersions: ["v3", "v2", "v1"],
  // §10 #30(b) signs over the device token with no auth.token and passes, so the device token counts.
  signatureTokenSource: "token-device-bootstrap",
  // §11.3: S-Mar handler passes isLocalClient to the origin check.
  originRule: "late",
  allowInsecureAuthRemoteBypass: false,
  trustedProxySkipsDeviceForAnyClient: false,
  deviceTokenFallbackReason: "explicit-only",
  scopeClearing: "preserve-allowed",
  silentPairing: "mar-release",
  pendingRequestPolicy: "merge",
};

const lateClient: ClientSwitches = {
  ...febClient,
  // From 2026.2.22 a missing challenge closes the socket after connectDelayMs (default 2 s, clamped 250 … 10 000).
  challengeTimeoutMs: 2_000,
  challengeTimeoutAction: "close",
  tokenPriority: "resolved-late",
  deviceTokenRetry: true,
  staleTokenSelfHeal: true,
  pauseOnDetailCodes: true,
  connectErrorDetails: true,
  signatureVersion: "v3",
  insecureWsGuard: true,
  insecureWsAllows: "env-private-or-name",
  tuiClientId: "openclaw-tui",
  controlUiTokenPerTab: true,
  controlUiUrlToken: "fragment-first",
  // The 2026.3.31 … 2026.7.1 bundles (2026.3 sets the 3.13 list back in its profile).
  controlUiScopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing"],
};

const lateGateway: GatewaySwitches = {
  ...marGateway,
  rotateScopeBaseline: "approved",
  // Read in the 2026.4.14 and 4.22 dists: as 2026.3, and bind auto counts as non-loopback.
  controlUiOriginSeed: "persist-auto",
  // Read in the 2026.3.31, 4.14 and 4.22 dists (authorizeTrustedProxy): a loopback peer is refused
  // trusted_proxy_loopback_source whatever the config, which has no allowLoopback key yet.
  trustedProxyLoopback: "refused",
  // Read in the 2026.4.14 … 2026.9.6 dists: approveDevicePairing mints a token for every requested role.
  approvalTokenPerRequestedRole: true,
  // Read in the 2026.4.14 and 2026.9.6 dists (normalizeDeviceAuthScopes adds the implied scopes).
  impliedTokenScopes: true,
  // Read in the 2026.4.14, 5.28, 6.11, 7.1 and 8.2 dists: roleScopesAllow counts a non-operator role's scope only
  // under its own `<role>.` prefix.
  roleScopePrefix: true,
  // 2026.9.6 answers a device token short of scopes with scope_mismatch; 2026.4 sets it back (not in 4.14).
  deviceTokenScopeMismatchReason: true,
  connectSchema: "late",
  protocolMismatchDetails: "coded",
  signatureSkewMs: 2 * 60_000,
  nonceRequired: "always",
  signatureVersions: ["v3", "v2"],
  controlUiClassifier: "operator-ui",
  originCheckApplies: "any-origin",
  scopeClearing: "late",
  tokenMissingCharged: false,
  silentPairing: "late",
  localBackendPairingSkip: "device-token-or-none",
  pendingRequestPolicy: "replace",
  metadataPinning: true,
  revokeClosesSessions: true,
  rotateClosesSessions: true,
  sharedSecretRotationClosesSessions: true,
  credentialReload: "hot",
  // 2026.4.12 reads OPENCLAW_HANDSHAKE_TIMEOUT_MS (resolvePreauthHandshakeTimeoutMs).
  handshakeTimeoutEnv: true,
  rotateBoundedByCaller: true,
  deviceOwnershipRule: true,
  browserOriginLimiter: true,
  browserLimiterLoopbackKey: "url-origin",
  unauthorizedFloodMax: 10,
  missingScopeAnswer: "forbidden",
  // Was implied by silentPairing "late" before it was a switch; same value, so 2026.4 is unchanged.
  sharedAuthIncludesTrustedProxy: true,
  // Was implied by silentPairing "late" too (2026.4 unchanged); 2026.9 keeps it although its silentPairing differs.
  controlUiAuthNoneSkipsPairing: true,
  // openclaw@2026.4.14 dist (device-bootstrap, qr-cli, message-handler): qr issues a 10 min bootstrap token with
  // PAIRING_SETUP_BOOTSTRAP_PROFILE; no bootstrap limiter scope yet; a first node pairing by it is silent.
  setupCodeCredential: "bootstrap-token",
  bootstrapHandoffScopes: ["operator.approvals", "operator.read", "operator.talk.secrets", "operator.write"],
  bootstrapLimiter: false,
  bootstrapSilentPairing: "node-first-pairing",
  // openclaw@2026.4.14 dist, reconcileNodePairingOnConnect: an unpaired node keeps its declared commands.
  nodePairingOnConnect: "pending-keeps-declared",
};

// openclaw@2026.9.6 (recorded); the 2026.8 profile starts from it.
const gateway96: GatewaySwitches = {
  ...lateGateway,
  // Read in the 2026.5.28, 6.11, 7.1 and 9.6 dists (authorizeTrustedProxy: allowLoopback !== true refuses a loopback
  // peer) and the 8.2 one (its config audit warns that loopback proxy requests are rejected at runtime).
  trustedProxyLoopback: "opt-in",
  // Read in the 9.6 dist (approveDevicePairingInWorker: preserveExistingIssuer); 8.2 and earlier drop it (gateway82).
  approvalKeepsTokenIssuer: true,
  // Read in the 2026.8.2 and 9.6 dists (pruneSupersededSilentPairingsAfterApproval); 7.1 and earlier have none.
  silentPairingPrune: true,
  // Read in the 2026.8.2 and 9.6 dists (device.pair.list: redactPairedDevice with connected); 7.1 and earlier not.
  pairListConnected: true,
  // Read in the 2026.5.28, 6.11, 7.1, 8.2 and 9.6 dists: seeded for the running process only (no config write),
  // from the bind and port it runs with.
  controlUiOriginSeed: "runtime",
  // Read in the 2026.9.6 dist (and the same in 8.2, 7.1, 6.11, 5.28; 4.14 not): resolveApprovedTokenScopes adds the
  // approval's new scopes to the role's held token.
  approvalTokenKeepsHeldScopes: true,
  // Read in the 2026.9.6 dist, as in 8.2 (resolveConnectAuthState deferRateLimitFailure, pendingSharedAuthFailure).
  sharedChargeDeferred: true,
  protocolVersion: 4,
  probeProtocolFloor: 3,
  controlUiBuildCheck: true,
  passwordCountsAsTokenMismatch: true,
  handshakeTimeoutMs: 15_000,
  // Recorded hello-ok.policy.tickIntervalMs is 30000 (the late docs' example says 15000).
  tickIntervalMs: 30_000,
  challengeCapabilities: true,
  preauthOversizeReason: "",
  untrustedProxyHeaders: "refuse-403",
  rateLimitedRetryAfter: true,
  allowInsecureAuthRetired: true,
  // Recorded: cli/cli and gateway-client/backend keep requested scopes without a device; test/test and probes are cleared.
  deviceLessScopeKeepers: ["cli/cli", "gateway-client/backend"],
  // Recorded: loopback scope upgrades are silent, role upgrades never; a loopback socket with a foreign Host still pairs silently.
  silentPairing: "all-but-node-role-upgrade",
  // Read in the 2026.9.6 dist (hasForwardedRequestHeaders: any X-Forwarded-* header), the same in 8.2, 7.1, 6.11,
  // 5.28; 7.1 seed-23 configs4 c0031 (a proxied TUI with X-Forwarded-User only: not local, its loopback Origin refused).
  localClientRule: "loopback-peer-any-forwarded",
  localBackendPairingSkip: "also-shared-secret",
  workerClaimsClosed: true,
  chatSendNeedsSessionKey: true,
  pairingAnswer: "late",
  uiPairingWaitHint: true,
  pendingRequestPolicy: "replace-on-growth",
  revokeRemovesRole: true,
  // Read in the 2026.9.6 dist (resolveDeviceTokenUpdateContext: listApprovedPairedDeviceRoles; the connect counts
  // listEffectivePairedDeviceRoles), the same in 8.2, 7.1, 6.11, 5.28; seed-29 configs c0240, seed-17 configs4.
  revokedRoleStaysApproved: true,
  // Recorded: ready 4.4–6.4 s after the port opens.
  startupUnavailableMs: 5_000,
  preauthSocketsPerIpMax: 32,
  failedAuthDelay: { baseMs: 250, capMs: 5_000, historyMax: 6, windowMs: 60_000 },
  helloAuthAlways: true,
  helloAuthMethod: true,
  authMessageStyle: "2026.9",
  browserCopilotClass: true,
  connectSecretEitherField: true,
  localBackendSkipsDeviceIdentity: true,
  unattributableProxyRefused: true,
  // Read in the 2026.9.6 dist; on since the pairing fixes of 2026-12-04 (seed-2026 fixture 194 → 1).
  nodeHostMetadataNormalization: true,
  // openclaw@2026.9.6 dist: the limited setup profile adds operator.questions (qr downgrades to it for a
  // plaintext LAN URL); limiter scope bootstrap-token; silent setup pairing only for a matching client class.
  bootstrapHandoffScopes: ["operator.approvals", "operator.questions", "operator.read", "operator.talk.secrets", "operator.write"],
  bootstrapLimiter: true,
  bootstrapSilentPairing: "matching-profile",
  nodePairingOnConnect: "pending-withholds",
  nodePairingLimiter: true,
  nodeRequiresDeviceToken: true,
  // Read in the 2026.9.6 and 2026.8.2 dists (requestNodePairing: no paired device record throws; the connect
  // handler's catch closes the socket without answering); seed-29 configs fixture c0183.
  nodePairingNeedsPairedDevice: true,
  // Read in the 2026.9.6 dist (approveDevicePairingInWorker, resolveScopeOutsideRequestedRoles).
  approvalScopeChecks: true,
  // Read in the 2026.9.6 dist (issueGatewayConnectDeviceTokens, verifyDeviceTokenInWorker, ensureDeviceTokenInWorker
  // and the connect's clientAccessMetadata); seed-21 fixture 25 → 0, seed-99 41 → 0.
  deviceTokenIssuer: true,
  connectRecordsClient: false,
  // Read in the 2026.9.6 dist (removePairedDeviceInWorker); seed-23 configs fixture c0070.
  removeDropsPending: true,
  // Read in the 2026.9.6 dist (isSharedSecretAuthMethod in the keeper rules); seed-23 configs fixture, trusted-proxy.
  scopeKeepersNeedSharedSecret: true,
  // Read in the 2026.9.6 dist (shouldSkipControlUiPairing: tailscale-device and auth-none only); seed-23 configs.
  trustedProxyUiSkipsPairing: false,
  autoApproveLocalSetting: true,
  // openclaw@2026.9.6 CORE_RELOAD_POLICIES "hot" entries the model reads (config-reload-plan in its dist).
  hotReloadPrefixes: [
    "gateway.controlUi.allowedOrigins",
    "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback",
    "gateway.nodes.pairing",
    "gateway.auth.rateLimit",
    "gateway.trustedProxies",
    "gateway.allowRealIpFallback",
    "gateway.auth.allowTailscale",
    "gateway.auth.trustedProxy",
  ],
};

// openclaw@2026.8.2 (recorded, seed 5, 2 configs): 139 divergent attempts under 2026.9, 5 with these four.
const gateway82: GatewaySwitches = {
  ...gateway96,
  // Read in the 8.2 dist (approveDevicePairing builds the token without an issuer; 5.28 … 7.1 the same): 7.1 seed-85
  // restarts fixture 4 → 0.
  approvalKeepsTokenIssuer: false,
  helloAuthMethod: false,
  connectSecretEitherField: false,
  passwordCountsAsTokenMismatch: false,
  uiPairingWaitHint: false,
  // Read in the 2026.8.2 dist (resolveConnectAuthState deferRateLimitFailure, resolveConnectAuthDecision finish,
  // message-handler settleRejectedSharedAuthFailure): with a device identity and a device-token candidate a wrong
  // shared secret is charged only once the connect is refused; seed-37 configs4 fixture 6 → 2 (k4-token-rl2-strict
  // c0085, c0185, c0207, c0248). The 9.6 dist has the same (gateway96).
  sharedChargeDeferred: true,
};

// openclaw@2026.7.1, from 2026.8.2 with what its dist and its seed-5 recording show differently.
const gateway71: GatewaySwitches = {
  ...gateway82,
  // Read in the 2026.7.1 dist (and 6.11, 5.28): no pruneSupersededSilentPairedDevices and no approvedVia.
  silentPairingPrune: false,
  // Read in the 2026.7.1, 6.11, 5.28 and 4.22 dists: device.pair.list has no connected field.
  pairListConnected: false,
  // Read in the 2026.7.1 dist (message-handler): the Control UI / auth-none and local-backend skips apply only when
  // the device is not paired; a paired TUI in auth mode none is checked for role and scope upgrades (seed-81
  // restarts fixture, none configuration: 9 divergent attempts without this; 4.14 … 6.11 have the same branch).
  pairingSkipCoversPaired: false,
  // Read in the 2026.7.1 dist (schema ConnectParamsSchema: Type.Enum ids and modes, no buildId or transports).
  connectSchema: "jul",
  // Read in the 2026.7.1 dist (message-handler hello-ok: deviceToken ? deviceToken.scopes : scopes).
  helloAuthTokenScopes: true,
  // Read in the 2026.7.1 dist: no worker admission in the connect handler.
  workerClaimsClosed: false,
  // Read in the 2026.7.1 dist (formatGatewayAuthFailureMessage: the mid hints, no local-CLI variant).
  authMessageStyle: "mid",
  // Read in the 2026.7.1 dist (server-methods: INVALID_REQUEST "missing scope: …").
  missingScopeAnswer: "invalid-request",
  // Read in the 2026.7.1 dist (requirePairing): a scope upgrade is never silent, else as 2026.9.6.
  silentPairing: "all-but-node-role-or-scope-upgrade",
  // Read in the 2026.7.1 dist: no gateway.nodes.pairing.autoApproveLocal anywhere in it.
  autoApproveLocalSetting: false,
  // Read in the 2026.7.1 dist: no normalizeNodeHostCompatibilityMetadata (8.2 and 9.6 have it).
  nodeHostMetadataNormalization: false,
  // Read in the 2026.7.1 dist (requirePairing for metadata, role, then scope upgrades against the stored record).
  pairingChecksInSequence: true,
  // Read in the 2026.7.1 dist (shouldSkipLocalBackendSelfPairing: mode none, device token or shared secret; used in
  // the not-paired branch only, which pairingSkipCoversPaired says).
  localBackendPairingSkip: "also-shared-secret",
  // Read in the 2026.7.1 dist (requirePairing: approveDevicePairing(…, { callerScopes: scopes })).
  inlineApprovalCallerScopes: "requested",
  // Read in the 2026.7.1 dist: no client.buildId in the schema, the connect handler or the Control UI assets.
  controlUiBuildCheck: false,
  // Read in the 2026.7.1 dist (config-reload-plan): every gateway.* key but remote, reload and the channel health
  // knobs restarts the gateway; no hot credential swap.
  hotReloadPrefixes: [],
  credentialReload: "restart-in-process",
  // Read in the 2026.5.28, 6.11 and 7.1 dists (no ingress attribution check; 8.2 has it) and recorded from 7.1
  // (seed 23, trusted-proxy configuration: 12 upgrades without X-Forwarded-For accepted, not answered 403).
  unattributableProxyRefused: false,
  // Read in the 2026.7.1 dist: node pairing requests have a store of their own (no 'node pairing requires a paired
  // device'; 8.2 and 9.6 have it).
  nodePairingNeedsPairedDevice: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28): the unauthorized answer carries details only, no retryable or
  // retryAfterMs, even for rate_limited (8.2 adds them).
  rateLimitedRetryAfter: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28: resolveClientIp, normalizeRateLimitClientIp): a trusted proxy's
  // request without X-Forwarded-For is limited under "unknown", not loopback-exempt.
  unattributedProxyLimiterKey: true,
  // Read in the 2026.7.1 dist (resolveConnectAuthState: no deferRateLimitFailure): a wrong secret is charged at
  // once (8.2 holds it until the connect is refused).
  sharedChargeDeferred: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28): no 'authenticated node pairing identity unavailable' (8.2 has it).
  nodeRequiresDeviceToken: false,
  // Read in the 2026.7.1, 6.11 and 5.28 dists (resolveConnectAuthState, resolveConnectAuthDecision): the shared
  // check gets the limiter only when a token or password is sent and charges a wrong one at once, device or not;
  // a device-token success resets it. 8.2 defers the charge until the fallback fails (left off there). Their
  // recordings replay alike either way.
  sharedLimiterOnSecretOnly: true,
};

// Matched against the real @openclaw/gateway-client@2026.9.1 run inside the world (sim/real-client/compare.ts).
const client96: ClientSwitches = { ...lateClient, insecureWsAllows: "lan-names", controlUiPasswordCopiesToken: true,
      controlUiScopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.questions", "operator.pairing"], protocolVersion: 4, pauseOnDeviceTokenMismatch: true, tokenMismatchPause: "unless-retry-pending", honourRetryAfter: true, challengeTimeoutMs: 15_000, controlUiSendsBuildId: true,
      controlUiInsecureContextIdentity: true,
      // PR #116679 (merged 2026-07-31): sign with the challenge's ts; read from @openclaw/gateway-client@2026.9.1.
      signedAtSource: "challenge-ts" };

// The 2026.7.1 client was not run or read: 2026.8's client, without the challenge-ts signing (PR #116679, merged
// 2026-07-31, after 2026.7.1 was published) and without a Control UI build id (none in the 7.1 Control UI assets).
const client71: ClientSwitches = { ...client96, controlUiPasswordCopiesToken: false, controlUiScopes: lateClient.controlUiScopes, controlUiInsecureContextIdentity: false, signedAtSource: "client-clock", controlUiSendsBuildId: false };

// openclaw@2026.6.11 and 2026.5.28: 2026.7.1's handler (what 2026.7 sets apart from 2026.8 checked in both dists) before two changes.
const gatewayJun: GatewaySwitches = {
  ...gateway71,
  // Read in the 2026.6.11 and 2026.5.28 dists: no shouldPreserveLocalCliSharedAuthScopes, so a device-less cli/cli
  // loses its scopes like any shared-secret client; the local backend's self-pairing skip keeps them.
  deviceLessScopeKeepers: ["gateway-client/backend"],
  // Read in the 2026.6.11 and 2026.5.28 dists: the protocol check logs probeMin=4 (no protocol-3 probes).
  probeProtocolFloor: null,
  // Read in the 2026.6.11 and 2026.5.28 dists (requestDevicePairing refreshes only the same snapshot): a subset
  // re-request replaces the pending one under a new requestId; 2026.7.1 has PR #98145's covered-by-existing refresh.
  pendingRequestPolicy: "replace-merged",
};

/** The 2026.4 profile's gateway: openclaw@2026.4.14 (read in its dist, replayed against its recordings). */
const gateway414: GatewaySwitches = {
  ...lateGateway,
  // Read in the 4.14 … 7.1 dists: a pairing skip sits in the not-paired branch only (see gateway71).
  pairingSkipCoversPaired: false,
  connectSchema: "apr",
  missingScopeAnswer: "invalid-request",
  deviceTokenScopeMismatchReason: false,
  // Read in the 2026.4.14 dist (connect handler): after a silent role upgrade the scope check still runs against
  // the record read before the connect, so a node paired with no scopes asking operator scopes is refused
  // scope-upgrade (seed-5 fixture c0033, c0051).
  pairingChecksInSequence: true,
  // Read in the 2026.4.14 dist (isLocalDirectRequest): a loopback peer without forwarded headers is local
  // whatever its Host, for the origin check as for pairing (seed-5 fixture c0057).
  localClientRule: "loopback-peer",
  // Read in the 2026.4.14 dist (connect handler): protocol mismatch details are { expectedProtocol: 3 } alone.
  protocolMismatchDetails: "expected-only",
  // Read in the 2026.4.14 dist (approveDevicePairing, and the connect's inline approval with callerScopes = the
  // requested scopes): a request whose scope no requested role prefixes is forbidden, and the request's operator
  // scopes must be within the caller's; a refused silent pairing stays pending (seed-11 fixture c0009, c0016).
  approvalScopeChecks: true,
  inlineApprovalCallerScopes: "requested",
  approvalChecksHeldTokenScopes: false,
  // Read in the 2026.4.14 dist (shouldSkipLocalBackendSelfPairing, consulted only for a device not paired yet, which
  // pairingSkipCoversPaired says): a local gateway-client/backend on the shared secret or its device token is
  // admitted unpaired and gets no device token; mode none is not skipped (seed-19 configs4 fixture, k2-token c0005).
  localBackendPairingSkip: "device-token-or-shared-secret",
  // Read in the 2026.4.14 dist (requestDevicePairing + reconcilePendingPairingRequests): a request that differs
  // from the pending one in role, roles or scopes replaces it with a new requestId, carrying every pending role
  // and scope (seed-19 configs4 c0029: a node asking no scopes after a node asking operator.admin stays pending,
  // its merged request refused).
  pendingRequestPolicy: "replace-merged",
  // Read in the 2026.4.14 and 2026.4.22 dists (createGatewayAuthRateLimiters, resolveConnectAuthState, net
  // resolveClientIp + normalizeRateLimitClientIp): the per-address limiter exists only with gateway.auth.rateLimit
  // set; the shared-secret check gets it only when a token or password is sent, and charges a wrong one even with
  // a device identity; a loopback trusted proxy's connect without X-Forwarded-For has no client address and is
  // counted under "unknown", not loopback-exempt (4.22 seed-17 configs4 96 → 0, seed-7 configs4 1 → 0, 4.14
  // seed-43 configs4 2 → 0).
  limiterNeedsConfig: true,
  sharedLimiterOnSecretOnly: true,
  unattributedProxyLimiterKey: true,
};

export const profiles: readonly Profile[] = [
  {
    name: "2026.2.12",
    era: "observed",
    summary: "what openclaw@2026.2.12 does (read in its dist, replayed against its recordings): as 2026.2.17, but a device-less shared-secret session keeps its scopes and a failed device-token fallback reports the shared token's reason; its client puts the stored device token first",
    // Read in the openclaw@2026.2.12 dist, connect handler: no scope clearing for a session without a device (the
    // 2.17 dist clears them), and a plain auth.token that fails as a device token is refused with the shared
    // auth's reason. Conformance seeds 5 and 7 (2,000 attempts): 30 and 14 divergent under 2026.2.17, 2 and 0 with these two.
    gateway: { ...febGateway, silentPairing: "mar", operatorScopeImplications: false, approvalTokenScopes: "requested", scopeClearing: "preserve-allowed", deviceTokenFallbackReason: "explicit-only",
      // No device.pair.remove handler in the 2.12 dist (conformance seed 17, configs 4: c0057-op).
      devicePairRemove: false,
      // rotateDeviceToken in the 2.12 dist needs a paired device and a role name, not an approved role (seed-19
      // configs4 c0228-op: rotate for operator on a node-only device answers ok).
      deviceTokenNeedsApprovedRole: false },
    // GatewayClient.sendConnect in the 2.12 dist: stored device token ?? opts.token (before the 2.14 regression);
    // on a failed connect with both it clears the stored token.
    client: febClient,
    service: legacyService,
  },
  {
    name: "2026.2.13",
    era: "S-Feb",
    summary: "Feb 2026: no detail codes, 10 min skew, nonce optional on loopback; client prefers its stored device token and self-heals",
    gateway: febGateway,
    client: febClient,
    service: legacyService,
  },
  {
    name: "2026.2.14",
    era: "S-Feb",
    summary: "the token-priority regression (seed 004): passive config/env token beats the stored device token, no self-heal",
    gateway: febGateway,
    client: { ...febClient, tokenPriority: "passive-wins", staleTokenSelfHeal: false },
    service: legacyService,
  },
  {
    name: "2026.2.17",
    era: "observed",
    summary: "the published 2026.2.17 release (2026.2.19 already asks approval for a local scope upgrade, issue #22616), read in the 2.17 dist and replayed against its recordings: any local pairing silent, scopes compared exactly, passive token before the stored one",
    // Read in the 2026.2.17 dist (and the same in 2026.2.12): requirePairing passes silent = isLocalClient whatever
    // the reason, scopesAllow is set membership with no operator implications.
    gateway: { ...febGateway, silentPairing: "mar", operatorScopeImplications: false, approvalTokenScopes: "requested",
      // rotateDeviceToken (resolveDeviceTokenUpdateContext) in the 2.17 dist: a paired device, any role name.
      deviceTokenNeedsApprovedRole: false },
    // GatewayClient.sendConnect: opts.token ?? stored (the 2.14 regression is still there); the close handler
    // clears the stored token on 1008 "device token mismatch".
    // staleTokenSelfHealWithShared: matched against the real client of openclaw@2026.2.17 (pnpm sim gate --client
    // real@2026.2.17, stories seed-004-stale-token-paired and wrong-token-bogus-stored).
    client: { ...febClient, tokenPriority: "passive-wins", staleTokenSelfHeal: true, staleTokenSelfHealWithShared: true },
    service: { ...legacyService, configSchemaGaps: configGaps217 },
  },
  {
    name: "2026.2.22",
    era: "observed",
    summary: "what openclaw@2026.2.22 does (read in its dist, replayed against its recording): early detail codes, auth.deviceToken, nonce always, 2 min skew, shared-token operators skip pairing; CVE-2026-32034 fixed",
    // Read in the openclaw@2026.2.22 dist; the connect handler is already the S-Mar one in most respects, so the
    // profile starts from it and sets back what 2.22 does not have yet (seed-5 fixture: 124 → 0).
    gateway: {
      ...marGateway,
      // Read in the 2.22 dist: sharedAuthOk is a token or password login only (3.2 adds trusted-proxy).
      sharedAuthIncludesTrustedProxy: false,
      // Read in the 2.22 dist: no start-up seeding of Control UI origins (it comes with 2026.2.26).
      controlUiOriginSeed: "off",
      connectSchema: "feb-device-token",
      detailCodeSet: "early",
      recoveryHints: false,
      signatureSkewMs: 2 * 60_000,
      nonceRequired: "always",
      signatureVersions: ["v2"],
      originRule: "feb",
      scopeClearing: "clear-without-device",
      silentPairing: "not-paired-or-scope-upgrade",
      sharedAuthOperatorSkipsPairing: true,
      preauthPayloadBytesMax: null,
      impliedTokenScopes: false,
      deviceTokenWithinApproval: false,
      // Read in the 2.22 dist (resolveClientIp, isLocalDirectRequest, normalizeRateLimitClientIp; the server creates
      // its one connect limiter only with gateway.auth.rateLimit): a trusted proxy's connect without X-Forwarded-For
      // has no client IP, so it is not local and the limiter keys it "unknown" (not loopback-exempt); seed-17
      // configs4 fixture 4 → 0 (the first switch alone does it; the other two change no recorded attempt).
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true,
      proxyPeerWithoutClientIp: "not-local",
      // rotateDeviceToken (resolveDeviceTokenUpdateContext) in the 2.22 dist: a paired device, any role name.
      deviceTokenNeedsApprovedRole: false,
    },
    // insecureWsGuard: matched against the real client of openclaw@2026.2.22 (pnpm sim gate --client
    // real@2026.2.22, story remote-plaintext): it refuses ws:// to a non-loopback host before opening a socket.
    // 2.22's queueConnect is a 2 s watchdog that closes the socket ("connect challenge timeout"), as later releases.
    // tokenPriority: GatewayClient.sendConnect in the 2.22 dist sends opts.token when it has one and the stored device
    // token (also as auth.deviceToken) only without it; its callers (the CLI's callGateway, the TUI, the node host)
    // hand it the token they resolved from flags, config or environment alike, so a passive token wins too. No
    // §7.3 retry in that class; the self-heal only without a token or password (febClient's values).
    client: { ...febClient, tokenPriority: "resolved-late", insecureWsGuard: true, challengeTimeoutMs: 2_000, challengeTimeoutAction: "close" },
    // Read in the 2.22 dist (resolveGatewayRuntimeConfig): bind=custom refuses an unusable customBindHost.
    service: { ...legacyService, customBindFallback: "refuse", tokenBootstrap: "persist", configSchemaGaps: configGaps222 },
  },
  {
    name: "2026.3.2",
    era: "observed",
    summary: "what openclaw@2026.3.2 does (read in its dist, replayed against its recording): the 2026.3.13 handler without recovery hints, the origin detail code or auth.bootstrapToken, any token for a paired device, and scopes kept by a device-less session whose shared secret was right",
    // Read in the openclaw@2026.3.2 dist (connect handler, ConnectParamsSchema, ensureDeviceToken) and replayed
    // against its recording (seed-5 fixture: 251 divergent attempts under 2026.3, 0 with these).
    gateway: {
      ...marGateway,
      connectSchema: "feb-device-token",
      recoveryHints: false,
      detailCodeSet: "device",
      signatureSkewMs: 2 * 60_000,
      nonceRequired: "always",
      signatureVersions: ["v3", "v2"],
      // Read in the 3.2 dist: enforceOriginCheckForAnyClient = an Origin header and no X-Forwarded-For / X-Real-IP
      // (3.13 drops the proxy condition); recorded from 3.2 seed 107, trusted-proxy configuration (6 → 0).
      originCheckApplies: "any-origin-unproxied",
      browserOriginLimiter: true,
      scopeClearing: "clear-without-shared-auth",
      localBackendPairingSkip: "shared-secret-only",
      metadataPinning: true,
      deviceTokenWithinApproval: false,
      deviceTokenNeedsApprovedRole: false,
      proxyPeerWithoutClientIp: "not-local",
      // Read in the 3.2 dist (seed-17 configs4 fixture: 82 -> 0, seed 11 stays 0): device-token checks and the
      // shared check beside a device token are keyed "unknown" for a trusted proxy naming no client, and the
      // connect limiter exists only with gateway.auth.rateLimit.
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true,
    },
    // The client of 2026.3.13 (the 2026.3 profile's) but for one value read in the 3.2 dist and matched against
    // its real client (pnpm sim gate --client real@2026.3.2): a failed connect rejects with the message alone, so the
    // client sees no detail code, never pauses and never retries with its device token.
    client: { ...lateClient, tuiClientId: "gateway-client", controlUiScopes: febClient.controlUiScopes, connectErrorDetails: false, insecureWsAllows: "env-private-ip" },
    service: fixedService,
  },
  {
    name: "2026.3",
    era: "S-Mar",
    summary: "the real test suite's era, anchored on openclaw@2026.3.13: detail codes and recovery hints, one bounded device-token retry, tokenless units; S-Feb client ids (the TUI connects as gateway-client), nonce always, 2 min skew, origin check for any Origin, device-less clients other than the Control UI lose their scopes",
    // Read in the openclaw@2026.3.13 dist (connect handler, ConnectParamsSchema, device-pairing) and replayed
    // against its recording (seed-5 fixture: 57 → 0 divergent attempts).
    gateway: {
      ...marGateway,
      rotateScopeBaseline: "approved",
      connectSchema: "feb-bootstrap-token",
      signatureSkewMs: 2 * 60_000,
      nonceRequired: "always",
      signatureVersions: ["v3", "v2"],
      originCheckApplies: "any-origin",
      browserOriginLimiter: true,
      scopeClearing: "clear-unless-control-ui",
      localBackendPairingSkip: "shared-secret-only",
      metadataPinning: true,
      deviceTokenNeedsApprovedRole: false,
      emptyApprovalNoBaseline: true,
      // Read in the 3.13 dist (resolveClientIp + isLocalDirectRequest, normalizeRateLimitClientIp,
      // createGatewayAuthRateLimiters): a trusted proxy's connect without X-Forwarded-For has no client IP, so it is
      // not local and the limiter keys it "unknown" (not loopback-exempt), and the per-address limiter exists only
      // with gateway.auth.rateLimit (the browser-origin one always); seed-17 configs4 fixture 87 → 0 with all three.
      // proxyPeerWithoutClientIp was held back until the model seeded Control UI origins at start for a non-loopback
      // bind as the 3.13 dist does (controlUiOriginSeed), since without that seeding chaos reported a loopback
      // Control UI behind a trusted proxy refused its origin, which the real release admits.
      proxyPeerWithoutClientIp: "not-local",
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true,
      // Read in the 3.13 dist (authorizeGatewayConnect): a missing token or password returns before the limiter
      // records a failure; 2.17, 2.22 and 3.2 still charge it. Seed-37 configs4 fixture 2 → 0.
      tokenMissingCharged: false,
    },
    // The 3.13 schema has no openclaw-tui id: its TUI connects as gateway-client (mode ui, display name openclaw-tui).
    client: { ...lateClient, tuiClientId: "gateway-client", controlUiScopes: febClient.controlUiScopes },
    service: fixedService,
  },
  {
    name: "2026.3.31",
    era: "observed",
    summary: "what openclaw@2026.3.31 does (read in its dist, replayed against its recording): the 2026.3 handler with node pairing at connect (commands withheld while pending), nonce always, 2 min skew, TUI counted as Control UI, origin check for any Origin, scopes of device-less shared-secret clients cleared",
    // Read in the openclaw@2026.3.31 dist; seed-5 fixture 10 → 1 divergent attempts.
    gateway: {
      ...marGateway,
      rotateScopeBaseline: "approved",
      // Read in the 2026.3.31 dist: a loopback trusted proxy is always refused (as 4.14 and 4.22, lateGateway).
      trustedProxyLoopback: "refused",
      nodePairingOnConnect: "pending-withholds",
      impliedTokenScopes: true,
      signatureSkewMs: 2 * 60_000,
      nonceRequired: "always",
      controlUiClassifier: "operator-ui",
      originCheckApplies: "any-origin",
      browserOriginLimiter: true,
      scopeClearing: "late",
      silentPairing: "first-pairing-no-origin",
      localClientRule: "loopback-peer",
      revokeClosesSessions: true,
      rotateClosesSessions: true,
      controlUiAuthNoneSkipsPairing: true,
      // Read in the 2026.3.31 dist (approveDevicePairing, callerScopes = the connect's requested scopes inline): the
      // request's operator scopes with the implied ones must be allowed to the caller under the request's role, so
      // a node-host asking role node with operator.admin stays pending (seed-19 configs4 fixture, k2-token c0021).
      approvalCallerScopesUnderPendingRole: true,
      // Read in the 2026.3.31 dist (requestDevicePairing): a re-request that differs in role, roles or scopes
      // replaces the pending one under a new requestId with the new role and every pending role and scope (the
      // 3.13 dist merged into the pending request, keeping its role): k2-token c0046, a TUI asking operator after the
      // same device's node request, is approved as operator.
      pendingRequestPolicy: "replace-merged",
      // Read in the 2026.3.31 dist (connect handler: listEffectivePairedDeviceRoles = the roles of unrevoked tokens):
      // after c0046's approval of a request merged from a node and an operator connect, the device holds only an
      // operator token, so its node connect c0078 is a role upgrade (not silent in 3.31).
      connectRolesFromTokens: true,
      // Read in the 2026.3.31 dist (createGatewayAuthRateLimiters, resolveConnectAuthState, net resolveClientIp +
      // normalizeRateLimitClientIp), the same three facts as 2026.4.14: no per-address limiter without
      // gateway.auth.rateLimit; the shared check gets it only when a token or password is sent, charges a wrong one
      // with or without a device identity and is reset by a device-token success; a loopback trusted proxy's connect
      // without X-Forwarded-For is counted under "unknown", not loopback-exempt (seed-43 configs4 fixture 2 → 0:
      // k4-password-rl3-strict-proxies c0230, c0250; the other nine recordings stay at 0).
      limiterNeedsConfig: true,
      sharedLimiterOnSecretOnly: true,
      unattributedProxyLimiterKey: true,
      // Read in the 2026.3.31 dist (authorizeGatewayConnect): a missing token or password is answered without a
      // limiter failure (seed-29 configs4 fixture, k4-password-rl3 c0176: the browser-origin loopback limiter is not
      // locked by earlier password-less connects). The 3.13 dist reads the same (2026.3 has it too).
      tokenMissingCharged: false,
    },
    // Matched against the real client of openclaw@2026.3.31 run inside the world (pnpm sim gate --client
    // real@2026.3.31): it waits the 10 s pre-auth default for connect.challenge, as 4.14 does.
    client: { ...lateClient, challengeTimeoutMs: 10_000 },
    service: fixedService,
  },
  {
    name: "2026.4",
    era: "S-Late",
    summary: "split handler (#63344 era): nonce always, 2 min skew, TUI counted as Control UI, device-less token clients lose scopes",
    // openclaw@2026.4.14 dist (protocol ConnectParamsSchema, method scopes), replayed against its recording:
    // the S-Mar schema plus auth.bootstrapToken (no client.buildId, no transports), and a missing scope answered
    // INVALID_REQUEST "missing scope: …" (seed-5 fixture 58 → 8 divergent attempts).
    gateway: gateway414,
    // Matched against the real client of openclaw@2026.4.14 run inside the world (pnpm sim gate --client
    // real@2026.4.14): with no connectDelayMs it waits the 10 s pre-auth default for connect.challenge.
    client: { ...lateClient, challengeTimeoutMs: 10_000 },
    service: aprService,
  },
  {
    name: "2026.4.22",
    era: "observed",
    summary: "what openclaw@2026.4.22 does (read in its dist, replayed against its recording): the 2026.4.14 handler with the enum connect schema, hello-ok.auth always (scopes from the device token), the late pairing answer, and a device-less local backend keeping its scopes",
    // Read in the openclaw@2026.4.22 dist (server.impl, connect-error-details) and replayed against its seed-5
    // recording: 559 divergent attempts under 2026.4, 0 with these five.
    gateway: {
      ...gateway414,
      connectSchema: "jul",
      helloAuthAlways: true,
      helloAuthTokenScopes: true,
      pairingAnswer: "late",
      deviceLessScopeKeepers: ["gateway-client/backend"],
    },
    // The 2026.4.14 client's values: the real client of openclaw@2026.4.22 run inside the world agrees with them
    // (pnpm sim gate --client real@2026.4.22: 0 of 10 stories and 0 of 19 files differ).
    client: { ...lateClient, challengeTimeoutMs: 10_000 },
    service: aprService,
  },
  {
    name: "2026.5",
    era: "observed",
    summary: "what openclaw@2026.5.28 does (read in its dist, replayed against its seed-5 recording): the 2026.6 handler as far as read and recorded, without the node-pairing limiter scope",
    // Read in the 2026.5.28 dist (auth-rate-limit scopes: default, shared-secret, device-token, hook-auth only): no
    // node-pairing scope, so a first-time node pairing request is neither checked nor charged (6.11 has the scope);
    // seed-37 configs4 fixture 5 → 2 (k4-token-rl2-strict c0125, c0130, c0131).
    gateway: { ...gatewayJun, nodePairingLimiter: false },
    client: client71,
    service: lateService,
  },
  {
    name: "2026.6",
    era: "observed",
    summary: "what openclaw@2026.6.11 does (read in its dist, replayed against its seed-5 recording): the 2026.7 handler without the device-less cli scope keeper and without protocol-3 probes",
    gateway: gatewayJun,
    client: client71,
    service: lateService,
  },
  {
    name: "2026.7",
    era: "observed",
    summary: "what openclaw@2026.7.1 does (read in its dist, replayed against its seed-5 recording): the 2026.8 handler with the enum connect schema without client.buildId, hello-ok.auth.scopes from the device token, no worker admission, the mid auth hints and INVALID_REQUEST for a missing scope",
    gateway: gateway71,
    client: client71,
    service: lateService,
  },
  {
    name: "2026.8",
    era: "observed",
    summary: "what openclaw@2026.8.2 does (recorded, seed-5 fixture): the 2026.9 handler without hello-ok.auth.method, without the password-as-token leniency and without the wait hint for operator UIs waiting for approval",
    gateway: gateway82,
    // PR #124724 (merged 2026-08-16, after 2026.8.2): no device identity on plain-http origins yet.
    client: { ...client96, controlUiInsecureContextIdentity: false, controlUiPasswordCopiesToken: false },
    service: cliPairingService,
  },
  {
    name: "2026.9",
    era: "observed",
    summary: "what openclaw@2026.9.6 does (recorded): protocol 4, 15 s handshake, startup UNAVAILABLE, 32 pre-auth sockets per IP, failed-auth delay",
    gateway: gateway96,
    // Matched against the real @openclaw/gateway-client@2026.9.1 run inside the world (sim/real-client/compare.ts).
    client: client96,
    service: cliPairingService,
  },
];

export const profileDefault = "2026.3";
