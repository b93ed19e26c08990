// Provenance of every profile switch value: how it is known — recorded from a real release, read in a commit,
// PR or spec section, or assumed (with why). Data only; `pnpm sim --profiles --explain <profile>` prints it and
// a test fails when a switch of any profile has none. The tables mirror catalog.ts: one base table per era,
// overridden per profile exactly where catalog.ts overrides a value. Not a place for behaviour.
import { assert } from "../kernel/index.ts";
import type { ClientSwitches, GatewaySwitches, ServiceSwitches } from "./types.ts";

export type Provenance =
  | { readonly kind: "recorded"; readonly release: string; readonly note?: string }
  | { readonly kind: "read"; readonly source: string; readonly note?: string }
  | { readonly kind: "assumed"; readonly why: string };

export interface ProfileProvenance {
  readonly gateway: Partial<Record<keyof GatewaySwitches, Provenance>>;
  readonly client: Partial<Record<keyof ClientSwitches, Provenance>>;
  readonly service: Partial<Record<keyof ServiceSwitches, Provenance>>;
}

const recorded = (release: string, note?: string): Provenance => ({ kind: "recorded", release, ...(note ? { note } : {}) });
const read = (source: string, note?: string): Provenance => ({ kind: "read", source, ...(note ? { note } : {}) });
const assumed = (why: string): Provenance => ({ kind: "assumed", why });

const sFeb = "S-Feb message-handler.ts 005f7d54 (spec §0)";
const sMar = "S-Mar server.auth.test.ts 2590a2f1 + auth-context.ts/connect-policy.ts 0c5d67df (spec §0, §10)";
const sLate = "S-Late split handler, handshake-auth-helpers.ts 01bf2e04, auth.ts 00893f86 (spec §0)";
const absentFeb = (what: string): Provenance => read(sFeb, `${what} is not in the S-Feb code read`);
const absentMar = (what: string): Provenance => read(sMar, `${what} is not in the S-Mar code read`);
const absentLate = (what: string): Provenance => read(sLate, `${what} is not in the S-Late code read`);
const r96 = (note?: string): Provenance => recorded("2026.9.6", note);
const r222 = "openclaw@2026.2.22 dist, connect handler";
const r331 = "openclaw@2026.3.31 dist, connect handler";
const r313 = "openclaw@2026.3.13 dist, connect handler";
const r32 = "openclaw@2026.3.2 dist, connect handler";
const r422 = "openclaw@2026.4.22 dist, server.impl connect handler";

const febGateway: Partial<Record<keyof GatewaySwitches, Provenance>> = {
  protocolVersion: read("spec §1.5: PROTOCOL_VERSION = 3 in the Feb–Apr 2026 code and clients"),
  connectSchema: read(`${sFeb}; protocol/schema/frames.ts (spec §1.3)`),
  probeProtocolFloor: absentFeb("a protocol exception for probes"),
  controlUiBuildCheck: absentFeb("a Control UI build check"),
  passwordCountsAsTokenMismatch: read("auth.ts mid copy (spec §4.3.2): password without token is token_missing"),
  protocolMismatchDetails: read(`${sFeb} (spec §1.5): details {expectedProtocol}`),
  handshakeTimeoutMs: read("ws-connection.ts 0243ea55 (spec §2): DEFAULT_HANDSHAKE_TIMEOUT_MS = 10000"),
  tickIntervalMs: read("spec §11.10: tickIntervalMs 30000 in the code read"),
  preauthPayloadBytesMax: absentFeb("MAX_PREAUTH_PAYLOAD_BYTES"),
  preauthOversizeReason: assumed("no pre-auth cap in S-Feb, so the reason is never sent; text kept for the switch"),
  untrustedProxyHeaders: read("net.ts isLocalDirectRequest copies (spec §4.0): forwarded headers only make it non-local"),
  proxyPeerWithoutClientIp: assumed("the model before the switch: a trusted-proxy peer without X-Forwarded-For counts by its own address; the 2026.2.22, 3.2, 3.13, 3.31, 4.14, 5.28, 7.1 and 8.2 dists give it no client IP (not local), set for 2026.2.22 (read in its dist), 2026.3.2 and 2026.3 (3.13), whose recordings pin it"),
  controlUiOriginSeed: read("openclaw@2026.2.12, 2.17 and 2.22 dists", "no ensureControlUiAllowedOriginsForNonLoopbackBind: nothing is seeded at start (its log line says it is required since 2026.2.26)"),
  rateLimitedRetryAfter: read("spec §4.3.4, §11.11: the handler copies do not put retryAfterMs in the error"),
  unattributedProxyLimiterKey: assumed("off as before the switch existed (the limiter counts under the proxy's address); read in the 5.28, 6.11 and 7.1 dists, and set where read for 2026.2.22, 3.2, 3.13, 4.14 and 4.22"),
  sharedLimiterOnSecretOnly: read("spec §4.3.3: with a device identity and auth.token both present the shared probe charges nothing", "kept off where not read otherwise: the 2.22 and 3.13 dists hand the shared check no limiter at all when a device-token candidate exists; 3.31 … 9.6 hand it over whenever a token or password is sent (on for 2026.4 and 2026.4.22, whose handler also resets it on a device-token success; 5.28 … 7.1 charge at once too but the model's reset there is coupled to silentPairing 'late', and 8.2 defers the charge until the device-token fallback fails)"),
  sharedChargeDeferred: read("openclaw@2026.3.31, 4.14, 4.22, 7.1 dists, resolveConnectAuthState", "no deferRateLimitFailure: a wrong secret is charged at once (first seen in the 2026.8.2 dist; the 9.6 dist has it too)"),
  limiterNeedsConfig: assumed("off as before the switch existed: a limiter with the defaults always, as the 5.28 … 8.2 dists do (createAuthRateLimiter(rateLimitConfig ?? {})); the 2.22, 3.2, 3.13, 3.31, 4.14 and 4.22 dists create none without gateway.auth.rateLimit"),
  challengeCapabilities: read("ws-connection.ts 0243ea55 (spec §2): challenge payload {nonce, ts}"),
  detailCodes: read(`${sFeb}: no details.code yet (spec §0)`),
  recoveryHints: absentFeb("canRetryWithDeviceToken / recommendedNextStep"),
  signatureSkewMs: read("spec §3.3: DEVICE_SIGNATURE_SKEW_MS 10 min in S-Feb"),
  nonceRequired: read("spec §3.3: nonce only required when !isLocalClient in S-Feb"),
  signatureVersions: read(`${sFeb} (spec §0, §3.2): v1/v2 signatures`),
  signatureTokenSource: read("spec §3.2: S-Feb payload carries auth.token only"),
  controlUiClassifier: read(`${sFeb} (spec §11.12): isControlUi = Control UI only`),
  originRule: read("origin-check.ts S-Feb version (spec §11.3): allowlist, Host equality, loopback/loopback"),
  deviceTokenFallbackReason: read(`${sFeb}: no auth.deviceToken field, fallback failure is device_token_mismatch`),
  originCheckApplies: read(`${sFeb}: origin check only for Control UI / webchat`),
  allowInsecureAuthRetired: read("CVE-2026-32034 advisory: allowInsecureAuth still honoured before 2026.2.21"),
  allowInsecureAuthRemoteBypass: read("CVE-2026-32034: before 2026.2.21 allowInsecureAuth let remote Control UI skip device"),
  trustedProxySkipsDeviceForAnyClient: read(`${sFeb}: any trusted-proxy success skips device identity`),
  scopeClearing: read("spec §11.2: S-Feb clears scopes of device-less connections"),
  deviceLessScopeKeepers: absentFeb("a per-client scope-keeping exception (#63344 fix)"),
  tokenMissingCharged: read("spec §11.6: one copy charges token_missing to the limiter", "copies differ; S-Feb chosen as charged"),
  silentPairing: read(`${sFeb} (spec §4.5): only not-paired local devices approved silently`),
  localClientRule: read("net.ts isLocalClient (spec §4.0): loopback peer and local Host"),
  localBackendPairingSkip: absentFeb("the local backend pairing skip"),
  workerClaimsClosed: absentFeb("closing worker-identity claims before hello"),
  chatSendNeedsSessionKey: absentFeb("SESSION_MUTATION_TARGET_REQUIRED"),
  pairingAnswer: read(`${sFeb} (spec §4.5): "pairing required" with {code, requestId, reason}`),
  uiPairingWaitHint: read(`${sFeb} (spec §4.5)`, "no recovery hint on the pairing answer"),
  revokeRemovesRole: read("device-pairing.ts (spec §6.2): revoke clears the token, keeps the role"),
  revokedRoleStaysApproved: read("device-pairing.ts (spec §6.2)", "only read with revokeRemovesRole: the role is never dropped, so it stays approved anyway"),
  pendingRequestPolicy: assumed("spec §11.9 pins merge for S-Mar and replace later; S-Feb not pinned, keep-existing chosen"),
  metadataPinning: absentFeb("metadata-upgrade pairing reason"),
  revokeClosesSessions: read("spec §11.8: only the late handler is known to disconnect on revoke"),
  rotateClosesSessions: read("spec §11.8: only the late handler is known to disconnect"),
  sharedSecretRotationClosesSessions: absentFeb("closing shared-secret sessions on rotation"),
  rotateBoundedByCaller: absentFeb("rotate bounded by the caller's scopes (late devices.ts)"),
  rotateScopeBaseline: read("openclaw@2026.2.12 and 2.17 dists, rotateDeviceToken", "no scope check: the token gets the asked scopes (else the old token's, else the record's), and asked scopes are written into the paired record's scopes, its approval baseline"),
  deviceOwnershipRule: absentFeb("the non-admin own-device rule (late devices.ts)"),
  startupUnavailableMs: absentFeb("UNAVAILABLE startup-sidecars (late docs, spec §1.5)"),
  preauthSocketsPerIpMax: absentFeb("a pre-auth socket cap per IP"),
  failedAuthDelay: absentFeb("an escalating failed-auth answer delay"),
  helloAuthAlways: read("spec §1.4: hello-ok.auth only when a device token is issued"),
  helloAuthMethod: read("spec §1.4: hello-ok.auth only when a device token is issued", "so no method field"),
  inlineApprovalCallerScopes: read("openclaw@2026.8.2 dist (message-handler inline approval) and the model's 2026.9.6 reading", "callerScopes = requested ∪ the paired device's access scopes; consulted only with approvalScopeChecks (not checked in the 2026.4.14 dist)"),
  pairingChecksInSequence: assumed("the model's first-unmet-check rule, kept for every profile but 2026.7 (the 2026.8.2 dist calls requirePairing in turn too; not switched on there, where a shared-secret scope upgrade is silent anyway)"),
  helloAuthTokenScopes: read("spec §1.4: hello-ok.auth only when a device token is issued", "it carries the token's scopes whatever this switch says"),
  browserOriginLimiter: read("spec §4.3.4: browser-origin limiter is S-Late"),
  browserLimiterLoopbackKey: read("openclaw@2026.2.12, 2.17 and 2.22 dists", "no browser-origin limiter, so no key (the value is never consulted)"),
  authMessageStyle: read("auth-messages.ts mid copy (spec §4.4)"),
  missingScopeAnswer: read("method-scopes.ts mid copy (spec §6.4): INVALID_REQUEST without details"),
  credentialReload: read("service drift story (spec §9.2): restart in process re-reads the environment"),
  unauthorizedFloodMax: absentFeb("the repeated-unauthorized flood guard"),
  browserCopilotClass: absentFeb("the openclaw-browser-copilot client class"),
  connectSecretEitherField: read("auth.ts mid copy (spec §4.3.2): each mode reads its own field only"),
  sharedAuthIncludesTrustedProxy: absentFeb("trusted-proxy auth mode"),
  localBackendSkipsDeviceIdentity: absentFeb("the local backend self-pairing skip"),
  deviceNonceSchemaOptional: recorded("2026.2.17", "dist ConnectParamsSchema: device.nonce Type.Optional; conformance seed 5"),
  healthNeedsReadScope: recorded("2026.2.17", "dist: health in READ_METHODS; conformance seed 5: a device-less operator (scopes cleared) gets INVALID_REQUEST"),
  deviceLessSharedAuthAnyRole: recorded("2026.2.17", "dist: canSkipDevice = sharedAuthOk for any role; conformance seed 5 admits a device-less node-host with the token"),
  unattributableProxyRefused: absentFeb("ingress attribution at the upgrade"),
  trustedProxyLoopback: read("openclaw@2026.2.22, 3.2 and 3.13 dists, authorizeTrustedProxy + zod config schema", "no loopback check on the proxy peer; trustedProxy is a strict object without allowLoopback (2.12 and 2.17 have no trusted-proxy mode)"),
  setupCodeCredential: read("openclaw@2026.2.22 dist, qr-cli resolvePairingSetupFromConfig", "setup code = {url, token, password}; CHANGELOG 2026.3.12 replaced it (GHSA-7h7g-x2px-94hj)"),
  bootstrapHandoffScopes: absentFeb("bootstrap tokens (first in 2026.3.12)"),
  bootstrapLimiter: absentFeb("the bootstrap-token limiter scope"),
  bootstrapSilentPairing: absentFeb("bootstrap-token pairing"),
  nodePairingOnConnect: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2, 2026.3.13 dist, connect handler", "role node: commands filtered by the allowlist only; node.pair.* RPCs exist, no request at connect"),
  nodePairingLimiter: read("openclaw@2026.2.12 … 2026.4.14 dist", "no node-pairing limiter scope"),
  nodeRequiresDeviceToken: read("openclaw@2026.2.12 … 2026.4.14 dist", "no 'authenticated node pairing identity unavailable' check"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.2.12 … 2026.4.14 dist", "no node pairing at connect (nodePairingOnConnect none), so no request to fail"),
  approvalScopeChecks: read("openclaw@2026.2.17, 2026.2.22, 2026.3.13, 2026.3.31 dist", "no scope-outside-requested-roles check in the pairing approval"),
  approvalChecksHeldTokenScopes: assumed("only consulted with approvalScopeChecks, which these releases do not have; kept as the model was before the switch existed"),
  approvalCallerScopesUnderPendingRole: read("openclaw@2026.2.17, 2026.2.22, 2026.3.13 dist, approveDevicePairing", "no caller-scope check in the approval (2026.3.31 has one)"),
  connectRolesFromTokens: read("openclaw@2026.2.22, 2026.3.13 dist, connect handler", "the role check reads the paired record's roles (listEffectivePairedDeviceRoles, the token roles, from 2026.3.31)"),
  deviceTokenWithinApproval: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2 dist, ensureDeviceToken", "mints a token for any role and scopes of a paired device"),
  deviceTokenNeedsApprovedRole: read("openclaw@2026.8.2 dist, resolveDeviceTokenUpdateContext", "no token context for a role the device is not approved for; as before the switch existed for the other releases (only read with deviceTokenWithinApproval; the 2026.3.13 dist has no such check)"),
  emptyApprovalNoBaseline: read("openclaw@2026.8.2 dist, mergeDevicePairingScopes", "an explicit empty scope list stays [] (a baseline); as before the switch existed for the releases between (2026.3.31, 4.14 not read for it)"),
  roleScopePrefix: read("openclaw@2026.2.17 dist (scopesAllow) and 2026.2.22 dist (roleScopesAllow)", "a non-operator role's scopes are compared by set membership alone, with no `<role>.` prefix; the releases between are taken to do the same"),
  impliedTokenScopes: read("openclaw@2026.2.17, 2026.2.22, 2026.3.2, 2026.3.13 dist, normalizeDeviceAuthScopes", "trims, dedupes, sorts; no implied scopes; 2026.2.17 fixtures seeds 7 and 8: 2 → 0 and 3 → 0"),
  nodeHostMetadataNormalization: absentFeb("node-host metadata normalisation"),
  detailCodeSet: assumed("no detail codes in S-Feb (detailCodes off), so the set is never used; the full set kept for the switch"),
  sharedAuthOperatorSkipsPairing: read("openclaw@2026.2.12 and 2026.2.17 dists, connect handler", "no pairing skip for shared-token operators (2026.2.22 has one)"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.2.22, 2026.3.13, 2026.3.31, 2026.4.14 dists", "no scope_mismatch reason: a device token short of scopes fails like any other (3.31 fixture seed 6: 33 → 25, 3.13: 59 → 57)"),
  operatorScopeImplications: assumed("kept on, as before the switch existed, because the S-Feb bug files' verdicts rest on it; the 2026.2.12 and 2026.2.17 dists compare scopes exactly (scopesAllow), so the real 2.13/2.14 most likely did too (profile 2026.2.17 has it off)"),
  controlUiInsecureMessage: read("openclaw@2026.2.12 and 2026.2.17 dists, connect handler", "'control ui requires HTTPS or localhost (secure context)' in both, so in the releases between them"),
  approvalTokenScopes: assumed("kept as before the switch existed (the S-Feb bug profiles' traces rest on it); the 2026.2.12 and 2026.2.17 dists mint the request's scopes even when empty (profile 2026.2.17), 2026.2.22 falls back to the existing token's or the approved scopes"),
  approvalTokenPerRequestedRole: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2, 2026.3.13 and 2026.3.31 dists, approveDevicePairing", "one token, for the pending request's role (normalizeRole(pending.role)), whatever other roles the request lists"),
  approvalTokenKeepsHeldScopes: assumed("off as before the switch existed: the 2026.4.14 dist (resolveApprovedTokenScopes) mints exactly the request's role scopes, the earlier dists were not re-read for it"),
  configGetScope: read("openclaw@2026.2.12 dist, authorizeGatewayMethod", "config.get is not a read method, so admin"),
  handshakeTimeoutEnv: read("openclaw@2026.2.12 dist", "only the test-only handshake timeout variable is read"),
  autoApproveLocalSetting: read("openclaw@2026.2.12 … 2026.4.12 dist", "no gateway.nodes.pairing.autoApproveLocal key"),
  hotReloadPrefixes: read("openclaw@2026.2.12 … 2026.4.12 dist, BASE_RELOAD_RULES", "no auth-relevant key is hot"),
  deviceTokenIssuer: read("openclaw@2026.2.12, 2.17, 2.22, 3.2, 3.13, 3.31, 4.14, 4.22 dists", "no device token issuer (no shared-gateway-auth, no legacy-browser-token): ensureDeviceToken reuses any live token that covers the scopes; first seen in the 2026.6.11 dist"),
  trustedProxyUiSkipsPairing: read("openclaw@2026.3.31 and 2026.4.14 dists, shouldSkipControlUiPairing", "skips pairing when trustedProxyAuthOk; as before the switch existed for the releases before them (not read for trusted-proxy)"),
  scopeKeepersNeedSharedSecret: assumed("off as before the switch existed: the releases before 2026.9 were not recorded with a trusted-proxy configuration, and their keeper rules were not read for it"),
  removeDropsPending: read("openclaw@2026.3.13, 3.31, 4.14 dists, removePairedDevice", "deletes the paired record only; its pending requests stay"),
  devicePairRemove: read("openclaw@2026.2.17 … 2026.9.6 dists, gateway method handlers", "device.pair.remove is served (first in 2.17; the 2.12 dist has no such method)"),
  controlUiAuthNoneSkipsPairing: read("openclaw@2026.2.17, 2.22, 3.13 dists, connect handler", "no pairing skip for a Control UI in auth mode none (first seen in the 2026.3.31 dist)"),
  pairingSkipCoversPaired: read("openclaw@2026.2.17, 2.22, 3.2, 3.13, 3.31 dists, connect handler", "the device block runs only when no skip holds (device && devicePublicKey && !skipPairing): a skip covers a paired device too"),
  approvalKeepsTokenIssuer: read("openclaw@2026.5.28, 6.11, 7.1, 8.2 dists, approveDevicePairing", "the approval builds its token without an issuer (rotateDeviceToken keeps it: preserveExistingIssuer); no issuer before 2026.5 at all"),
  silentPairingPrune: read("openclaw@2026.2.12 … 2026.7.1 dists", "no pruneSupersededSilentPairedDevices and no approvedVia on a paired record (first seen in the 2026.8.2 dist)"),
  pairListConnected: read("openclaw@2026.2.12, 2.22, 3.13, 4.14, 4.22, 5.28, 6.11, 7.1 dists, device.pair.list", "each paired device is redactPairedDevice(device): no connected field"),
  connectRecordsClient: read("openclaw@2026.2.17, 2.22, 3.13, 3.31, 4.14 dists, connect handler", "an allowed connect of a paired device writes the connect's client id and mode into the paired record (clientAccessMetadata / updatePairedDeviceMetadata)"),
};

const marGateway: Partial<Record<keyof GatewaySwitches, Provenance>> = {
  ...febGateway,
  rotateScopeBaseline: read("openclaw@2026.2.22 and 3.2 dists, rotateDeviceToken + mergeScopes", "the asked scopes must be within approvedScopes ?? scopes ?? the rotated token's scopes, and an approval with no scopes records no list; 3.2 seed-107 restarts fixture k4-token-rl3-strict c0076-op and c0111: 2 → 0"),
  sharedAuthIncludesTrustedProxy: recorded("2026.3.13", "seed-106 configs fixture, two trusted-proxy configurations: a device-less client behind the proxy is admitted (221 and 222 divergent attempts with it off); read in the 3.2, 3.13 and 3.31 dists: sharedAuthOk counts authResult.method === \"trusted-proxy\""),
  controlUiOriginSeed: read("openclaw@2026.3.2, 3.13 and 3.31 dists, maybeSeedControlUiAllowedOriginsAtStartup + ensureControlUiAllowedOriginsForNonLoopbackBind", "gateway.bind lan / tailnet / custom in the config file, no allowedOrigins and no Host-header fallback: http://localhost:<port> and http://127.0.0.1:<port> (port from the config, 18789 unset) written into the config file at start; without them a non-loopback start with the Control UI refuses"),
  operatorScopeImplications: read("openclaw@2026.2.22 dist, roleScopesAllow + operatorScopeSatisfied", "admin covers read and write, write covers read; also in 2026.3.13 and later"),
  controlUiInsecureMessage: read("openclaw@2026.2.22 and 2026.3.13 dists", "'control ui requires device identity (use HTTPS or localhost secure context)'"),
  sharedAuthOperatorSkipsPairing: read("openclaw@2026.3.2, 2026.3.13, 2026.3.31 dists, connect handler", "no skipPairingForOperatorSharedAuth any more"),
  detailCodeSet: read("openclaw@2026.3.13 dist, ConnectErrorDetailCodes", "one DEVICE_AUTH_* code per failure (2026.3.2 already), CONTROL_UI_ORIGIN_NOT_ALLOWED (not in 3.2)"),
  approvalTokenScopes: read("openclaw@2026.2.22 and 2026.3.13 dists, approveDevicePairing", "a scope-less request's token takes the existing token's or the approved scopes (the model: the approved ones)"),
  roleScopePrefix: read("openclaw@2026.2.22, 2026.3.13, 2026.3.31 dists, roleScopesAllow", "a non-operator role's scopes by set membership alone, no `<role>.` prefix; 3.13 seed-7 fixture: a local backend asking role node with operator.admin on the shared token skips pairing and gets a node token with operator.admin (c0199), later node-host connects on that token are role upgrades; fixture 6 with it on"),
  impliedTokenScopes: read("openclaw@2026.3.13 dist, normalizeDeviceAuthScopes", "trims, dedupes, sorts; no implied scopes (they come with 2026.3.31, its own profile since 2026-12-04: 3.13 fixture 77 → 59)"),
  deviceTokenWithinApproval: read("openclaw@2026.3.13, 2026.4.14, 2026.9.6 dist, ensureDeviceToken + resolveDeviceTokenUpdateContext", "null unless the role is approved and the scopes are within the approved baseline; seed-31337 fixture 15 → 1 divergent attempts"),
  deviceLessSharedAuthAnyRole: read("openclaw@2026.2.22 dist, evaluateMissingDeviceIdentity", "roleCanSkipDeviceIdentity: operators only"),
  healthNeedsReadScope: read("openclaw@2026.2.22 dist, authorizeGatewayMethod", "health answers before any scope check"),
  deviceNonceSchemaOptional: read("openclaw@2026.2.22 … 2026.9.6 dist, ConnectParamsSchema", "device.nonce required"),
  configGetScope: read("openclaw@2026.2.22 dist", "config.get listed among the read methods"),
  connectSchema: read(`${sMar}: auth.deviceToken and trusted-proxy exist (spec §0)`),
  preauthPayloadBytesMax: read(`${sMar}: MAX_PREAUTH_PAYLOAD_BYTES 64 KiB`),
  detailCodes: read("connect-error-details.ts S-Mar (spec §5.1)"),
  recoveryHints: read("connect-error-details.ts S-Mar (spec §5.2)"),
  signatureSkewMs: assumed("spec §3.3/§11.4: S-Mar skew not pinned by any copy; S-Feb 10 min kept"),
  signatureVersions: read(`${sMar}: the suite signs v3 (connectReq) and v2 (createSignedDevice), both pass`),
  signatureTokenSource: read(`${sMar}: §10 #30(b) signs over the device token with no auth.token and passes`),
  originRule: read("spec §11.3: the S-Mar handler passes isLocalClient to the origin check",
    "two trusted-proxy tests of that era pass only with the S-Feb rule: unresolved"),
  allowInsecureAuthRemoteBypass: read("CVE-2026-32034 fix (2026.2.21)"),
  trustedProxySkipsDeviceForAnyClient: read(`${sMar}: only Control UI with trusted-proxy skips device`),
  deviceTokenFallbackReason: read("auth-context.ts 0c5d67df (spec §4.3.3): explicit auth.deviceToken only"),
  scopeClearing: read("spec §11.2: S-Mar preserves allowed scopes"),
  silentPairing: read("openclaw@2026.3.13 and 2026.3.31 dist, shouldAllowSilentLocalPairing", "local, no Origin unless a browser UI, not-paired or scope-upgrade only (the S-Mar test suite's 'every local upgrade' was wider); fixtures 3.31 35 → 10, 3.13 99 → 77"),
  pendingRequestPolicy: read("device-pairing.ts S-Mar (spec §6.3): merge into the pending request"),
  browserLimiterLoopbackKey: read("openclaw@2026.3.2, 3.13 and 3.31 dists, resolveHandshakeBrowserSecurityContext", "an Origin-bearing loopback connect is keyed by one fixed stand-in address (198.18.0.1) whatever its Origin: a Control UI on localhost and another on 127.0.0.1 share one lockout"),
};

const lateGateway: Partial<Record<keyof GatewaySwitches, Provenance>> = {
  ...marGateway,
  rotateScopeBaseline: read("openclaw@2026.3.13, 3.31, 4.14, 4.22, 5.28, 6.11, 7.1, 8.2 dists (rotateDeviceToken) and 9.6 (rotateDeviceTokenInWorker)", "the asked scopes must be within resolveApprovedDeviceScopeBaseline, none refused missing-approved-scope-baseline (no fallback to the token's scopes)"),
  trustedProxyLoopback: read("openclaw@2026.3.31, 4.14 and 4.22 dists, authorizeTrustedProxy + zod config schema", "a loopback proxy peer is refused trusted_proxy_loopback_source; trustedProxy is strict without allowLoopback, so the conformance tool's trusted-proxy configurations (127.0.0.1 as the proxy) are refused at start or at every connect on these releases"),
  controlUiOriginSeed: read("openclaw@2026.4.14 and 4.22 dists, isGatewayNonLoopbackBindMode + maybeSeedControlUiAllowedOriginsAtStartup", "as 2026.3 (written into the config file), with bind auto counted as non-loopback"),
  approvalTokenPerRequestedRole: read("openclaw@2026.4.14, 4.22, 5.28, 6.11, 7.1, 8.2 and 9.6 dists, approveDevicePairing (approveDevicePairingInWorker in 9.6)", "a token for every requested role (mergeRoles(pending.roles, pending.role)), each with resolveApprovedTokenScopes' share for that role"),
  approvalCallerScopesUnderPendingRole: assumed("only consulted without approvalScopeChecks, which 2026.4.14 and later have (their caller check is modelled there)"),
  connectRolesFromTokens: assumed("the 2026.4.14 … 2026.9.6 dists count the roles holding a live token that are also approved (listEffectivePairedDeviceRoles); the model counts the approved roles, which with a token minted for every requested role (approvalTokenPerRequestedRole, modelled since 2026-12-04 night) and a revoked role dropped (revokeRemovesRole, 2026.5 on) are the same roles. Turning it on moved no fixture, gate verdict or hash of bench/hash-list.ts (tried 2026-12-04 night); it would change 2026.4.14/4.22, where a revoked role stays approved, and test records holding a token for a role they are not approved for"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.9.6 dist, message-handler", "scope_mismatch: 'device token scope mismatch (re-pair or approve scope upgrade)'"),
  impliedTokenScopes: read("openclaw@2026.3.31, 2026.4.14, 2026.9.6 dist, normalizeDeviceAuthScopes", "admin implies read and write, write implies read"),
  roleScopePrefix: read("openclaw@2026.4.14, 2026.5.28, 2026.6.11, 2026.7.1, 2026.8.2 dists, roleScopesAllow / resolveMissingRequestedScope", "a non-operator role's scope counts only under its own `<role>.` prefix; 4.14 fixtures with it off: seed 5 7, seed 11 13 divergent attempts"),
  approvalScopeChecks: assumed("off in 2026.4 although the 2026.4.14 dist has the same approval checks: the 2026.4.14 fixture replays alike either way, so it is left off to keep the 2026.4 traces"),
  connectSchema: read(`${sLate}; docs/gateway/protocol.md 0056424d`),
  protocolMismatchDetails: read(`${sLate}: coded protocol mismatch details`),
  signatureSkewMs: read("spec §3.3: S-Late skew 2 min (120000 ms)"),
  nonceRequired: read("spec §3.3: S-Late nonce always mandatory"),
  signatureVersions: read(`${sLate}: v3 preferred, v2 accepted`),
  controlUiClassifier: read("PR #55730: operator-UI classifier (Control UI + TUI)"),
  originCheckApplies: read(`${sLate}: origin check for any Origin-bearing client`),
  scopeClearing: read("spec §11.2: S-Late clearUnboundScopes"),
  tokenMissingCharged: read("spec §11.6: later copy does not burn slots for token_missing"),
  silentPairing: read(`${sLate}: scope upgrades never silent (spec §0)`),
  localBackendPairingSkip: read(`${sLate}: local backend skips pairing with device token or mode none`),
  pendingRequestPolicy: read("docs/gateway/pairing.md late (spec §11.9): replaced with a new requestId"),
  metadataPinning: read(`${sLate}: metadata-upgrade pairing reason (spec §0)`),
  revokeClosesSessions: read(`${sLate}: 4001 "device removed" (spec §11.8)`),
  rotateClosesSessions: read(`${sLate}: rotate closes the role's sessions`),
  sharedSecretRotationClosesSessions: read(`${sLate}: shared-secret sessions closed on rotation`),
  credentialReload: read(`${sLate}: credential-only config changes hot-swapped`),
  rotateBoundedByCaller: read("server-methods/devices.ts late copy: rotate bounded by caller scopes"),
  deviceOwnershipRule: read("server-methods/devices.ts late copy: non-admin own device only"),
  browserOriginLimiter: read("auth-rate-limit.ts S-Late (spec §4.3.4): browser-origin limiter"),
  browserLimiterLoopbackKey: read("openclaw@2026.4.14, 5.28 and 9.6 dists, resolveBrowserOriginRateLimitKey", "an Origin-bearing loopback connect is keyed by 'browser-origin:' + the lower-cased URL origin of its Origin header; an Origin that does not parse as a URL (e.g. 'null') falls back to the fixed stand-in address"),
  unauthorizedFloodMax: read(`${sLate}: repeated unauthorized calls guard, 10`),
  missingScopeAnswer: read("method-scopes.ts late copy: FORBIDDEN + MISSING_SCOPE"),
  sharedAuthIncludesTrustedProxy: read(`${sLate}: sharedAuthOk counts trusted-proxy (was coupled to silentPairing "late")`),
  controlUiAuthNoneSkipsPairing: read("openclaw@2026.4.14 dist, shouldSkipControlUiPairing", "an operator UI asking operator in auth mode none skips pairing (was coupled to silentPairing \"late\")"),
  handshakeTimeoutEnv: read("openclaw@2026.4.12 dist, resolvePreauthHandshakeTimeoutMs", "reads OPENCLAW_HANDSHAKE_TIMEOUT_MS"),
  setupCodeCredential: read("openclaw@2026.4.14 dist, qr-cli + device-bootstrap", "issueDeviceBootstrapToken(PAIRING_SETUP_BOOTSTRAP_PROFILE), TTL 600000 ms"),
  bootstrapHandoffScopes: read("openclaw@2026.4.14 dist, device-bootstrap-profile", "BOOTSTRAP_HANDOFF_OPERATOR_SCOPES"),
  bootstrapLimiter: read("openclaw@2026.4.14 dist, resolveConnectAuthDecision", "verifies the bootstrap token with no limiter check"),
  bootstrapSilentPairing: read("openclaw@2026.4.14 dist, message-handler requirePairing", "bootstrap-token + not-paired + role node + no scopes → silent, roles from the profile, PR #58382/#60221"),
  nodePairingOnConnect: read("openclaw@2026.4.14 dist, reconcileNodePairingOnConnect", "unpaired node: request filed, effective commands = declared; upgrade: request filed, effective = approved"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.3.31, 2026.4.14 dists", "no 'node pairing requires a paired device': node pairing requests have a store of their own"),
};

const gateway96: Partial<Record<keyof GatewaySwitches, Provenance>> = {
  ...lateGateway,
  trustedProxyLoopback: read("openclaw@2026.5.28, 6.11, 7.1 and 9.6 dists, authorizeTrustedProxy (allowLoopback !== true refuses a loopback peer: trusted_proxy_loopback_source); 8.2's config audit says loopback proxy requests are rejected at runtime", "the trusted-proxy recordings of 5.28 … 9.6 set allowLoopback: true and pin only that side"),
  controlUiOriginSeed: read("openclaw@2026.5.28, 6.11, 7.1, 8.2 and 9.6 dists, maybeSeedControlUiAllowedOriginsAtStartup (runtimeBind, runtimePort)", "seeded for the running process only, not written to the config file, from the bind and port it runs with (auto counts)"),
  trustedProxyUiSkipsPairing: read("openclaw@2026.9.6 dist, shouldSkipControlUiPairing", "only tailscale-device and auth-none skip; a trusted-proxy TUI or Control UI with a device gets not-paired (seed-23 configs fixture, trusted-proxy configuration: 14 → 0)"),
  scopeKeepersNeedSharedSecret: read("openclaw@2026.9.6 dist, shouldSkipLocalBackendSelfPairing + shouldPreserveLocalCliSharedAuthScopes", "both need a token or password login (isSharedSecretAuthMethod) and no proxy headers; a device-less cli or backend behind the trusted proxy gets scopes [] (seed-23 configs fixture, trusted-proxy configuration)"),
  removeDropsPending: read("openclaw@2026.9.6 dist, removePairedDeviceInWorker", "removing a paired device deletes its pending requests too (also in the 2026.6.11 dist); seed-23 configs fixture c0070: a node app of a removed device is paired silently instead of refreshing the removed device's non-silent request"),
  approvalKeepsTokenIssuer: read("openclaw@2026.9.6 dist, approveDevicePairingInWorker", "preserveExistingIssuer: the approval's token keeps the replaced token's issuer"),
  silentPairingPrune: read("openclaw@2026.9.6 dist, pruneSupersededSilentPairingsAfterApproval + pruneSupersededSilentPairedDevicesInWorker", "after a silent approval, other silently approved records of the same client id, mode and display name approved 60 s or more before and not connected are removed (seed-83 restarts fixture k3-password c0126 and c0137: 2 → 0)"),
  pairListConnected: read("openclaw@2026.9.6 dist, device.pair.list", "redactPairedDevice(device, { connected: hasConnectedClientsForDevice }) adds connected before the token summary"),
  pairingSkipCoversPaired: read("openclaw@2026.8.2 and 2026.9.6 dists, message-handler (skipLocalBackendSelfPairing || controlUiPairingKind auth-none)", "a skipped device that is paired has its metadata refreshed and no upgrade check"),
  controlUiAuthNoneSkipsPairing: read("openclaw@2026.9.6 dist, shouldSkipControlUiPairing (controlUiPairingKind \"auth-none\")", "an operator UI (Control UI, TUI) asking operator in auth mode none is not paired; an unpaired device gets no token. Lost when 2026.9 got its own silentPairing value; seed-17 configs fixture 7 → 0 with it"),
  deviceTokenIssuer: read("openclaw@2026.9.6 dist, issueGatewayConnectDeviceTokens (message-handler) + verifyDeviceTokenInWorker / ensureDeviceTokenInWorker (worker)", "a browser UI or webchat session on shared auth, or a session that logged in with such a token, gets a token naming the shared auth's generation; re-minted when the issuer differs; refused when the generation changed or, issuer-less, for a device paired as a browser client. fixtures replayed with it off / on: seed 21 25 / 0, seed 99 41 / 0, seed 11 1 / 0 (c0659), seed 42 1 / 0"),
  connectRecordsClient: read("openclaw@2026.9.6 dist, connect handler clientAccessMetadata", "displayName, remoteIp and last-seen only: the paired record keeps the client id and mode it was approved with (also in the 2026.6.11 dist); fixtures replayed with it on: seed 21 25, seed 99 41, seed 13 3, seed 4 1 (0 each with it off)"),
  autoApproveLocalSetting: read("openclaw@2026.9.6 dist", "gateway.nodes.pairing.autoApproveLocal exists"),
  hotReloadPrefixes: read("openclaw@2026.9.6 dist, config-reload-plan", "CORE_RELOAD_POLICIES hot entries the model reads"),
  protocolVersion: r96("hello-ok.protocol 4 (spec §13)"),
  probeProtocolFloor: r96("probes and legacy nodes admitted on protocol 3"),
  controlUiBuildCheck: r96(),
  passwordCountsAsTokenMismatch: r96(),
  handshakeTimeoutMs: r96("15 s"),
  tickIntervalMs: r96("hello-ok.policy.tickIntervalMs 30000"),
  challengeCapabilities: r96(),
  preauthOversizeReason: r96("ws closes with an empty reason"),
  untrustedProxyHeaders: r96("upgrade refused 403"),
  rateLimitedRetryAfter: r96(),
  allowInsecureAuthRetired: r96(),
  silentPairing: read("openclaw@2026.9.6 dist, resolveLocalPairingApproval + shouldAllowSilentLocalPairing", "recorded: loopback scope upgrades silent, role upgrades never; read: a device with a paired record asking a role other than operator is never silent, whatever the reason (the same guard in the 8.2, 7.1, 6.11 and 5.28 dists); seed-17 configs4 c0151"),
  localClientRule: r96("a loopback socket with a foreign Host pairs silently, and a local backend there skips self-pairing (read in the 2026.9.6 dist: isLocalClient is ingress attribution direct-local, a loopback peer without proxy headers, and shouldSkipLocalBackendSelfPairing takes it; seed-1 fixture c0537). Proxy headers are hasForwardedRequestHeaders: Forwarded, X-Real-IP or any X-Forwarded-* (X-Forwarded-User included), the same in the 8.2, 7.1, 6.11 and 5.28 dists; 7.1 seed-23 configs4 c0031"),
  localBackendPairingSkip: r96(),
  workerClaimsClosed: r96(),
  chatSendNeedsSessionKey: r96(),
  pairingAnswer: r96(),
  uiPairingWaitHint: read("openclaw@2026.9.6 dist, message-handler pairing answer", "retryWhileControlUiApprovalPending: an operator UI with a pending request is told wait_then_retry; 2026.8.2 only tells a bootstrap first node pairing"),
  pendingRequestPolicy: r96(),
  revokeRemovesRole: r96(),
  revokedRoleStaysApproved: read("openclaw@2026.9.6 dist, resolveDeviceTokenUpdateContext + listEffectivePairedDeviceRoles", "token issue and rotation check the approved roles, the connect's pairing check the effective ones (approved with a live token): a revoked role gets a new token from a connect that skips pairing (seed-29 configs c0240, seed-17 configs4 c0134/c0140) and is effective again; the same functions in the 8.2, 7.1, 6.11 and 5.28 dists"),
  startupUnavailableMs: r96("ready 4.4–6.4 s after the port opens"),
  preauthSocketsPerIpMax: r96(),
  failedAuthDelay: r96(),
  helloAuthAlways: r96(),
  helloAuthTokenScopes: r96("hello-ok.auth.scopes are the session's, a device token issued or not (the 9.6 fixtures replay at their counts with it off)"),
  helloAuthMethod: read("openclaw@2026.9.6 dist, message-handler sendGatewayHello", "auth {method, role, scopes, …}; the 2026.8.2 dist has no method there (seed-5 fixture: 147 divergent attempts on hello.auth.method)"),
  authMessageStyle: r96(),
  connectSecretEitherField: r96("the right password sent as auth.token is accepted in password mode (issue 11)"),
  sharedAuthIncludesTrustedProxy: r96("trusted-proxy user header, no device: accepted with scopes [] (issue 11)"),
  localBackendSkipsDeviceIdentity: r96("mode none, device-less gateway-client/backend: accepted (issue 11)"),
  unattributableProxyRefused: r96("trusted-proxy peer without X-Forwarded-For: HTTP 403 (issue 11)"),
  bootstrapHandoffScopes: read("openclaw@2026.9.6 dist, device-bootstrap-profile + setup-code", "limited PAIRING_SETUP_BOOTSTRAP_PROFILE (adds operator.questions), issued for a plaintext LAN URL"),
  bootstrapLimiter: read("openclaw@2026.9.6 dist, node-connect-reconcile resolveConnectAuthDecision", "scope bootstrap-token, failure charged only if auth still fails"),
  nodePairingOnConnect: read("openclaw@2026.9.6 dist, node-connect-reconcile reconcileNodePairingOnConnect", "unpaired node: request filed, effective commands none; upgrade: effective = approved ∩ declared (2026.3.31 dist already withholds)"),
  approvalChecksHeldTokenScopes: assumed("the model's 2026.9.6 reading of the approval's caller check (request's operator scopes plus the existing operator token's), kept as before the switch existed; 2026.7.1 checks the next operator token's scopes (not modelled), 2026.4.14 the request's alone"),
  sharedChargeDeferred: read("openclaw@2026.9.6 dist, resolveConnectAuthState (deferRateLimitFailure) + pendingSharedAuthFailure", "as 8.2: a wrong secret beside a device-token candidate with a device identity is charged only if the connect is refused; on since 2026-12-04 night: every 9.6 fixture stays at 0, 2 of 1,102 hashes of bench/hash-list.ts moved (chaos under 2026.9), no verdict"),
  approvalTokenKeepsHeldScopes: read("openclaw@2026.9.6 dist, resolveApprovedTokenScopes (state worker)", "an approval asking scopes adds those outside the approved baseline to the role's held token (none outside: the held token's scopes are kept); the 9.6 fixtures replay at their counts with it on"),
  approvalScopeChecks: read("openclaw@2026.4.14, 2026.9.6 dist, approveDevicePairingInWorker + resolveScopeOutsideRequestedRoles", "a request whose scope no requested role prefixes is forbidden, so a silent pairing stays pending (seed-7 fixture c0016: a test client asking role node with operator.admin gets not-paired)"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.9.6 dist, requestNodePairing (node.request in the state worker) + message-handler catch", "node pairing is a surface of the paired device record: no record throws 'node pairing requires a paired device', the connect handler's catch closes the socket (1000, no answer); seed-29 configs fixture c0183 (a local gateway-client/backend asking role node on an unpaired device that skipped pairing)"),
  nodeRequiresDeviceToken: r96("seed-31337 fixture: a device-bearing local gateway-client/backend asking role node gets NOT_PAIRED 'authenticated node pairing identity unavailable' (connect-session attachAuthenticatedGatewayConnect: no device token without an approved baseline)"),
  nodePairingLimiter: read("openclaw@2026.9.6 dist, connect-node-session requestNodePairingFromConnect", "first-time requests check then charge scope node-pairing (PR #90147, 2026-06); paired reconnects are not charged"),
  bootstrapSilentPairing: read("openclaw@2026.9.6 dist, isSetupCodeHandoffBootstrapClient", "silent only for a profile matching the client class (mobile app, node-host + node profile); PR #81292 (2026-05) made setup-code pairing wait for approval"),
  nodeHostMetadataNormalization: read("openclaw@2026.9.6 dist, normalizeNodeHostCompatibilityMetadata", "node hosts pin deviceFamily, so a later non-node client of the device is a metadata-upgrade; replayed: seed-2026 fixture 194 → 1, seed-17 12 → 13, seed-31337 1 → 1"),
  deviceLessScopeKeepers: r96("cli/cli and gateway-client/backend keep scopes; test and probes cleared; seed 17: cli id in test mode gets []"),
  browserCopilotClass: r96("conformance seed 17: INVALID_REQUEST 'browser copilot requires ui mode …' for any other mode or caps"),
  // Inherited S-Late values that conformance against 2026.9.6 exercised without a divergence.
  protocolMismatchDetails: r96("conformance fixtures"),
  nonceRequired: r96("conformance fixtures"),
  signatureVersions: read(`${sLate}`, "v3 recorded from 2026.9.6; v2 acceptance not exercised"),
  scopeClearing: r96("conformance fixtures"),
  originCheckApplies: r96("Origin-bearing non-UI clients checked (conformance fixtures)"),
};

/** The bundle of each release's Control UI where its gateway client was read (path inside the npm package). */
const controlUiBundles: Readonly<Record<string, string>> = {
  "2026.2.12": "dist/control-ui/assets/index-B4LPvte9.js",
  "2026.2.17": "dist/control-ui/assets/index-y8WCJEWp.js",
  "2026.2.22": "dist/control-ui/assets/index-D1uIGfCV.js",
  "2026.3.13": "dist/control-ui/assets/index-UvgeZ3yV.js",
  "2026.3.31": "dist/control-ui/assets/index-BsGEx55J.js",
  "2026.4.14": "dist/control-ui/assets/index-M4TNVXB3.js",
  "2026.5.28": "dist/control-ui/assets/index-B5x_BDbc.js",
  "2026.6.11": "dist/control-ui/assets/index-BKg4kibc.js",
  "2026.7.1": "dist/control-ui/assets/gateway-CWCQz7bR.js",
  "2026.8.2": "dist/control-ui/assets/control-ui-core-DwEmbSHC.js + control-ui-foundation-CEvZvPsn.js",
  "2026.9.6": "dist/control-ui/assets/control-ui-core-C4gGL9E4.js + control-ui-foundation-BN_yKX8J.js",
};

/** Control UI facts read in one release's bundle (`controlUiBundles`). */
function controlUiSource(release: string): string {
  const bundle = controlUiBundles[release];
  assert(bundle !== undefined, `no Control UI bundle listed for ${release}`);
  return `openclaw@${release} ${bundle}`;
}

/**
 * The Control UI's reconnect backoff as read in `releases` (the first is the source; the others agree). Up to
 * 2026.7.1 the page's own client keeps a backoff that starts at 800, is waited before each reconnect and then
 * grows ×1.7 up to 15000 (reset to 800 on hello-ok; setTimeout gets the fraction, which the browser truncates:
 * 3930, 6681, 11358 ms where the model rounds to 3930, 6682, 11359); from 2026.8.2 the page hands
 * {initialMs 800, multiplier 1.7, maxMs 15000} to the shared gateway client, whose supervisor, built with
 * jitter 0, waits round(min(cap, 800 · 1.7^(n−1))) and resets on hello-ok.
 */
function controlUiBackoffRead(releases: readonly string[], note?: string): Partial<Record<keyof ClientSwitches, Provenance>> {
  const release = releases[0]!;
  const source = controlUiSource(release);
  const also = releases.length > 1 ? `; the same in ${releases.slice(1).join(", ")}` : "";
  const supervisor = release === "2026.8.2" || release === "2026.9.6";
  const form = supervisor ? "reconnect options of the shared client's supervisor" : "the page client's own backoffMs";
  const live = note ? `; ${note}` : "";
  const retry = ["2026.2.12", "2026.2.17", "2026.2.22"].includes(release)
    ? "this page has no device-token retry (it sends the stored token as auth.token), so nothing to clamp"
    : supervisor
      ? "a pending device-token retry reconnects without a delay override, so it waits the supervisor's next step"
      : "a pending device-token retry reconnects through the ordinary scheduleReconnect, so it waits the next step";
  return {
    controlUiBackoffInitialMs: read(source, `${form}: first delay 800 ms, reset on hello-ok${also}${live}`),
    controlUiBackoffFactorPercent: read(source, `${form}: ×1.7 per reconnect${also}${live}`),
    controlUiBackoffMaxMs: read(source, `${form}: at most 15000 ms${also}${live}`),
    controlUiBackoffJitter: read(source, `${supervisor ? "the supervisor is constructed with jitter 0" : "no random term: the delay is backoffMs as is"}${also}`),
    controlUiFastRetryMs: read(source, `${retry}${also}${live}`),
    controlUiPasswordCopiesToken: release === "2026.9.6"
      ? read(source, "once the auth is chosen, an unset password takes the explicit shared token (authPassword ??= authToken); live: the page sends the token as auth.token and auth.password, the gateway logs auth=password and answers a wrong one canRetryWithDeviceToken false, update_auth_credentials")
      : read(source, `auth.password is the page's own password setting only, never a copy of the token${also}`),
    controlUiScopes: read(source, `the page's default operator scopes in this order (a reconnect on the stored device token asks the token's scopes)${also}`),
  };
}

const febClient: Partial<Record<keyof ClientSwitches, Provenance>> = {
  tokenPriority: read("spec §7.2: ≤ 2026.2.13 stored ?? opts.token with self-heal"),
  deviceTokenRetry: absentFeb("the bounded device-token retry (spec §7.3)"),
  staleTokenSelfHeal: read("spec §7.4: clear stored token on 1008 device token mismatch"),
  staleTokenSelfHealWithShared: read("spec §7.4 and the 2026.2.22 … 4.14 dists (GatewayClient close handler)", "only when neither opts.token nor opts.password was given"),
  pauseOnDetailCodes: read("spec §7.5: pausing needs detail codes, absent in S-Feb"),
  connectErrorDetails: read("openclaw@2026.2.12, 2026.2.22 dists, GatewayClient request(): an error answer rejects with new Error(message), its details dropped"),
  pauseOnDeviceTokenMismatch: absentFeb("pause on AUTH_DEVICE_TOKEN_MISMATCH"),
  pendingRetryDroppedWithoutStoredToken: absentFeb("the bounded device-token retry, so no retry is ever pending"),
  tokenMismatchPause: read("client.ts 032211cb (spec §7.5): pause after the retry or on an untrusted endpoint"),
  honourRetryAfter: absentFeb("retryAfterMs handling in the client"),
  backoffInitialMs: read("client.ts 032211cb (spec §7.5): backoff from 1 s"),
  backoffMaxMs: read("client.ts 032211cb (spec §7.5): backoff up to 30 s"),
  fastRetryMs: read("client.ts 032211cb (spec §7.3): 250 ms clamp for the bounded retry"),
  backoffJitter: read("client.ts 032211cb: no jitter in the code read"),
  challengeTimeoutMs: read("openclaw@2026.2.12 and 2.17 dists, GatewayClient.queueConnect", "750 ms after open (2.17: connectDelayMs, default 750, clamped 0 … 5,000); the spec's 2 s watchdog is 2.22's"),
  challengeTimeoutAction: read("openclaw@2026.2.12 and 2.17 dists, GatewayClient.queueConnect + sendConnect", "the timer sends connect with no nonce (a v1 proof); a challenge after it is ignored (connectSent); the releases between them (2.13, 2.14) are taken to do the same"),
  signatureVersion: read(`${sFeb}: v2 signatures`),
  signedAtSource: read("PR #116679 (merged 2026-07-31)", "before it, first-party clients signed signedAt with their own clock"),
  protocolVersion: read("spec §1.5: clients ask for 3 in Feb–Apr 2026"),
  insecureWsGuard: absentFeb("the plaintext ws:// guard"),
  insecureWsAllows: read("openclaw@2026.2.22 dist, isSecureWebSocketUrl", "ws:// only to a loopback host, no break-glass variable (2.12 and 2.17 have no guard, so the value is not consulted there)"),
  tuiClientId: read("PR #55730: before it the TUI connected as gateway-client"),
  controlUiSendsBuildId: absentFeb("client.buildId"),
  controlUiTokenPerTab: assumed("the per-tab sessionStorage token is a later Control UI change; S-Feb used localStorage"),
  controlUiUrlToken: read("issues #7749 (2026.2.1), #17526 (2026.2.14): tokenized dashboard URLs were ?token=; ui app-settings.ts of the time read location.search only"),
  controlUiInsecureContextIdentity: read("spec §8; f76e3c1419 'enforce secure control ui auth' (2026-01-21, see PR #1400): no WebCrypto, no device identity over plain http"),  // The 2026.2.12 and 2026.2.17 bundles agree, so the releases between them (2.13, 2.14) did too.
  ...controlUiBackoffRead(["2026.2.12", "2026.2.17"]),
};

const lateClient: Partial<Record<keyof ClientSwitches, Provenance>> = {
  ...febClient,
  tokenPriority: read("spec §7.1: later selectConnectAuth, explicit shared wins"),
  deviceTokenRetry: read("spec §7.3: one bounded device-token retry"),
  pauseOnDetailCodes: read("spec §7.5: pause on the detail codes"),
  connectErrorDetails: read("openclaw@2026.3.13 dist, GatewayClientRequestError: an error answer keeps its details, read for the detail code"),
  signatureVersion: read(`${sLate}: v3 signatures`),
  insecureWsGuard: read("client.ts later copy: refuse ws:// to non-loopback"),
  insecureWsAllows: read("openclaw@2026.3.13, 3.31, 4.14 and 4.22 dists, isSecureWebSocketUrl", "with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1, a private IP literal or any host name that is not an IP literal (net.isIP(host) === 0); without it loopback only"),
  challengeTimeoutMs: read("openclaw@2026.2.22 and 2026.3.13 dists, GatewayClient.queueConnect", "connectDelayMs, default 2 s, clamped 250 … 10,000"),
  challengeTimeoutAction: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "the timer reports 'gateway connect challenge timeout' and closes 1008 'connect challenge timeout' (the spec's watchdog)"),
  tuiClientId: read("PR #55730: TUI connects as openclaw-tui"),
  controlUiTokenPerTab: read("docs.openclaw.ai web/control-ui: token kept per tab"),
  controlUiUrlToken: read("PRs #43979 (2026-03-12) and #49053: #token= preferred, ?token= a one-time legacy fallback, both stripped"),
  pendingRetryDroppedWithoutStoredToken: assumed("no release read drops a pending retry without a device token to send (read in 2026.9.6's Control UI only)"),
};

const client96: Partial<Record<keyof ClientSwitches, Provenance>> = {
  ...lateClient,
  insecureWsAllows: read("openclaw@2026.5.28, 7.1, 8.2 and 9.6 dists and @openclaw/gateway-client@2026.9.1, isSecureWebSocketUrl + isTrustedPlaintextWebSocketHost", "private IP literals and .local / .ts.net names always; with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 also any host name that is not an IP literal"),
  protocolVersion: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  pauseOnDeviceTokenMismatch: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  tokenMismatchPause: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  honourRetryAfter: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  challengeTimeoutMs: recorded("@openclaw/gateway-client@2026.9.1", "15 s watchdog"),
  controlUiSendsBuildId: recorded("@openclaw/gateway-client@2026.9.1"),
  controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16): pure-JS digest fallback, device identity on plain-http origins"),
  tokenPriority: recorded("@openclaw/gateway-client@2026.9.1", "comparison stories"),
  deviceTokenRetry: recorded("@openclaw/gateway-client@2026.9.1", "comparison stories"),
  ...controlUiBackoffRead(["2026.9.6"], "live in Chromium (reports/live/control-ui-two-tabs-2026.9.6.md): connects at +0.74, +2.35, +4.70, +8.72, +15.55, +27.02, +42.10 s after the rotation, then every ~15 s; the device-token retry ≈1.4 s after the mismatch"),
  pendingRetryDroppedWithoutStoredToken: recorded("2026.9.6", "its Control UI in Chromium, reports/live/control-ui-two-tabs-2026.9.6.md: the pre-empted tab reconnects on AUTH_TOKEN_MISMATCH for 150–240 s, never paused; the same rule read in its control UI bundle"),
};

const legacyService: Partial<Record<keyof ServiceSwitches, Provenance>> = {
  unitEmbedsToken: read("daemon/service-env.ts older copy (spec §9.2): unit embeds OPENCLAW_GATEWAY_TOKEN"),
  serviceTokenResolution: read("credentials.ts older copy (spec §9.1): env first"),
  auditCodes: read("daemon/service-audit.ts older copy (spec §9.2)"),
  doctorRepair: read("#28428 review (spec §9.2): the naive repair's two pitfalls"),
  customBindFallback: read("2026.2.12 and 2026.2.17 dists (resolveGatewayRuntimeConfig): an unusable customBindHost falls back to 0.0.0.0"),
  containerDetection: read("2026.2.12 … 2026.2.22 dists: no container detection; an unset bind is loopback and auto prefers 127.0.0.1"),
  tokenBootstrap: read("2026.2.12 and 2026.2.17 dists (gateway run: 'no token is configured', exit); 2026.2.12 run here on 2026-12-05 with no token exited so"),
};

const fixedService: Partial<Record<keyof ServiceSwitches, Provenance>> = {
  unitEmbedsToken: read("daemon/service-env.ts later copy (spec §9.2): tokenless units"),
  serviceTokenResolution: read("credentials.ts later copy (spec §9.1): config first under OPENCLAW_SERVICE_KIND=gateway"),
  auditCodes: read("daemon/service-audit.ts later copy (spec §9.2)"),
  doctorRepair: read("#28428 follow-up (spec §9.2): reload and validate first"),
  customBindFallback: read("2026.2.22 … 2026.9.6 dists (resolveGatewayRuntimeConfig): bind=custom without a usable IPv4 customBindHost refuses to start"),
  containerDetection: read("2026.3.2, 3.13 and 3.31 dists: no container detection (it came with PR #61818, 2026-04-06)"),
  tokenBootstrap: read("2026.2.22 … 2026.4.22 dists (ensureGatewayStartupAuth with persist: a generated token is written as gateway.auth.token, mode token; canBootstrapToken exempts the non-loopback refusal); 2.22, 3.13, 3.31 and 4.14 run here on 2026-12-05 with no token each wrote one into the config"),
};

/** tokenBootstrap of a release from 2026.5.28 on, run here on 2026-12-05 (5.28, 7.1, 8.2, 9.6) or read (6.11). */
function tokenBootstrapLate(release: string): Partial<Record<keyof ServiceSwitches, Provenance>> {
  const pairs = release === "2026.8.2" || release === "2026.9.6";
  const how = `gateway run with no token kept a generated one out of the config ("runtime token for this startup")${pairs ? " and paired the local CLI device for operator.admin before readiness (startup-local-cli-pairing)" : ""}; the CLI refuses a non-loopback bind without a configured secret (shouldBlockGatewayBindWithoutExplicitAuth)`;
  return { tokenBootstrap: release === "2026.6.11" ? read(`openclaw@${release} dist`, how) : recorded(release, `2026-12-05: ${how}`) };
}

/** Releases whose `gateway run` without --bind was started here with and without /.dockerenv (and Fly.io's variables). */
const containerRecorded: Readonly<Record<string, string>> = {
  "2026.3.31": "2026-12-05: no --bind under /.dockerenv listens on 127.0.0.1 and ::1 (reports/live/container-bind-2026-12-05.md)",
  "2026.4.14": "2026-12-05: no --bind listens on 0.0.0.0 under /.dockerenv, on 127.0.0.1 without it even with FLY_MACHINE_ID and FLY_APP_NAME (reports/live/container-bind-2026-12-05.md)",
  "2026.5.28": "2026-12-05: no --bind with FLY_MACHINE_ID and FLY_APP_NAME and no /.dockerenv listens on 0.0.0.0 (reports/live/container-bind-2026-12-05.md)",
  "2026.9.6": "2026-12-05: no --bind listens on 0.0.0.0 under /.dockerenv or with both Fly.io variables, on 127.0.0.1 and ::1 with neither or FLY_MACHINE_ID alone (reports/live/container-bind-2026-12-05.md)",
};

/** containerDetection as read in a release from 2026.4.14 on (net.ts isContainerEnvironment, defaultGatewayBindMode). */
function containerRead(release: string, value: "sentinel" | "sentinel-or-fly"): Partial<Record<keyof ServiceSwitches, Provenance>> {
  const live = containerRecorded[release];
  if (live !== undefined) return { containerDetection: recorded(release, live) };
  const how = value === "sentinel" ? "/.dockerenv, /run/.containerenv, /var/run/.containerenv or a container /proc/1/cgroup" : "FLY_MACHINE_ID with FLY_APP_NAME, or /.dockerenv, /run/.containerenv, /var/run/.containerenv or a container /proc/1/cgroup";
  return { containerDetection: read(`openclaw@${release} dist, isContainerEnvironment + defaultGatewayBindMode`, `${how}; then an unset bind is auto (loopback under tailscale serve/funnel) and auto listens on 0.0.0.0`) };
}

const feb: ProfileProvenance = { gateway: febGateway, client: febClient, service: legacyService };

// 2026.8 (openclaw@2026.8.2): a gateway switch whose flip alone changes the seed-5 fixture's count (5 divergent
// attempts) is recorded from that release; the others keep 2026.9's value, labelled as such.
const pinnedBy82: Readonly<Record<string, readonly [string, number]>> = {
  protocolVersion: ["3", 266],
  connectSchema: ["mar", 82],
  probeProtocolFloor: ["null", 7],
  passwordCountsAsTokenMismatch: ["true", 19],
  protocolMismatchDetails: ["expected-only", 16],
  detailCodes: ["false", 114],
  recoveryHints: ["false", 59],
  signatureSkewMs: ["600000", 6],
  nonceRequired: ["remote-only", 8],
  signatureTokenSource: ["token-only", 50],
  controlUiClassifier: ["control-ui-only", 27],
  originRule: ["feb", 28],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 10],
  originCheckApplies: ["ui-only", 11],
  scopeClearing: ["preserve-allowed", 10],
  deviceLessScopeKeepers: ["[]", 60],
  silentPairing: ["late", 44],
  localClientRule: ["is-local", 28],
  localBackendPairingSkip: ["device-token-or-none", 8],
  workerClaimsClosed: ["false", 7],
  pairingAnswer: ["plain", 34],
  uiPairingWaitHint: ["true", 10],
  revokeRemovesRole: ["false", 8],
  pendingRequestPolicy: ["replace", 6],
  helloAuthAlways: ["false", 103],
  helloAuthMethod: ["true", 120],
  authMessageStyle: ["mid", 19],
  missingScopeAnswer: ["invalid-request", 26],
  browserCopilotClass: ["false", 6],
  connectSecretEitherField: ["true", 19],
  deviceLessSharedAuthAnyRole: ["true", 15],
  healthNeedsReadScope: ["true", 12],
  deviceNonceSchemaOptional: ["true", 7],
  nodeRequiresDeviceToken: ["false", 6],
  approvalScopeChecks: ["false", 6],
  deviceTokenWithinApproval: ["false", 7],
  operatorScopeImplications: ["false", 14],
  detailCodeSet: ["early", 37],
  sharedAuthOperatorSkipsPairing: ["true", 54],
  deviceTokenScopeMismatchReason: ["false", 7],
  controlUiInsecureMessage: ["https-or-localhost", 14],
};

function gateway82(): Partial<Record<keyof GatewaySwitches, Provenance>> {
  const out: Partial<Record<keyof GatewaySwitches, Provenance>> = {};
  for (const [key, p] of Object.entries(gateway96) as [keyof GatewaySwitches, Provenance][]) {
    const pin = pinnedBy82[key];
    out[key] = pin
      ? recorded("2026.8.2", `seed-5 fixture: 5 divergent attempts, ${pin[1]} with ${pin[0]}`)
      : assumed(`as 2026.9 (${describeProvenance(p)}); the 2026.8.2 seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    trustedProxyLoopback: gateway96.trustedProxyLoopback!,
    controlUiOriginSeed: read("openclaw@2026.8.2 dist, maybeSeedControlUiAllowedOriginsAtStartup", "as 2026.9.6: seeded for the running process only"),
    approvalKeepsTokenIssuer: read("openclaw@2026.8.2 dist, device-pairing-approval approveDevicePairing", "the approval's token is built without an issuer (rotation keeps it); 7.1 seed-85 restarts fixture 4 → 0 with it off for 5.28 … 8.2"),
    silentPairingPrune: read("openclaw@2026.8.2 dist, device-pairing pruneSupersededSilentPairedDevices", "as 2026.9.6: the same cluster key, 60 s grace and connected-device exemption"),
    rotateScopeBaseline: gateway96.rotateScopeBaseline!,
    pairListConnected: read("openclaw@2026.8.2 dist, device.pair.list", "as 2026.9.6: connected for each paired device"),
    sharedChargeDeferred: read("openclaw@2026.8.2 dist, resolveConnectAuthState (deferRateLimitFailure = a device-token candidate with a device identity), resolveConnectAuthDecision finish + message-handler settleRejectedSharedAuthFailure", "a token_mismatch or password_mismatch beside a device-token candidate is charged to the shared-secret scope only if the connect is refused (device proof refused, fallback failed), after the device-token charge; a device-token success leaves it uncharged and unreset; seed-37 configs4 fixture 6 → 2 (k4-token-rl2-strict c0085, c0185, c0207, c0248)"),
    helloAuthMethod: read("openclaw@2026.8.2 dist, message-handler hello-ok", "auth {role, scopes, …} without method; seed-5 fixture 139 → 24 with it off"),
    helloAuthTokenScopes: read("openclaw@2026.8.2 dist, sendGatewayHello", "auth.scopes are the session's scopes"),
    approvalTokenKeepsHeldScopes: read("openclaw@2026.8.2 dist, device-pairing-approval resolveApprovedTokenScopes", "as 2026.9.6: the asked scopes outside the approved baseline are added to the held token's"),
    connectSecretEitherField: recorded("2026.8.2", "seed-5 fixture: the right secret in the password field of a token gateway is token_missing (24 → 10 with this and passwordCountsAsTokenMismatch off)"),
    passwordCountsAsTokenMismatch: recorded("2026.8.2", "seed-5 fixture: a wrong password on a token gateway is token_missing, not token_mismatch"),
    revokedRoleStaysApproved: read("openclaw@2026.8.2 dist, resolveDeviceTokenUpdateContext", "token issue and rotation check listApprovedPairedDeviceRoles, as 2026.9.6; seed-5 fixture k2/c0101 (ben's revoked operator role gets a new token from a pairing-skipping local backend): 1 → 0"),
    nodePairingNeedsPairedDevice: read("openclaw@2026.8.2 dist, requestNodePairing + message-handler catch", "as 2026.9.6: no paired device record throws 'node pairing requires a paired device' and the connect handler's catch closes the socket without answering"),
    uiPairingWaitHint: read("openclaw@2026.8.2 dist, message-handler pairing answer", "wait_then_retry only for a bootstrap first node pairing or an ssh verification; seed-5 fixture 10 → 5 with it off"),
  };
}

const r71 = "openclaw@2026.7.1 dist";

// 2026.7 (openclaw@2026.7.1): the gateway switches whose flip alone changes the seed-5 fixture's count (0 divergent
// attempts under 2026.7): value flipped to, count with it.
const pinnedBy71: Readonly<Record<string, readonly [string, number]>> = {
  protocolVersion: ["3", 235],
  connectSchema: ["late", 64],
  probeProtocolFloor: ["null", 2],
  passwordCountsAsTokenMismatch: ["true", 13],
  protocolMismatchDetails: ["expected-only", 6],
  detailCodes: ["false", 97],
  recoveryHints: ["false", 56],
  nonceRequired: ["remote-only", 2],
  signatureTokenSource: ["token-only", 45],
  controlUiClassifier: ["control-ui-only", 11],
  originRule: ["feb", 8],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 4],
  originCheckApplies: ["ui-only", 4],
  scopeClearing: ["preserve-allowed", 4],
  deviceLessScopeKeepers: ["[]", 55],
  silentPairing: ["all-but-node-role-upgrade", 21],
  localClientRule: ["is-local", 8],
  localBackendPairingSkip: ["device-token-or-none", 1],
  workerClaimsClosed: ["true", 2],
  pairingAnswer: ["plain", 35],
  uiPairingWaitHint: ["true", 8],
  revokeRemovesRole: ["false", 7],
  helloAuthAlways: ["false", 37],
  helloAuthMethod: ["true", 101],
  helloAuthTokenScopes: ["false", 38],
  pairingChecksInSequence: ["false", 6],
  inlineApprovalCallerScopes: ["requested-and-approved", 3],
  authMessageStyle: ["2026.9", 12],
  missingScopeAnswer: ["forbidden", 16],
  connectSecretEitherField: ["true", 20],
  deviceLessSharedAuthAnyRole: ["true", 9],
  healthNeedsReadScope: ["true", 8],
  deviceNonceSchemaOptional: ["true", 2],
  nodeHostMetadataNormalization: ["true", 7],
  approvalScopeChecks: ["false", 3],
  removeDropsPending: ["false", 5],
  deviceTokenWithinApproval: ["false", 7],
  impliedTokenScopes: ["false", 37],
  operatorScopeImplications: ["false", 11],
  detailCodeSet: ["early", 21],
  sharedAuthOperatorSkipsPairing: ["true", 70],
  deviceTokenScopeMismatchReason: ["false", 4],
  controlUiInsecureMessage: ["https-or-localhost", 8],
};

// 2026.8's table; a value the 7.1 recording pins is recorded from it, every value 7.1 sets differently (and a few
// checked there) is read in its dist, the rest is labelled as carried from 2026.8.
function gateway71(): Partial<Record<keyof GatewaySwitches, Provenance>> {
  const out: Partial<Record<keyof GatewaySwitches, Provenance>> = {};
  for (const [key, p] of Object.entries(gateway82()) as [keyof GatewaySwitches, Provenance][]) {
    const pin = pinnedBy71[key];
    out[key] = pin
      ? recorded("2026.7.1", `seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}`)
      : assumed(`as 2026.8 (${describeProvenance(p)}); the 2026.7.1 seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    trustedProxyLoopback: gateway96.trustedProxyLoopback!,
    approvalKeepsTokenIssuer: recorded("2026.7.1", "device-pairing approveDevicePairing builds the token without an issuer; seed-85 restarts fixture: after an approval a cli with a loopback Origin reuses the approved operator token (admin, pairing, read, write) where the model, keeping a Control UI session's issuer on it, re-minted a read-only one: 4 → 0"),
    silentPairingPrune: read(r71, "no pruneSupersededSilentPairedDevices and no approvedVia on a paired record"),
    rotateScopeBaseline: gateway96.rotateScopeBaseline!,
    pairListConnected: read(r71, "device.pair.list: redactPairedDevice(device), no connected field"),
    pairingSkipCoversPaired: recorded("2026.7.1", "message-handler: the Control UI / auth-none and local-backend skips apply only when the device is not paired; seed-81 restarts fixture, auth mode none: a paired TUI asking operator without an approved operator role gets role-upgrade (9 divergent attempts with the skip covering it, 0 without); seed-5 fixture 0, 5 with it on (a paired local backend's upgrade checks, which localBackendPairingSkip had carried as unpaired-also-shared-secret)"),
    connectSchema: read(`${r71}, schema ConnectParamsSchema`, "client id and mode as Type.Enum (ajv 'must be equal to one of the allowed values'), S-Mar ids and modes, auth.bootstrapToken, no client.buildId or transports; seed-5 fixture 136 → 107 (with apr)"),
    helloAuthTokenScopes: read(`${r71}, message-handler hello-ok`, "auth.scopes = deviceToken ? deviceToken.scopes : scopes"),
    approvalTokenKeepsHeldScopes: read(`${r71}, device-pairing resolveApprovedTokenScopes`, "the asked scopes outside the approved baseline are added to the role's held token (a device holding operator.pairing approved for operator.admin gets admin, pairing, read, write, reported in hello-ok); seed-29 configs4 fixture 21 → 7 with it on"),
    rateLimitedRetryAfter: read(`${r71}, message-handler rejectUnauthorized`, "the unauthorized answer has details only: no retryable or retryAfterMs for rate_limited (the 8.2 dist adds both); seed-29 configs4 fixture, trusted-proxy + strict limiter: 7 → 0 with it off"),
    sharedChargeDeferred: read(`${r71}, resolveConnectAuthState`, "no deferRateLimitFailure: a wrong token or password is charged at once (8.2 holds it until the connect is refused)"),
    sharedLimiterOnSecretOnly: read(`${r71}, resolveConnectAuthState + resolveConnectAuthDecision`, "rateLimiter: sharedAuthProvided ? … : none; a wrong token or password is charged at once, with or without a device identity, and a device-token success resets the shared-secret counter (2026.8.2 defers the charge instead); the recordings replay alike either way"),
    unattributedProxyLimiterKey: read(`${r71}, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp`, "a trusted proxy's request without X-Forwarded-For has no client address; the limiter keys it 'unknown', which is not loopback-exempt; seed-23 configs4 fixture c0219 (rate_limited after 10 such device-token failures): 1 → 0 with it on"),
    nodeRequiresDeviceToken: read(r71, "no 'authenticated node pairing identity unavailable' anywhere in the dist (8.2 and 9.6 have it): a device-bearing local backend asking role node on the shared token is admitted; 6.11 seed-23 fixture c0991: 1 → 0 with it off"),
    workerClaimsClosed: read(`${r71}, message-handler`, "no worker admission before the connect (no invalid-handshake close for worker claims)"),
    authMessageStyle: read(`${r71}, formatGatewayAuthFailureMessage`, "cli mode: 'set gateway.remote.token to match gateway.auth.token' (no local variant)"),
    missingScopeAnswer: read(`${r71}, server-methods authorizeGatewayMethod`, "INVALID_REQUEST 'missing scope: …' without details"),
    silentPairing: read(`${r71}, message-handler requirePairing + shouldAllowSilentLocalPairing`, "silent = reason === 'scope-upgrade' ? false : allowSilentLocalPairing (no node-role upgrade of a paired device, metadata upgrades as 2026.9.6); 2026.8.2 makes a shared-secret scope upgrade silent; seed-5 fixture 28 → 20"),
    autoApproveLocalSetting: read(r71, "no gateway.nodes.pairing.autoApproveLocal anywhere in the dist"),
    pairingChecksInSequence: read(`${r71}, message-handler`, "requirePairing('metadata-upgrade' | 'role-upgrade' | 'scope-upgrade', paired) in turn, each against the record read before the connect: a silent role upgrade to operator asking scopes is then a scope upgrade, never silent"),
    localBackendPairingSkip: read(`${r71}, message-handler shouldSkipLocalBackendSelfPairing`, "none, shared secret or device token (consulted only when the device is not paired yet: pairingSkipCoversPaired); seed-5 fixture 8 → 3 when it was read, 1 with device-token-or-none now"),
    inlineApprovalCallerScopes: read(`${r71}, message-handler requirePairing`, "approveDevicePairing(requestId, { callerScopes: scopes }): the requested scopes alone, so a silent role upgrade of a device whose operator token holds operator.admin is refused for a connect asking less and waits (k2 c0099); seed-5 fixture 3 → 0"),
    controlUiBuildCheck: read(r71, "no client.buildId in ConnectParamsSchema, the connect handler or the Control UI assets: no build check"),
    hotReloadPrefixes: read(`${r71}, config-reload-plan`, "the only hot gateway.* rules are the channel health knobs; gateway.trustedProxies, controlUi, auth.rateLimit … fall to 'gateway' → restart"),
    credentialReload: read(`${r71}, config-reload-plan`, "no AUTH_CREDENTIAL_PATHS / canHotReloadGatewayAuthCredentials: a token or password change restarts the gateway"),
    signatureSkewMs: read(`${r71}, message-handler`, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
    revokeClosesSessions: read(`${r71}, device.token.revoke`, "disconnectClientsForDevice(deviceId, { role })"),
    rotateClosesSessions: read(`${r71}, device.token.rotate`, "disconnectClientsForDevice(deviceId, { role })"),
    deviceTokenIssuer: read(`${r71}, ensureDeviceToken`, "reuses a token only when deviceTokenIssuerMatches (the issuer rules were not re-read in full; the recording does not tell it apart)"),
    revokedRoleStaysApproved: read(`${r71}, resolveDeviceTokenUpdateContext + listEffectivePairedDeviceRoles`, "as 2026.9.6: token issue checks the approved roles, the connect the effective ones"),
    nodePairingNeedsPairedDevice: read(r71, "no 'node pairing requires a paired device' (the 8.2 and 9.6 dists have it): node pairing requests have a store of their own"),
    nodeHostMetadataNormalization: read(r71, "no normalizeNodeHostCompatibilityMetadata (the 8.2 and 9.6 dists have it): a node host pins no deviceFamily; seed-5 fixture 16 → 12"),
    controlUiOriginSeed: read(`${r71}, maybeSeedControlUiAllowedOriginsAtStartup`, "as 2026.9.6: seeded for the running process only, from the bind and port it runs with"),
    unattributableProxyRefused: recorded("2026.7.1", "seed 23, trusted-proxy configuration: a trusted proxy's upgrade without X-Forwarded-For is accepted (12 attempts; the model answered 403); the 'Proxy client attribution' check is absent from the 5.28, 6.11 and 7.1 dists, present in 8.2's"),
  };
}

// 2026.6 and 2026.5 (openclaw@2026.6.11, 2026.5.28): 2026.7's table. The values 2026.7 sets apart from 2026.8 were
// checked in both dists (the same code or its absence), two differ (read), a value the release's recording pins is
// recorded from it, the rest is labelled as carried from 2026.7.
const checkedInJun: Readonly<Partial<Record<keyof GatewaySwitches, string>>> = {
  trustedProxyLoopback: "authorizeTrustedProxy: a loopback proxy peer is refused unless trustedProxy.allowLoopback is true",
  approvalKeepsTokenIssuer: "approveDevicePairing builds the token without an issuer (rotateDeviceToken keeps it: preserveExistingIssuer)",
  silentPairingPrune: "no pruneSupersededSilentPairedDevices and no approvedVia",
  rotateScopeBaseline: "rotateDeviceToken: the asked scopes within resolveApprovedDeviceScopeBaseline, none refused missing-approved-scope-baseline",
  pairListConnected: "device.pair.list: redactPairedDevice(device), no connected field",
  pairingSkipCoversPaired: "message-handler: the Control UI and local-backend skips sit in the not-paired branch (if (!(skipLocalBackendSelfPairing || skipControlUiPairingForDevice))); a paired device is checked for upgrades",
  controlUiOriginSeed: "maybeSeedControlUiAllowedOriginsAtStartup: the seeded origins apply to the running process only (no config write)",
  connectSchema: "ConnectParamsSchema: Type.Enum client ids and modes, no client.buildId",
  helloAuthTokenScopes: "hello-ok auth.scopes = deviceToken ? deviceToken.scopes : scopes",
  approvalTokenKeepsHeldScopes: "resolveApprovedTokenScopes adds the asked scopes outside the approved baseline to the held token's",
  rateLimitedRetryAfter: "rejectUnauthorized: details only, no retryable or retryAfterMs for rate_limited",
  unattributedProxyLimiterKey: "resolveClientIp returns nothing for a trusted proxy without X-Forwarded-For; normalizeRateLimitClientIp keys it 'unknown'",
  nodeRequiresDeviceToken: "no 'authenticated node pairing identity unavailable' in the dist",
  workerClaimsClosed: "no worker admission in the connect handler",
  revokedRoleStaysApproved: "resolveDeviceTokenUpdateContext checks listApprovedPairedDeviceRoles; listEffectivePairedDeviceRoles for the connect",
  nodePairingNeedsPairedDevice: "no 'node pairing requires a paired device': node pairing requests have a store of their own",
  authMessageStyle: "formatGatewayAuthFailureMessage: the mid hints",
  missingScopeAnswer: "server-methods: INVALID_REQUEST 'missing scope: …'",
  silentPairing: "requirePairing: silent = reason === 'scope-upgrade' ? false : …",
  autoApproveLocalSetting: "no autoApproveLocal anywhere",
  nodeHostMetadataNormalization: "no normalizeNodeHostCompatibilityMetadata",
  pairingChecksInSequence: "requirePairing for metadata, role and scope upgrades in turn",
  localBackendPairingSkip: "shouldSkipLocalBackendSelfPairing in the not-paired branch only",
  inlineApprovalCallerScopes: "approveDevicePairing(…, { callerScopes: scopes })",
  controlUiBuildCheck: "no buildId in the schema, the connect handler or the Control UI assets",
  hotReloadPrefixes: "config-reload-plan: only the channel health knobs are hot under gateway",
  credentialReload: "no AUTH_CREDENTIAL_PATHS / canHotReloadGatewayAuthCredentials",
  signatureSkewMs: "DEVICE_SIGNATURE_SKEW_MS = 120 s",
  revokeClosesSessions: "device.token.revoke: disconnectClientsForDevice",
  rotateClosesSessions: "device.token.rotate: disconnectClientsForDevice",
  deviceTokenIssuer: "ensureDeviceToken checks deviceTokenIssuerMatches",
  sharedLimiterOnSecretOnly: "resolveConnectAuthState: the shared check gets the limiter only when a token or password is sent; a mismatch charged at once, reset on a device-token success",
};

// The gateway switches whose flip alone moves the 6.11 recording's count off 0 under its profile; the 5.28
// recording's `--flips` output was the same, switch for switch and count for count (same seed, same answers).
const pinnedBy611: Readonly<Record<string, readonly [string, number]>> = {
  protocolVersion: ["3", 237],
  connectSchema: ["late", 65],
  probeProtocolFloor: ["3", 2],
  passwordCountsAsTokenMismatch: ["true", 12],
  protocolMismatchDetails: ["expected-only", 8],
  detailCodes: ["false", 91],
  recoveryHints: ["false", 50],
  nonceRequired: ["remote-only", 2],
  signatureTokenSource: ["token-only", 44],
  controlUiClassifier: ["control-ui-only", 11],
  originRule: ["feb", 8],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 4],
  originCheckApplies: ["ui-only", 4],
  scopeClearing: ["preserve-allowed", 54],
  deviceLessScopeKeepers: ["[]", 5],
  silentPairing: ["all-but-node-role-upgrade", 10],
  localClientRule: ["is-local", 8],
  localBackendPairingSkip: ["device-token-or-none", 1],
  pairingSkipCoversPaired: ["true", 1],
  workerClaimsClosed: ["true", 2],
  pairingAnswer: ["plain", 38],
  uiPairingWaitHint: ["true", 7],
  helloAuthAlways: ["false", 37],
  helloAuthMethod: ["true", 102],
  helloAuthTokenScopes: ["false", 45],
  pairingChecksInSequence: ["false", 4],
  authMessageStyle: ["2026.9", 12],
  missingScopeAnswer: ["forbidden", 40],
  connectSecretEitherField: ["true", 22],
  deviceLessSharedAuthAnyRole: ["true", 9],
  healthNeedsReadScope: ["true", 11],
  deviceNonceSchemaOptional: ["true", 2],
  nodeHostMetadataNormalization: ["true", 8],
  deviceTokenIssuer: ["false", 2],
  impliedTokenScopes: ["false", 42],
  operatorScopeImplications: ["false", 18],
  detailCodeSet: ["early", 21],
  sharedAuthOperatorSkipsPairing: ["true", 70],
  deviceTokenScopeMismatchReason: ["false", 5],
  controlUiInsecureMessage: ["https-or-localhost", 8],
};

// The gateway switches whose flip alone moves each recording's count off 0 under its profile.
const pinnedByJun: Readonly<Record<string, Readonly<Record<string, readonly [string, number]>>>> = {
  "2026.6.11": pinnedBy611,
  "2026.5.28": pinnedBy611,
};

function gatewayJunProvenance(release: "2026.6.11" | "2026.5.28"): Partial<Record<keyof GatewaySwitches, Provenance>> {
  const source = `openclaw@${release} dist`;
  const pinned = pinnedByJun[release]!;
  const out: Partial<Record<keyof GatewaySwitches, Provenance>> = {};
  for (const [key, p] of Object.entries(gateway71()) as [keyof GatewaySwitches, Provenance][]) {
    const checked = checkedInJun[key];
    const pin = pinned[key];
    out[key] = checked
      ? read(source, `${checked}${pin ? `; seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}` : ""}`)
      : pin
        ? recorded(release, `seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}`)
        : assumed(`as 2026.7 (${describeProvenance(p)}); the ${release} seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    deviceLessScopeKeepers: read(`${source}, message-handler`, "no shouldPreserveLocalCliSharedAuthScopes: a device-less cli/cli is cleared; the local backend's self-pairing skip keeps its scopes; seed-5 fixture 52 → 2 under 2026.7 with it"),
    probeProtocolFloor: read(`${source}, message-handler protocol check`, "probeMin=4: no protocol-3 exception for probes or legacy node hosts; seed-5 fixture 2 → 0"),
    pendingRequestPolicy: read(`${source}, requestDevicePairing + reconcilePendingPairingRequests`, "refreshed in place only for the same role, roles and scopes (no incomingApprovalCoveredByExisting, which 2026.7.1 has: PR #98145), else replaced under a new requestId carrying every pending role and scope; the recordings replay alike with replace-on-growth"),
  };
}

/**
 * The client switches `gate --client real@<release>` exercises (its stories and files), recorded from a release
 * whose own client ran in the world with no difference from the simulated one under the profile.
 */
function recordedByRealClientGate(release: string, day = "2026-12-04"): Partial<Record<keyof ClientSwitches, Provenance>> {
  const how = `gate --client real@${release} on Node 24 (${day}): 10 stories and 19 scenario files, 0 differences`;
  return Object.fromEntries(
    (["tokenPriority", "deviceTokenRetry", "pauseOnDeviceTokenMismatch", "tokenMismatchPause", "honourRetryAfter", "challengeTimeoutMs", "protocolVersion"] as const).map((k) => [k, recorded(release, how)]),
  );
}

/** signedAt from the client's own clock, recorded from a pre-#116679 release's client in the world. */
function clientClockRecorded(release: string): Provenance {
  return recorded(release, `its client signs with the host clock (not the challenge ts); gate --client real@${release}: clock-skew-signature-116679 fails with the real client as under this profile (under 2026.8's challenge ts it differed)`);
}

function client71Provenance(): Partial<Record<keyof ClientSwitches, Provenance>> {
  return {
    ...Object.fromEntries(Object.entries(client96).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p!)}); the 2026.7.1 client was not run or read`)])),
    ...recordedByRealClientGate("2026.7.1"),
    signedAtSource: clientClockRecorded("2026.7.1"),
    controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16, after 2026.7.1)", "no device identity on plain-http origins yet"),
    controlUiSendsBuildId: read("openclaw@2026.7.1 dist, control-ui assets", "the connect's client object has no buildId (the 7.1 schema would refuse it)"),
    ...controlUiBackoffRead(["2026.7.1"]),
  };
}

function clientJunProvenance(release: string): Partial<Record<keyof ClientSwitches, Provenance>> {
  const base = client71Provenance();
  return {
    ...Object.fromEntries(Object.entries(base).map(([k, p]) => [k, assumed(`as 2026.7 (${describeProvenance(p!)}); the ${release} client was not read`)])),
    ...recordedByRealClientGate(release),
    signedAtSource: clientClockRecorded(release),
    ...controlUiBackoffRead([release]),
  };
}

function serviceProvenance71(release: string): Partial<Record<keyof ServiceSwitches, Provenance>> {
  return Object.fromEntries(Object.entries(fixedService).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p!)}); not re-read for ${release}`)]));
}

/** Provenance per profile name, mirroring catalog.ts. */
const provenance414Gateway: Partial<Record<keyof GatewaySwitches, Provenance>> = {
  ...lateGateway,
  pairingSkipCoversPaired: read("openclaw@2026.4.14 dist, server.impl connect handler", "the Control UI and local-backend skips sit in the not-paired branch; a paired device goes through the metadata, role and scope checks"),
  connectSchema: read("openclaw@2026.4.14 dist, protocol ConnectParamsSchema", "literal unions (S-Mar ids and modes), auth.bootstrapToken, no client.buildId or transports; seed-5 fixture 58 → 24"),
  missingScopeAnswer: read("openclaw@2026.4.14 dist, method scope check", "INVALID_REQUEST 'missing scope: …'; seed-5 fixture, with the schema, 24 → 8"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.4.14 dist", "no scope_mismatch reason (the 4.14 fixture replays the same either way)"),
  pairingChecksInSequence: read("openclaw@2026.4.14 dist, connect handler requirePairing", "metadata, role and scope upgrades checked in turn against the record read before the connect, a scope upgrade never silent: a device paired as a node with no scopes asking operator with scopes locally is silently given the role and then refused scope-upgrade; seed-5 fixture 3 → 1 (c0033, c0051)"),
  approvalScopeChecks: read("openclaw@2026.4.14 dist, approveDevicePairing + resolveScopeOutsideRequestedRoles", "a request whose scope no requested role prefixes is forbidden, so a silent pairing stays pending and the connect is answered pairing required; seed-11 fixture 56 with it off, 0 with the two below, which neither fixture pins on its own (c0009: a node-host asking role node with operator.read on a device paired as operator, role-upgrade)"),
  inlineApprovalCallerScopes: read("openclaw@2026.4.14 dist, connect handler requirePairing", "approveDevicePairing(requestId, { callerScopes: scopes }): the requested scopes alone"),
  approvalChecksHeldTokenScopes: read("openclaw@2026.4.14 dist, approveDevicePairing", "only the request's operator scopes are checked against the caller's, not the existing operator token's"),
    approvalTokenKeepsHeldScopes: read("openclaw@2026.4.14 dist, resolveApprovedTokenScopes", "a request asking scopes gets exactly its role's share of them, the held token's are not kept (5.28 is the first dist read that keeps them)"),
  protocolMismatchDetails: read("openclaw@2026.4.14 dist, connect handler protocol check", "details { expectedProtocol: 3 } with no code; seed-11 fixture 71 → 56"),
  localBackendPairingSkip: read("openclaw@2026.4.14 dist, connect handler shouldSkipLocalBackendSelfPairing", "a local gateway-client/backend without an Origin skips pairing with a device-token login or a successful shared token or password login (not in mode none), consulted only when the device is not paired yet: it is admitted unpaired and gets no device token; seed-19 configs4 fixture 31 → 3 (k2-token c0005), 28 with the value it had (device-token-or-none)"),
  pendingRequestPolicy: read("openclaw@2026.4.14 dist, requestDevicePairing + reconcilePendingPairingRequests", "the pending request is refreshed (same requestId) when role, roles and scopes are the same, else replaced with a new requestId carrying every pending role and scope, silent only if all were; a request asking a subset gets a new requestId too (the churn PR #98145 later removed); seed-19 configs4 fixture 3 → 0 with the skip above (k2-token c0029: a node asking no scopes after a node-host asked operator.admin stays pending, the merged request being refused by the approval's scope checks)"),
  localClientRule: read("openclaw@2026.4.14 dist, isLocalDirectRequest", "a loopback peer without forwarded headers is local whatever its Host (as in 3.31; the model's rule ignores Forwarded and X-Forwarded-Proto, and 4.14's container-local pairing equivalents are not modelled); seed-5 fixture 1 → 0 (c0057: a device-less TUI with a loopback Origin and a foreign Host passes the origin check and is refused for its missing device identity)"),
  limiterNeedsConfig: read("openclaw@2026.4.14 dist, server.impl createGatewayAuthRateLimiters", "the per-address limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always, never loopback-exempt); seed-31 configs4 fixture (trusted proxy, no rateLimit): 0 with it, 85 without once unattributedProxyLimiterKey is on"),
  sharedLimiterOnSecretOnly: read("openclaw@2026.4.14 dist, resolveConnectAuthState + authorizeGatewayConnect", "the shared check gets the limiter only when a token or password is sent, and a wrong one is charged with or without a device identity; a device-token success resets it"),
  unattributedProxyLimiterKey: read("openclaw@2026.4.14 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp + resolveHandshakeBrowserSecurityContext", "a loopback trusted proxy's connect without X-Forwarded-For has no client address: counted under 'unknown' (browser-origin limiter too when it has an Origin), not loopback-exempt; seed-43 configs4 fixture 2 → 0 (k4-password-rl3-strict-proxies c0230, c0250)"),
};
const provenance414Client: Partial<Record<keyof ClientSwitches, Provenance>> = {
  ...lateClient,
  challengeTimeoutMs: recorded("2026.4.14", "client: 10 s pre-auth default when no connectDelayMs is given; story challenge-lost of pnpm sim gate --client real@2026.4.14"),
  ...controlUiBackoffRead(["2026.4.14"]),
};

const byProfile: Readonly<Record<string, ProfileProvenance>> = {
  "2026.2.13": feb,
  "2026.2.14": {
    ...feb,
    client: {
      ...febClient,
      tokenPriority: read("issue #17270 / spec §7.2: 2026.2.14 regression, opts.token ?? stored"),
      staleTokenSelfHeal: read("issue #17270 / spec §7.2: no self-heal in the regression"),
    },
  },
  "2026.2.12": {
    gateway: {
      ...febGateway,
      silentPairing: read("openclaw@2026.2.12 dist, connect handler requirePairing", "silent = isLocalClient whatever the reason (as 2.17)"),
      operatorScopeImplications: read("openclaw@2026.2.12 dist, scopesAllow", "set membership only (as 2.17)"),
      approvalTokenScopes: read("openclaw@2026.2.12 dist, approveDevicePairing", "the role's new token gets the request's scopes (as 2.17)"),
      controlUiInsecureMessage: read("openclaw@2026.2.12 dist, connect handler", "'control ui requires HTTPS or localhost (secure context)'"),
      scopeClearing: recorded("2026.2.12", "dist connect handler: a session without a device keeps the scopes it asked (no clearing); conformance seed 5: device-less cli/backend sessions on the shared token answer health/status, 30 → 3 divergent attempts"),
      deviceTokenFallbackReason: recorded("2026.2.12", "dist connect handler: a plain auth.token that fails as a device token is refused with the shared auth's reason (gateway token mismatch); conformance seed 5 c0254, 3 → 2"),
      devicePairRemove: recorded("2026.2.12", "dist: no device.pair.remove among the core gateway handlers nor in authorizeGatewayMethod's pairing set, so an admin gets 'unknown method' and anyone else 'missing scope: operator.admin' (handleGatewayRequest checks scope first); no remove command in its devices CLI; conformance seed 17 (configs 4) c0057-op, 1 → 0"),
      deviceTokenNeedsApprovedRole: recorded("2026.2.12", "dist rotateDeviceToken: needs a paired device and a role name, not a role the device was approved for (nor a scope baseline: not modelled, the model still checks it); conformance seed 19 (configs 4) c0228-op, rotate for operator on a node device answers ok, 1 → 0"),
    },
    client: {
      ...febClient,
      tokenPriority: read("openclaw@2026.2.12 dist, GatewayClient.sendConnect", "authToken = stored device token ?? opts.token; a failed connect with both clears the stored token"),
    },
    service: legacyService,
  },
  "2026.2.17": {
    gateway: {
      ...febGateway,
      silentPairing: read("openclaw@2026.2.17 dist (same in 2026.2.12), connect handler requirePairing", "silent = isLocalClient whatever the reason (not-paired, role or scope upgrade); fixture 2.17 seed 9: 11 → 10 with it alone"),
      operatorScopeImplications: read("openclaw@2026.2.17 dist (same in 2026.2.12), scopesAllow in pairing, ensureDeviceToken and verifyDeviceToken", "set membership only; fixture 2.17 seed 9: a device paired for admin asking read is a silent scope upgrade and gets a read token"),
      controlUiInsecureMessage: read("openclaw@2026.2.17 dist, connect handler", "'control ui requires HTTPS or localhost (secure context)'; fixture 2.17 seed 9 c0970"),
      approvalTokenScopes: read("openclaw@2026.2.17 dist (same in 2026.2.12), approveDevicePairing", "the role's new token gets the request's scopes, [] for a scope-less role upgrade; fixture 2.17 seed 9 c0368"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.2.17 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "a paired device and a role name suffice, no approved-role check (nor a scope baseline: not modelled, the model still checks it); the 2.17 recordings do not pin it"),
    },
    client: {
      ...febClient,
      tokenPriority: read("openclaw@2026.2.17 dist, GatewayClient.sendConnect", "authToken = opts.token ?? stored device token: the 2026.2.14 regression (issue #17270) is still shipped"),
      staleTokenSelfHeal: read("openclaw@2026.2.17 dist, GatewayClient close handler", "clears the stored token on close 1008 'device token mismatch'"),
      staleTokenSelfHealWithShared: recorded("2026.2.17", "client: the close handler checks only for a device identity, so the stored token goes even with a shared token given; stories seed-004-stale-token-paired and wrong-token-bogus-stored of pnpm sim gate --client real@2026.2.17 agree with it (storedToken differed without)"),
      ...controlUiBackoffRead(["2026.2.17"]),
    },
    service: legacyService,
  },
  "2026.2.22": {
    ...feb,
    service: { ...legacyService, customBindFallback: fixedService.customBindFallback!, tokenBootstrap: fixedService.tokenBootstrap! },
    // The gateway starts from the S-Mar table (catalog.ts does too) and every switch 2.22 sets back is read in its
    // dist; the seed-5 fixture replays at 0 divergent attempts with them (124 before).
    gateway: {
      ...marGateway,
      controlUiOriginSeed: read("openclaw@2026.2.22 dist", "no ensureControlUiAllowedOriginsForNonLoopbackBind: nothing is seeded at start"),
      sharedAuthIncludesTrustedProxy: read(r222, "sharedAuthOk is a token or password login only: a device-less client behind a trusted proxy is refused device identity required (3.2 counts trusted-proxy)"),
      connectSchema: read(r222, "ConnectParamsSchema: the S-Feb client ids (no openclaw-tui), auth {token, deviceToken, password}"),
      detailCodes: read(r222, "connect errors carry details.code (AUTH_*, DEVICE_AUTH_INVALID, PAIRING_REQUIRED, …)"),
      detailCodeSet: read(r222, "ConnectErrorDetailCodes has DEVICE_AUTH_INVALID only (details.reason names the failure) and no origin code; fixture 124 → 2 → 0"),
      recoveryHints: read(r222, "no canRetryWithDeviceToken / recommendedNextStep"),
      signatureSkewMs: read(r222, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
      nonceRequired: read(r222, "a device proof without a nonce is refused whatever the locality"),
      signatureVersions: read(r222, "buildDeviceAuthPayload writes v2 only; the token is auth.token ?? auth.deviceToken"),
      signatureTokenSource: read(r222, "auth.token ?? auth.deviceToken (no bootstrap token yet)"),
      originRule: read(r222, "checkBrowserOrigin: allowlist, Host equality, loopback/loopback"),
      scopeClearing: read(r222, "clearUnboundScopes: a device-less connection's scopes are cleared unless the Control UI bypass is on"),
      silentPairing: read(r222, "requirePairing: silent = isLocalClient && (not-paired || scope-upgrade)"),
      sharedAuthOperatorSkipsPairing: read(r222, "skipPairingForOperatorSharedAuth: operator, shared token or password ok, not Control UI or webchat (absent from 2026.3.2 on); seed-6 fixture (recorded after it was read): 0 divergent with it, 4 without"),
      preauthPayloadBytesMax: read(r222, "no MAX_PREAUTH_PAYLOAD_BYTES"),
      impliedTokenScopes: febGateway.impliedTokenScopes!,
      deviceTokenWithinApproval: febGateway.deviceTokenWithinApproval!,
      deviceTokenFallbackReason: read(r222, "resolveConnectAuthDecision: device_token_mismatch only for an explicit auth.deviceToken"),
      trustedProxySkipsDeviceForAnyClient: read(r222, "evaluateMissingDeviceIdentity has no trusted-proxy exception"),
      pendingRequestPolicy: read(r222, "requestDevicePairing merges into the pending request (mergePendingDevicePairingRequest)"),
      allowInsecureAuthRemoteBypass: read("CVE-2026-32034 fixed in 2026.2.21"),
      tokenMissingCharged: read("openclaw@2026.2.22 dist, authorizeGatewayConnect", "a token-mode connect without a token records a limiter failure before answering token_missing (as 2.17 and 3.2 do; 3.13 no longer does)"),
      unattributedProxyLimiterKey: recorded("2026.2.22", "dist: resolveClientIp gives a trusted proxy's connect without X-Forwarded-For (nor an allowed X-Real-IP) no client IP; the connect handler hands it to resolveConnectAuthState, whose device-token check and shared check beside a device-token candidate key it 'unknown' (normalizeRateLimitClientIp), not loopback-exempt. Seed-17 configs4 fixture (password + 3-attempt limiter + trusted proxy 127.0.0.1): 4 rate_limited answers, 4 -> 0 with it"),
      limiterNeedsConfig: read("openclaw@2026.2.22 dist, server start (authRateLimiter = rateLimitConfig ? createAuthRateLimiter(…) : none) and no browser-origin limiter", "without gateway.auth.rateLimit nothing counts connect failures; the recordings do not pin it (0 either way)"),
      proxyPeerWithoutClientIp: read("openclaw@2026.2.22 dist, resolveClientIp + isLocalDirectRequest", "a trusted-proxy peer without X-Forwarded-For (and no real-IP fallback) has no client IP, so it is not local; the recordings do not pin it (0 either way)"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.2.22 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "a paired device and a role name suffice, no approved-role check (the scope baseline is checked); the recordings do not pin it"),
    },
    client: {
      ...febClient,
      tokenPriority: recorded("2026.2.22", "client: sendConnect sends opts.token (what its caller resolved from flags, config or env: callGateway's resolveGatewayCredentialsFromConfig) and the stored device token, as auth.deviceToken too, only without it, as the later selectConnectAuth; PR #17336's explicit > stored > passive never shipped. pnpm sim gate --client real@2026.2.22: token-priority-file, node-token-mismatch-17185 and agent-tools-mismatch-18936 differed under explicit-stored-passive, 0 of 19 files differ now"),
      challengeTimeoutMs: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "connectDelayMs, default 2 s"),
      challengeTimeoutAction: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "closes the socket: the 2 s watchdog"),
      insecureWsGuard: recorded("2026.2.22", "client: start() refuses ws:// unless the host is loopback (isSecureWebSocketUrl); story remote-plaintext of pnpm sim gate --client real@2026.2.22"),
      ...controlUiBackoffRead(["2026.2.22"]),
    },
  },
  "2026.3.2": {
    // Read in the openclaw@2026.3.2 dist; the seed-5 fixture (1,000 attempts, token configuration) replays at 0
    // divergent attempts with these (251 under 2026.3). "fixture n" = its count with that one value as 2026.3 has it.
    gateway: {
      ...marGateway,
      connectSchema: read(r32, "ConnectParamsSchema: the S-Feb client ids, auth {token, deviceToken, password} (no bootstrapToken); the recording does not pin it"),
      recoveryHints: read(r32, "connect errors carry details.code and authReason, no canRetryWithDeviceToken / recommendedNextStep; fixture 431 lines → 311 with the detail set"),
      detailCodeSet: read(r32, "ConnectErrorDetailCodes: one DEVICE_AUTH_* code per failure, no CONTROL_UI_ORIGIN_NOT_ALLOWED (an origin refusal has no details)"),
      signatureSkewMs: read(r32, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
      nonceRequired: read(r32, "a device proof without a nonce is refused (device-nonce-missing) whatever the locality"),
      signatureVersions: read(r32, "resolveDeviceSignaturePayloadVersion tries v3 then v2"),
      originCheckApplies: recorded("2026.3.2", "resolveHandshakeBrowserSecurityContext: enforceOriginCheckForAnyClient = hasBrowserOriginHeader && !hasProxyHeaders (X-Forwarded-For or X-Real-IP), then || Control UI || webchat; seed-107 configs fixture, trusted-proxy configuration: Origin-bearing clients forwarded by the proxy are not origin-checked (6 divergent attempts with any-origin, 0 with it)"),
      browserOriginLimiter: read(r32, "Origin-bearing clients use the browser limiter (authRateLimiter)"),
      scopeClearing: read(r32, "clearUnboundScopes: a device-less connection's scopes are cleared unless the Control UI bypass is on or shared auth is ok; device-less cli/backend sessions on the shared token answer status (fixture 106 → 35 against clear-unless-control-ui)"),
      localBackendPairingSkip: read(r32, "shouldSkipBackendSelfPairing: local gateway-client/backend, no Origin, shared token or password ok"),
      metadataPinning: read(r32, "resolvePinnedClientMetadata: platform / deviceFamily mismatch is a metadata-upgrade"),
      proxyPeerWithoutClientIp: read("openclaw@2026.3.2 dist, resolveClientIp + isLocalDirectRequest", "a trusted-proxy peer without X-Forwarded-For (and no real-IP fallback) has no client IP, so it is not local: no loopback origin, no silent pairing; seed-11 sweep, password configuration with 127.0.0.1 as trusted proxy"),
      unattributedProxyLimiterKey: recorded("2026.3.2", "dist: the connect handler passes the resolved client IP (none for a trusted proxy without X-Forwarded-For) to the device-token limiter check and to the shared-secret check made beside a device-token candidate; normalizeRateLimitClientIp keys a missing IP 'unknown', which is not loopback-exempt. (A connect without a device-token candidate is checked inside authorizeGatewayConnect, which falls back to the peer address: not modelled, the model keys it 'unknown' too.) Seed-17 configs4 fixture, password + 3-attempt limiter + trusted proxy 127.0.0.1: 82 rate_limited answers, 82 -> 0 with limiterNeedsConfig"),
      limiterNeedsConfig: read("openclaw@2026.3.2 dist, createGatewayAuthRateLimiters", "the connect limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always); with unattributedProxyLimiterKey on, the seed-11 configs4 fixture (password + trusted proxy 127.0.0.1, no rateLimit) would go 0 -> 73 without it"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.3.2 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "rotate needs a paired device, not an approved role: device.token.rotate for role node on an operator device answers ok; seed-11 sweep, 3 → 0"),
      deviceTokenWithinApproval: read("openclaw@2026.3.2 dist, ensureDeviceToken", "issues for any paired device, whatever role or scopes it was approved for (the checks came with 2026.3.13); fixture 35 → 0 (a backend skipping pairing gets an operator.admin token)"),
    },
    client: {
      ...Object.fromEntries(Object.entries({ ...lateClient, ...controlUiBackoffRead(["2026.3.13"]) }).map(([k, p]) => [k, assumed(`as 2026.3 (${describeProvenance(p!)}); the 2026.3.2 client was not read or run`)])),
      tuiClientId: read(r32, "the connect schema has no openclaw-tui id, so a TUI can only connect as gateway-client"),
      insecureWsAllows: read("openclaw@2026.3.2 dist, isSecureWebSocketUrl", "with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 only private IP literals (isPrivateOrLoopbackHost); a host name such as <host>.local is refused"),
      connectErrorDetails: recorded("2026.3.2", "client request(): an error answer rejects with new Error(message) (no GatewayClientRequestError before 2026.3.13), so no detail code reaches the retry or pause decision; stories wrong-token-bogus-stored and device-token-mismatch of pnpm sim gate --client real@2026.3.2 (never paused, backoff 1 s … 30 s)"),
    },
    service: Object.fromEntries(Object.entries(fixedService).map(([k, p]) => [k, assumed(`as 2026.3 (${describeProvenance(p!)}); not re-read for 2026.3.2`)])),
  },
  "2026.3": {
    // Read in the openclaw@2026.3.13 dist; the seed-5 fixture (212 attempts) replays at 0 divergent attempts with
    // these (57 before). "fixture n" = its count with that one value set back.
    gateway: {
      ...marGateway,
      rotateScopeBaseline: lateGateway.rotateScopeBaseline!,
      connectSchema: read(r313, "ConnectParamsSchema: the S-Feb client ids (no openclaw-tui, PR #55730 came later) and modes, auth {token, bootstrapToken, deviceToken, password}; fixture 28 with mar"),
      signatureSkewMs: read(r313, "DEVICE_SIGNATURE_SKEW_MS = 120 s (the recording does not pin it)"),
      nonceRequired: read(r313, "a device proof without a nonce is refused whatever the locality; fixture 1 with remote-only (k2-token-rl3 c0042)"),
      signatureVersions: read(r313, "resolveDeviceSignaturePayloadVersion tries v3 then v2, no v1"),
      originCheckApplies: read(r313, "resolveHandshakeBrowserSecurityContext: enforceOriginCheckForAnyClient = an Origin header is present; fixture 4 with ui-only"),
      browserOriginLimiter: read(r313, "resolveHandshakeBrowserSecurityContext: Origin-bearing clients use the browser limiter, loopback under one shared key (not pinned by the recording)"),
      scopeClearing: read(r313, "clearUnboundScopes when there is no device unless an admitted Control UI (the Control UI bypass, trusted proxy or allowInsecureAuth on loopback); fixture 17 with preserve-allowed (status, device.* RPCs of device-less cli/backend sessions answered INVALID_REQUEST)"),
      localBackendPairingSkip: read(r313, "shouldSkipBackendSelfPairing: local gateway-client/backend, no Origin, shared token or password ok; fixture 1 with never (k2-token-rl3 c0020)"),
      metadataPinning: read(r313, "resolvePinnedClientMetadata: a paired device's platform / deviceFamily must match (metadata-upgrade), and clientAccessMetadata does not overwrite them (not pinned by the recording)"),
      deviceTokenNeedsApprovedRole: read(r313, "ensureDeviceToken / resolveDeviceTokenUpdateContext check the scope baseline only, not the role; fixture 1 with the role check (k2-token-rl3 c0020: a local backend skipping pairing gets a node token)"),
      emptyApprovalNoBaseline: read("openclaw@2026.3.13 dist, device-pairing mergeScopes + resolveApprovedDeviceScopeBaseline", "an approval with no scopes records none, so no baseline: no token in hello-ok for a scope-less node pairing and its device token refused; fixture 7 without"),
      tokenMissingCharged: read(r313, "authorizeGatewayConnect: token_missing and password_missing return before limiter.recordFailure (2.17, 2.22 and 3.2 record one first); seed-37 configs4 fixture 2 -> 0 (k4-token-rl2-strict c0229, c0248: a device-less backend sending only a made-up deviceToken, c0086, had charged the browser limiter's loopback key and, with one token mismatch, locked it)"),
      proxyPeerWithoutClientIp: recorded("2026.3.13", "seed-17 and seed-37 configs4 fixtures (password + limiter + trusted proxy 127.0.0.1): a connect through the trusted loopback proxy without X-Forwarded-For is not local (pairing required, its loopback Origin refused); 10 -> 2 and 7 -> 2 with it. Held back until 2026-12-04 late, when the model began seeding Control UI origins at start for a non-loopback bind (controlUiOriginSeed) as the 3.13 dist does: without that seeding chaos reported a loopback Control UI behind such a proxy refused its origin"),
      unattributedProxyLimiterKey: recorded("2026.3.13", "dist: the connect handler hands resolveClientIp's result (none for a trusted proxy without X-Forwarded-For) to the device-token limiter check and to the shared check beside a device-token candidate; normalizeRateLimitClientIp keys it 'unknown', not loopback-exempt. Seed-17 configs4 fixture (password + 3-attempt limiter + origins + trusted proxy 127.0.0.1): 87 -> 0 with it, limiterNeedsConfig and proxyPeerWithoutClientIp not-local (10 with proxyPeerWithoutClientIp left as peer-address, see the base table)"),
      limiterNeedsConfig: read("openclaw@2026.3.13 dist, createGatewayAuthRateLimiters", "the per-address limiter only with gateway.auth.rateLimit, the browser-origin one always; the recordings without rateLimit have no trusted proxy, so none pins it alone (scenario rate-limit-lockout now fails under 2026.3: nothing locks the laptop out)"),
    },
    client: {
      ...lateClient,
      tuiClientId: read(r313, "the connect schema has no openclaw-tui id (PR #55730 came later), so its TUI connects as gateway-client/ui with display name openclaw-tui"),
      ...controlUiBackoffRead(["2026.3.13"]),
    },
    service: fixedService,
  },
  "2026.3.31": {
    gateway: {
      ...marGateway,
      rotateScopeBaseline: lateGateway.rotateScopeBaseline!,
      trustedProxyLoopback: lateGateway.trustedProxyLoopback!,
      nodePairingOnConnect: read(r331, "reconcileNodePairingOnConnect: an unpaired node files a request and gets no commands while it waits"),
      impliedTokenScopes: read("openclaw@2026.3.31 dist, normalizeDeviceAuthScopes", "admin implies read and write, write implies read; fixture seed 5: 1 with, 32 without"),
      signatureSkewMs: read(r331, "DEVICE_SIGNATURE_SKEW_MS = 120 s (2026.3.2 and 2026.3.13 too); fixture seed 5 c0138"),
      nonceRequired: read(r331, "a device proof without a nonce is refused whatever the locality; fixture seed 5 c0106"),
      controlUiClassifier: read(r331, "isOperatorUiClient: Control UI or openclaw-tui; fixture seed 5: 8 → 4"),
      controlUiAuthNoneSkipsPairing: read(r331, "shouldSkipControlUiPairing: an operator UI asking operator in auth mode none skips pairing (the recordings, token configs only, do not exercise it)"),
      originCheckApplies: read(r331, "resolveHandshakeBrowserSecurityContext: enforceOriginCheckForAnyClient = an Origin header is present; fixture 4 → 3"),
      browserOriginLimiter: read(r331, "resolveHandshakeBrowserSecurityContext: Origin-bearing clients use the browser limiter, loopback under one shared key"),
      scopeClearing: read(r331, "shouldClearUnboundScopesForMissingDeviceIdentity: a device-less token/password/trusted-proxy client loses its scopes; fixture 3 → 1"),
      silentPairing: read(r331, "requirePairing: silent = reason === 'scope-upgrade' ? false : shouldAllowSilentLocalPairing(…) (2026.3.13 has no such exception): only a local first pairing, no Origin unless a browser UI"),
      localClientRule: read("openclaw@2026.3.31 dist, isLocalDirectRequest", "a loopback peer without forwarded headers is local whatever its Host (the model's rule ignores Forwarded and X-Forwarded-Proto); fixtures seed 5: 1 → 0, seed 6: 25 → 0"),
      revokeClosesSessions: read("openclaw@2026.3.31 dist, device.token.revoke", "disconnectClientsForDevice(deviceId, {role}) closes 4001 'device removed'"),
      rotateClosesSessions: read("openclaw@2026.3.31 dist, device.token.rotate", "disconnectClientsForDevice(deviceId, {role})"),
      approvalCallerScopesUnderPendingRole: read("openclaw@2026.3.31 dist, approveDevicePairing (callerScopes: the connect's requested scopes inline, the approver's connect scopes for device.pair.approve)", "the request's operator scopes with the implied ones must be allowed to the caller under the request's role, plain set membership for a non-operator role: a node-host asking role node with operator.admin is not approved silently (seed-19 configs4 fixture 24 → 20, k2-token c0021)"),
      pendingRequestPolicy: read("openclaw@2026.3.31 dist, requestDevicePairing", "refreshed in place only for the same role, roles and scopes, else replaced under a new requestId with the incoming role and every pending role and scope: a TUI asking operator after the same device's node request is approved as operator (seed-19 configs4 fixture 20 → 8, k2-token c0046)"),
      tokenMissingCharged: read("openclaw@2026.3.31 dist, authorizeGatewayConnect + authorizeTokenAuth", "token_missing and password_missing return before limiter.recordFailure (only a mismatch is charged), as in the 3.13 dist (2026.3); seed-29 configs4 fixture 2 → 0 (k4-password-rl3 c0176, c0201: Origin-bearing loopback connects share the browser limiter's key, and three password-less ones had locked it in the model)"),
      connectRolesFromTokens: read("openclaw@2026.3.31 dist, connect handler listEffectivePairedDeviceRoles", "the roles holding an unrevoked token: a role recorded by a merged approval without its own token is a role upgrade (seed-19 configs4 fixture 8 → 0, k2-token c0078)"),
      limiterNeedsConfig: read("openclaw@2026.3.31 dist, createGatewayAuthRateLimiters", "the per-address limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always, never loopback-exempt); seed-31 configs4 fixture (trusted-proxy configurations without a limiter) stays at 0 only with it once unattributedProxyLimiterKey is on (85 without)"),
      sharedLimiterOnSecretOnly: read("openclaw@2026.3.31 dist, resolveConnectAuthState + resolveConnectAuthDecision + authorizeTokenAuth", "rateLimiter: sharedAuthProvided ? … : none; a wrong token or password is charged with or without a device identity; a device-token success resets the shared-secret counter when a token or password was sent; the recordings replay alike either way"),
      unattributedProxyLimiterKey: read("openclaw@2026.3.31 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp + resolveHandshakeBrowserSecurityContext", "a loopback trusted proxy's connect without X-Forwarded-For has no client address: counted under 'unknown' (by the browser-origin limiter when it has an Origin), not loopback-exempt; seed-43 configs4 fixture 2 → 0 (k4-password-rl3-strict-proxies c0230, c0250)"),
    },
    client: {
      ...lateClient,
      challengeTimeoutMs: recorded("2026.3.31", "client: 10 s pre-auth default when no connectDelayMs is given; story challenge-lost of pnpm sim gate --client real@2026.3.31"),
      ...controlUiBackoffRead(["2026.3.31"]),
    },
    service: { ...fixedService, containerDetection: recorded("2026.3.31", containerRecorded["2026.3.31"]) },
  },
  "2026.4": {
    gateway: provenance414Gateway,
    client: provenance414Client,
    service: { ...fixedService, ...containerRead("2026.4.14", "sentinel") },
  },
  "2026.4.22": {
    // Read in the openclaw@2026.4.22 dist; the seed-5 fixture (1,000 attempts, token configuration) replays at 0
    // divergent attempts with these five on top of 2026.4 (559 before). The rest is 2026.4's, each entry saying so.
    gateway: {
      ...Object.fromEntries(Object.entries(provenance414Gateway).map(([k, p]) => [k, assumed(`as 2026.4 (${describeProvenance(p!)}); not told apart by the 2026.4.22 recording`)])),
      pairingSkipCoversPaired: read(r422, "the Control UI and local-backend skips sit in the not-paired branch; a paired device is checked for upgrades"),
      rotateScopeBaseline: read("openclaw@2026.4.22 dist, device-pairing rotateDeviceToken", "the asked scopes within resolveApprovedDeviceScopeBaseline, none refused missing-approved-scope-baseline"),
      silentPairingPrune: read("openclaw@2026.4.22 dist", "no pruneSupersededSilentPairedDevices and no approvedVia on a paired record"),
      pairListConnected: read("openclaw@2026.4.22 dist, device.pair.list", "redactPairedDevice(device), no connected field"),
      connectSchema: read(r422, "protocol ConnectParamsSchema: client id and mode as Type.Enum (ajv's 'must be equal to one of the allowed values'), auth.bootstrapToken, no client.buildId; fixture 956 → 597 lines with hello auth, → 396 with this"),
      helloAuthAlways: read(r422, "hello-ok.auth carries role and scopes on every hello, with or without a device token; fixture 956 → 597 lines"),
      helloAuthTokenScopes: read(r422, "hello-ok.auth.scopes = deviceToken ? deviceToken.scopes : scopes (an admin token's implied read and write); fixture 390 → 56 lines"),
      pairingAnswer: read("openclaw@2026.4.22 dist, connect-error-details", "'pairing required: device is asking for more scopes than currently approved' with the requirement in the message"),
      deviceLessScopeKeepers: read(r422, "a device-less local gateway-client/backend on the shared secret skips self-pairing and does not lose its scopes (shouldSkipLocalBackendSelfPairing before shouldClearUnboundScopesForMissingDeviceIdentity); fixture 56 → 0"),
      limiterNeedsConfig: read("openclaw@2026.4.22 dist, server.impl createGatewayAuthRateLimiters", "no per-address limiter without gateway.auth.rateLimit (the browser-origin one always); seed-31 configs4 fixture (trusted-proxy configurations without a limiter) replays at 0 only with it once unattributedProxyLimiterKey is on"),
      sharedLimiterOnSecretOnly: read(`${r422}, resolveConnectAuthState`, "rateLimiter: sharedAuthProvided ? … : none; authorizeTokenAuth charges a mismatch whether or not a device identity comes along: seed-7 configs4 fixture 1 → 0 (k3-token-rl3-origins c0244: a device-less wrong token under the loopback Origin after device-bearing wrong tokens under it)"),
      unattributedProxyLimiterKey: read("openclaw@2026.4.22 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp", "a loopback trusted proxy's connect without X-Forwarded-For has no client address and is limited under 'unknown', not loopback-exempt: seed-17 configs4 fixture 96 → 0 (k4-password-rl3-origins-proxies)"),
    },
    client: Object.fromEntries(Object.entries(provenance414Client).map(([k, p]) => [k, recorded("2026.4.22", `client run in the world (gate --client real@2026.4.22: 0 of 10 stories, 0 of 19 files differ) with 2026.4's value (${describeProvenance(p!)})`)])),
    service: { ...Object.fromEntries(Object.entries(fixedService).map(([k, p]) => [k, assumed(`as 2026.4 (${describeProvenance(p!)}); not re-read for 2026.4.22`)])), ...containerRead("2026.4.22", "sentinel") },
  },
  "2026.5": {
    gateway: {
      ...gatewayJunProvenance("2026.5.28"),
      nodePairingLimiter: read("openclaw@2026.5.28 dist, auth-rate-limit", "the limiter scopes are default, shared-secret, device-token and hook-auth: no node-pairing scope (2026.6.11 has AUTH_RATE_LIMIT_SCOPE_NODE_PAIRING); seed-37 configs4 fixture 5 → 2 (k4-token-rl2-strict c0125, c0130, c0131: node pairing connects refused rate_limited by the model only)"),
    },
    client: clientJunProvenance("2026.5.28"), service: { ...serviceProvenance71("2026.5.28"), ...containerRead("2026.5.28", "sentinel-or-fly"), ...tokenBootstrapLate("2026.5.28") } },
  "2026.6": { gateway: gatewayJunProvenance("2026.6.11"), client: clientJunProvenance("2026.6.11"), service: { ...serviceProvenance71("2026.6.11"), ...containerRead("2026.6.11", "sentinel-or-fly"), ...tokenBootstrapLate("2026.6.11") } },
  "2026.7": {
    gateway: gateway71(),
    client: client71Provenance(),
    service: { ...Object.fromEntries(Object.entries(fixedService).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p!)}); not re-read for 2026.7.1`)])), ...containerRead("2026.7.1", "sentinel-or-fly"), ...tokenBootstrapLate("2026.7.1") },
  },
  "2026.8": {
    gateway: gateway82(),
    client: {
      ...Object.fromEntries(Object.entries(client96).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p!)}); not told apart by running the 2026.8.2 client`)])),
      ...recordedByRealClientGate("2026.8.2", "2026-12-05"),
      signedAtSource: recorded("2026.8.2", "its client signs with the challenge's ts (PR #116679, merged 2026-07-31); gate --client real@2026.8.2: clock-skew-signature-116679 agrees with this profile, where the host-clock 2026.7.1 client differed from it"),
      controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16, after 2026.8.2)", "no device identity on plain-http origins yet"),
      ...controlUiBackoffRead(["2026.8.2"]),
    },
    service: { ...Object.fromEntries(Object.entries(fixedService).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p!)}); not re-read for 2026.8.2`)])), ...containerRead("2026.8.2", "sentinel-or-fly"), ...tokenBootstrapLate("2026.8.2") },
  },
  "2026.9": { gateway: gateway96, client: client96, service: { ...fixedService, ...containerRead("2026.9.6", "sentinel-or-fly"), ...tokenBootstrapLate("2026.9.6") } },
};

const schemaRead = (release: string, note: string) => read(`openclaw@${release} dist, zod GatewaySchema (every object on the simulator's paths strict)`, note);
const schemaRecorded = (release: string, note: string) => recorded(release, `2026-12-05, \`gateway run\` on a config holding the key: ${note}`);
const schema302 = "trustedProxy without allowLoopback; gateway.nodes without a pairing object";

/** configSchemaGaps per profile (catalog.ts): each release's schema read, the gaps that decide chaos run live. */
const configSchemaGapsProvenance: Readonly<Record<string, Provenance>> = {
  "2026.2.12": schemaRead("2026.2.12", "no customBindHost, allowRealIpFallback, auth.rateLimit or auth.trustedProxy; auth.mode token or password only; no controlUi.dangerouslyAllowHostHeaderOriginFallback; gateway.nodes without pairing"),
  "2026.2.13": assumed("no such release is published (a spec profile between 2.12 and 2.17): 2026.2.12's schema"),
  "2026.2.14": assumed("no such release is published (a spec profile between 2.12 and 2.17): 2026.2.12's schema"),
  "2026.2.17": schemaRead("2026.2.17", "auth.mode trusted-proxy, auth.rateLimit and a strict trustedProxy without allowLoopback; no mode none, customBindHost, allowRealIpFallback, Host-header origin fallback or nodes.pairing"),
  "2026.2.22": schemaRead("2026.2.22", `every key the simulator writes but controlUi.dangerouslyAllowHostHeaderOriginFallback (3.2 on); ${schema302}`),
  "2026.3.2": schemaRecorded("2026.3.2", `exit 1, 'Invalid config … gateway.auth.trustedProxy: Unrecognized key: "allowLoopback"'; the schema read: ${schema302}`),
  "2026.3": schemaRead("2026.3.13", schema302),
  "2026.3.31": schemaRead("2026.3.31", schema302),
  "2026.4": schemaRead("2026.4.14", schema302),
  "2026.4.22": schemaRecorded("2026.4.22", `'Gateway failed to start: … Unrecognized key: "allowLoopback"', exit 1 (with no last-known-good copy; 4.22's restore of one is not modelled); the schema read: ${schema302}`),
  "2026.5": schemaRecorded("2026.5.28", "nodes.pairing.autoApproveLocal: 'Gateway failed to start: Invalid config … gateway.nodes.pairing: Invalid input', exit 1; trustedProxy.allowLoopback in the schema"),
  "2026.6": schemaRead("2026.6.11", "gateway.nodes.pairing has autoApproveCidrs only (no autoApproveLocal)"),
  "2026.7": schemaRead("2026.7.1", "gateway.nodes.pairing has autoApproveCidrs only (no autoApproveLocal)"),
  "2026.8": schemaRecorded("2026.8.2", "every key the simulator writes is known; the retired controlUi.allowInsecureAuth is stripped at start ('Migrated legacy config keys at startup') and the gateway listens"),
  "2026.9": schemaRecorded("2026.9.6", "every key the simulator writes is known; the retired controlUi.allowInsecureAuth is stripped at start ('Migrated legacy config keys at startup') and the gateway listens"),
};

export const profileProvenance: Readonly<Record<string, ProfileProvenance>> = Object.fromEntries(
  Object.entries(byProfile).map(([name, p]) => {
    const gaps = configSchemaGapsProvenance[name];
    return [name, gaps === undefined ? p : { ...p, service: { ...p.service, configSchemaGaps: gaps } }];
  }),
);

/** One line for a provenance entry. */
export function describeProvenance(p: Provenance): string {
  switch (p.kind) {
    case "recorded":
      return `recorded from ${p.release}${p.note ? ` (${p.note})` : ""}`;
    case "read":
      return `read in ${p.source}${p.note ? ` — ${p.note}` : ""}`;
    case "assumed":
      return `ASSUMED: ${p.why}`;
  }
}
