// Behaviour switches: every way the real OpenClaw gateway, client and service differ between releases.
// A profile is data: a complete set of these values. Code reads switches, never profile names.
import type { Ratio } from "../kernel/index.ts";

export interface GatewaySwitches {
  /** PROTOCOL_VERSION; negotiation is a single-version range check (3 in Feb–Apr 2026, 4 later). */
  protocolVersion: number;
  /** Which ConnectParams schema the gateway validates with (auth fields and client ids grew over time;
   *  "feb-device-token": the S-Feb client ids with auth.deviceToken, as in 2026.2.22; "feb-bootstrap-token": the
   *  S-Feb client ids with auth.deviceToken and auth.bootstrapToken, as in 2026.3.13; "jul": "apr" with enums). */
  connectSchema: "feb" | "feb-device-token" | "feb-bootstrap-token" | "mar" | "apr" | "jul" | "late";
  /** Probes (mode probe) and legacy node hosts (role node, mode node) are admitted down to this protocol
   *  (2026.9 admits them on 3); null = no exception. */
  probeProtocolFloor: number | null;
  /** A Control UI whose Origin equals the Host must send client.buildId equal to the gateway's (or "dev"). */
  controlUiBuildCheck: boolean;
  /** In token mode, a password sent without a token is a token_mismatch (2026.9) rather than token_missing. */
  passwordCountsAsTokenMismatch: boolean;
  /** Shape of the protocol-mismatch details: `{expectedProtocol}` only, or the coded late form. */
  protocolMismatchDetails: "expected-only" | "coded";
  /** Pre-auth handshake timer (DEFAULT_HANDSHAKE_TIMEOUT_MS). */
  handshakeTimeoutMs: number;
  /** hello-ok policy.tickIntervalMs and the tick event period. */
  tickIntervalMs: number;
  /** MAX_PREAUTH_PAYLOAD_BYTES; null = no pre-auth cap (S-Feb). */
  preauthPayloadBytesMax: number | null;
  /** Close reason for an oversized pre-auth frame (2026.9 leaves it to ws: empty). */
  preauthOversizeReason: string;
  /** Forwarded headers from an untrusted peer: the connection is just not local, or (2026.9) the upgrade gets 403. */
  untrustedProxyHeaders: "not-local" | "refuse-403";
  /** A trusted-proxy peer whose request names no client (no X-Forwarded-For, no real-IP fallback): resolveClientIp
   *  gives no client IP, so the request is not local (read in the 2026.2.22 … 2026.8.2 dists), or the peer's own
   *  address stands in (the model before the switch). */
  proxyPeerWithoutClientIp: "not-local" | "peer-address";
  /** Control UI origins seeded at start for a non-loopback bind without gateway.controlUi.allowedOrigins (nor the
   *  Host-header fallback): http://localhost:<port> and http://127.0.0.1:<port>. "persist" (2026.2.26 … 4.22,
   *  ensureControlUiAllowedOriginsForNonLoopbackBind + maybeSeedControlUiAllowedOriginsAtStartup) writes them into
   *  the config file, for gateway.bind lan / tailnet / custom and the config's port (18789 unset); "persist-auto"
   *  (4.14, 4.22) also for bind auto; "runtime" (5.28 on) applies them to the running process only, for the bind and
   *  port it runs with. "off" (2026.2.22 and earlier): nothing is seeded. */
  controlUiOriginSeed: "off" | "persist" | "persist-auto" | "runtime";
  /** AUTH_RATE_LIMITED answers carry retryable + the limiter's retryAfterMs (2026.9; §11.11). */
  rateLimitedRetryAfter: boolean;
  /** A trusted proxy's request without X-Forwarded-For (nor an allowed X-Real-IP) is counted by the limiter under
   *  the key "unknown", not under the proxy's address, so a loopback proxy's such requests are not exempt (2026.7.1
   *  dist, resolveClientIp + normalizeRateLimitClientIp). Off: under the proxy's address. */
  unattributedProxyLimiterKey: boolean;
  /** connect.challenge payload carries `capabilities` (2026.9). */
  challengeCapabilities: boolean;
  /** Errors carry details.code (absent in S-Feb). */
  detailCodes: boolean;
  /** Unauthorized errors carry canRetryWithDeviceToken / recommendedNextStep. */
  recoveryHints: boolean;
  /** DEVICE_SIGNATURE_SKEW_MS. */
  signatureSkewMs: number;
  /** When a device nonce is mandatory. */
  nonceRequired: "remote-only" | "always";
  /** Payload versions tried in order; "v1" is only tried when no nonce was given and none is required. */
  signatureVersions: readonly ("v1" | "v2" | "v3")[];
  /** Token the server puts in the signature payload: auth.token only (S-Mar) or token ?? deviceToken ?? bootstrap (late). */
  signatureTokenSource: "token-only" | "token-device-bootstrap";
  /** The handshake's isControlUi: control UI only, or the operator-UI classifier (control UI + TUI, PR #55730). */
  controlUiClassifier: "control-ui-only" | "operator-ui";
  /** checkBrowserOrigin: S-Feb (allowlist, Host equality, loopback/loopback) or late (allowlist/"*", Host fallback flag, loopback only when local). */
  originRule: "feb" | "late";
  /** Reason when the device-token fallback fails on a plain auth.token: S-Feb (no auth.deviceToken field yet)
   *  reported device_token_mismatch; later only an explicit auth.deviceToken does (else the primary reason). */
  deviceTokenFallbackReason: "always-device-token-mismatch" | "explicit-only";
  /** Which clients get the origin check: Control UI/webchat only, any client sending an Origin header, or (3.2)
   *  any client sending an Origin header and no X-Forwarded-For / X-Real-IP. */
  originCheckApplies: "ui-only" | "any-origin" | "any-origin-unproxied";
  /** 2026.9: gateway.controlUi.allowInsecureAuth is a retired key with no effect. */
  allowInsecureAuthRetired: boolean;
  /** Pre-2026.2.21 (CVE-2026-32034): allowInsecureAuth lets a *remote* Control UI skip device identity. */
  allowInsecureAuthRemoteBypass: boolean;
  /** S-Feb: any successful trusted-proxy auth may skip device identity and pairing. */
  trustedProxySkipsDeviceForAnyClient: boolean;
  /** Scope clearing for device-less connections (clearUnboundScopes): all unless the Control UI bypass is on, none,
   *  the late rule, all but an admitted Control UI ("clear-unless-control-ui", read in the 2026.3.13 dist), or all
   *  unless the Control UI bypass is on or the shared secret was right ("clear-without-shared-auth", 2026.3.2). */
  scopeClearing: "clear-without-device" | "preserve-allowed" | "late" | "clear-unless-control-ui" | "clear-without-shared-auth";
  /** Client ids (or `id/mode` pairs) whose device-less sessions keep their scopes with shared auth and no Origin
   *  header, whatever scopeClearing says (2026.9 keeps cli/cli and gateway-client/backend: the fix for #63344). */
  deviceLessScopeKeepers: readonly string[];
  /** A missing shared token (token_missing) is charged to the limiter. */
  tokenMissingCharged: boolean;
  /** Which local pairings are approved silently: S-Feb not-paired only; 2026.2.22 not-paired or scope-upgrade
   *  (whatever the Origin); S-Mar any; 2026.3.13 a first pairing or scope upgrade without an Origin unless a browser UI
   *  ("mar-release"), 2026.3.31 only the first pairing ("first-pairing-no-origin"); S-Late not scope-upgrade;
   *  2026.9 anything but an upgrade to the node role, never for Origin-bearing non-UI clients, never with a
   *  scope the gateway does not know; 2026.7.1 the same but never a scope upgrade. */
  silentPairing:
    | "feb"
    | "not-paired-or-scope-upgrade"
    | "mar"
    | "mar-release"
    | "first-pairing-no-origin"
    | "late"
    | "all-but-node-role-upgrade"
    | "all-but-node-role-or-scope-upgrade";
  /** What counts as local for silent pairing and the origin check: isLocalClient (loopback + local Host), or any
   *  direct loopback peer (2026.9 pairs a loopback socket with a foreign Host silently and lets its loopback
   *  Origin through). "loopback-peer": no Forwarded, X-Forwarded-For/-Proto/-Host or X-Real-IP header (2026.3.31);
   *  "loopback-peer-any-forwarded": no Forwarded, X-Real-IP or any X-Forwarded-* header, X-Forwarded-User included
   *  (hasForwardedRequestHeaders, 2026.5.28 … 2026.9.6). */
  localClientRule: "is-local" | "loopback-peer" | "loopback-peer-any-forwarded";
  /** A local gateway-client/backend without an Origin skips device pairing when it authenticates with its device
   *  token or mode none (S-Late), or also with the shared secret (2026.5 … 2026.9: no pairing, no device token); or
   *  only with the shared secret ("shared-secret-only", 2026.3.13 shouldSkipBackendSelfPairing); or with its device
   *  token or the shared secret, not in mode none ("device-token-or-shared-secret", 2026.4.14). Whether a skip also
   *  covers a device already paired is pairingSkipCoversPaired (off for 4.14 … 7.1). */
  localBackendPairingSkip: "never" | "device-token-or-none" | "also-shared-secret" | "device-token-or-shared-secret" | "shared-secret-only";
  /** Pre-hello frames whose params claim a worker identity are closed 1008 "invalid-handshake" unanswered (2026.9). */
  workerClaimsClosed: boolean;
  /** Session methods (chat.send, chat.abort) need params.sessionKey; 2026.9 answers
   *  SESSION_MUTATION_TARGET_REQUIRED for chat.send without one. */
  chatSendNeedsSessionKey: boolean;
  /** "pairing required" (details {code, requestId, reason}) or the late "pairing required: <requirement>" with
   *  remediationHint/deviceId/requested* details and "(requestId: …)" in the close reason. */
  pairingAnswer: "plain" | "late";
  /** With the late pairing answer, an operator UI (Control UI, TUI) waiting for approval is told
   *  wait_then_retry (2026.9); 2026.8.2 says so only for a first node pairing by bootstrap token. */
  uiPairingWaitHint: boolean;
  /** device.token.revoke also drops the role from the paired device (2026.9: the shared token then needs a role-upgrade). */
  revokeRemovesRole: boolean;
  /** With revokeRemovesRole: a revoked role is no longer effective at connect but stays approved, so a connect that
   *  skips pairing (a local backend on the shared secret) or device.token.rotate mints it a new token, which makes
   *  it effective again (resolveDeviceTokenUpdateContext checks the approved roles; 2026.5.28 … 2026.9.6). */
  revokedRoleStaysApproved: boolean;
  /** A second pairing request for the same device: merge into the pending one, replace it, or keep the old one;
   *  "replace-on-growth" keeps the requestId unless the role changes or a scope is added (2026.9), "replace-merged"
   *  replaces it with a new requestId unless role, roles and scopes are the same, carrying every pending role and
   *  scope (2026.4.14, before PR #98145). */
  pendingRequestPolicy: "merge" | "replace" | "keep-existing" | "replace-on-growth" | "replace-merged";
  /** Late metadata pinning: platform/deviceFamily must match the paired record (reason metadata-upgrade). */
  metadataPinning: boolean;
  /** device.token.revoke closes the device's live sessions of that role with 4001. */
  revokeClosesSessions: boolean;
  /** device.token.rotate closes the device's live sessions of that role with 4001. */
  rotateClosesSessions: boolean;
  /** Rotating the shared secret closes sessions that authenticated with it. */
  sharedSecretRotationClosesSessions: boolean;
  /** Rotate is bounded by the caller's own scopes (late). */
  rotateBoundedByCaller: boolean;
  /** What device.token.rotate checks the new token's scopes against. "none" (2026.2.12 and 2.17 dists): nothing,
   *  and a rotation asking scopes writes them into the paired record, its approval baseline from then on.
   *  "approved-else-token" (2.22 and 3.2): the approved scopes, else the record's scopes, else the rotated token's
   *  own, where an approval with no scopes recorded none (mergeScopes gives no list for an empty merge).
   *  "approved" (3.13 and later): the approved scope baseline (resolveApprovedDeviceScopeBaseline). */
  rotateScopeBaseline: "none" | "approved-else-token" | "approved";
  /** Non-admin paired sessions may manage only their own device (late devices.ts). */
  deviceOwnershipRule: boolean;
  /** After start, connect gets UNAVAILABLE startup-sidecars / 1013 for this long; null = none. */
  startupUnavailableMs: number | null;
  /** Unauthenticated sockets allowed per client IP before the upgrade is refused with 503; null = no limit. */
  preauthSocketsPerIpMax: number | null;
  /** Escalating answer delay for failed shared-secret auth from a loopback address the limiter exempts (a
   *  browser on the gateway host is limited by origin, not exempt, and not held); null = answer at once. */
  failedAuthDelay: { baseMs: number; capMs: number; historyMax: number; windowMs: number } | null;
  /** hello-ok.auth always present with {method, role, scopes} (token fields only when issued). */
  helloAuthAlways: boolean;
  /** hello-ok.auth names the auth method (`method`) when helloAuthAlways puts role and scopes there (2026.9;
   *  2026.5–2026.8 send role and scopes without it). */
  helloAuthMethod: boolean;
  /** With helloAuthAlways, hello-ok.auth.scopes are the issued (or reused) device token's scopes when the hello
   *  carries one, else the session's (2026.7.1 dist: `deviceToken ? deviceToken.scopes : scopes`); off: always the
   *  session's (2026.8.2, 2026.9.6). Without helloAuthAlways the token's scopes are reported anyway. */
  helloAuthTokenScopes: boolean;
  /** Separate browser-origin limiter (never loopback-exempt) for Origin-bearing loopback clients. */
  browserOriginLimiter: boolean;
  /** The browser-origin limiter's key for a loopback peer: `shared`, one key for every Origin (3.2 … 3.31 dists:
   *  a fixed stand-in address), or `url-origin`, the Origin's URL origin lower-cased, the shared key when it does
   *  not parse (4.14 … 9.6 dists, resolveBrowserOriginRateLimitKey). A non-loopback peer is keyed by its address. */
  browserLimiterLoopbackKey: "shared" | "url-origin";
  /** The shared-secret limiter is consulted and charged only when the connect sends a token or password, and then
   *  whether or not it carries a device identity (3.31 … 9.6 resolveConnectAuthState: the limiter is handed to the
   *  shared check only when shared auth is provided). Off: consulted always, a failure not charged when a device
   *  identity and auth.token come together (the S-Mar rule, §4.3.3). */
  sharedLimiterOnSecretOnly: boolean;
  /** The shared-secret limiter as under sharedLimiterOnSecretOnly (only when a token or password is sent), but
   *  with a device identity and a device-token candidate (auth.deviceToken, else auth.token) a wrong token or
   *  password is not charged at once: the charge is held and made only if the connect is then refused (device
   *  proof refused, device-token fallback failed), after the fallback's own device-token charge; a device-token
   *  success neither charges nor resets it (8.2 resolveConnectAuthState deferRateLimitFailure,
   *  pendingSharedAuthFailure). Off: sharedLimiterOnSecretOnly decides. */
  sharedChargeDeferred: boolean;
  /** The per-address auth limiter exists only when gateway.auth.rateLimit is configured (createGatewayAuthRateLimiters
   *  read in the 3.2, 3.13, 3.31, 4.14 and 4.22 dists, and the same test at the 2.22 server start; on for 2026.2.22,
   *  2026.3.2, 2026.3, 2026.3.31, 2026.4 and 2026.4.22); without it nothing but
   *  the browser-origin limiter counts failures. Off: a limiter with the defaults always (5.28 and later). */
  limiterNeedsConfig: boolean;
  /** Wording of auth failure hints: "2026.9" says "use this gateway's gateway.auth.token or pair the device". */
  authMessageStyle: "mid" | "2026.9";
  /** A method refused for scope: mid versions answer INVALID_REQUEST without details, late FORBIDDEN + MISSING_SCOPE. */
  missingScopeAnswer: "invalid-request" | "forbidden";
  /** How a running gateway applies a credential-only config change: restart in process (re-reading its
   *  environment, so an embedded unit token wins again) or hot-swap it (late releases). */
  credentialReload: "restart-in-process" | "hot";
  /** The openclaw-browser-copilot client class: ui mode + run-tool-bindings/session-scoped-events caps + a Chrome
   *  extension origin, else INVALID_REQUEST right after the role check (2026.9). */
  browserCopilotClass: boolean;
  /** The connect secret is read from the mode's field, else the other one (token ↔ password), so the right
   *  secret in the other field is accepted (2026.9 resolveConnectSecret). */
  connectSecretEitherField: boolean;
  /** A successful trusted-proxy auth counts as shared auth (device-less operators admitted, scopes cleared). */
  sharedAuthIncludesTrustedProxy: boolean;
  /** A local gateway-client/backend operator that may skip pairing may also connect without a device (2026.9). */
  localBackendSkipsDeviceIdentity: boolean;
  /** A connection without a device identity is admitted on a good shared secret whatever its role (node too;
   *  scopes cleared), not only as an operator (read in the 2026.2.17 dist: canSkipDevice = sharedAuthOk). */
  deviceLessSharedAuthAnyRole: boolean;
  /** A trusted proxy peer whose forwarded headers name no non-loopback client gets HTTP 403 at the upgrade. */
  unattributableProxyRefused: boolean;
  /** A trusted proxy at a loopback address (a reverse proxy on the gateway host), in trusted-proxy mode:
   *  "accepted" (no such check: 2026.2.22 … 3.13, whose config has no allowLoopback key), "refused" (always
   *  trusted_proxy_loopback_source: 3.31 … 4.22, no allowLoopback key either), "opt-in" (refused unless
   *  gateway.auth.trustedProxy.allowLoopback is true: 5.28 … 9.6). */
  trustedProxyLoopback: "accepted" | "refused" | "opt-in";
  /** node-host/node clients on a desktop platform alias (linux, darwin, win32…) get the canonical platform and
   *  deviceFamily filled in before pairing, so the pinned record carries a deviceFamily (2026.9). */
  nodeHostMetadataNormalization: boolean;
  /** The scope `config.get` needs: admin (the `config.` prefix, ≤ 2026.2.12) or read (listed from 2026.2.22). */
  configGetScope: "operator.admin" | "operator.read";
  /** The connect schema lets `device.nonce` be left out (the nonce check itself is `nonceRequired`). */
  deviceNonceSchemaOptional: boolean;
  /** `health` is a read method (operator.read or write) rather than open to every authenticated connection. */
  healthNeedsReadScope: boolean;
  /** The gateway honours OPENCLAW_HANDSHAKE_TIMEOUT_MS (2026.4.12 and 2026.9.6 do; 2026.2.12 reads only the
   *  test-only variable under vitest). */
  handshakeTimeoutEnv: boolean;
  /** gateway.nodes.pairing.autoApproveLocal exists (2026.9.6; absent up to 2026.4.12): false stops silent
   *  local pairing except metadata upgrades. */
  autoApproveLocalSetting: boolean;
  /** Config paths under `gateway` a running gateway applies live (its reload plan's "hot" rules); every other
   *  changed `gateway.*` path restarts it in process. Up to 2026.4.12 none of the auth keys are hot. */
  hotReloadPrefixes: readonly string[];
  /** Post-connect flood guard closing 1008 "repeated unauthorized calls" after this many refusals; null = none. */
  unauthorizedFloodMax: number | null;
  /** What `openclaw qr` puts in a setup code: the gateway's own token/password (2026.2.9 … 2026.3.11), or a
   *  short-lived bootstrap token the gateway verifies as `auth.bootstrapToken` (2026.3.12+). */
  setupCodeCredential: "gateway-secret" | "bootstrap-token";
  /** The operator scopes a setup code's bootstrap profile carries (roles node + operator): what an operator
   *  connect may ask for with the token and what the handed-off operator token gets. Unused without bootstrap. */
  bootstrapHandoffScopes: readonly string[];
  /** Limiter scope `bootstrap-token`: checked before verifying, charged only when the handshake still fails. */
  bootstrapLimiter: boolean;
  /** Which bootstrap-token first pairing is approved silently (any locality): a node-role, scope-less first
   *  pairing of any client, approved for the profile's roles with the other roles' tokens handed off in hello
   *  (2026.4), or only a profile issued for that client class (node-only profile + node-host; 2026.9). */
  bootstrapSilentPairing: "node-first-pairing" | "matching-profile";
  /** Node pairing at connect (§4.2 step 14): a node-role connect whose node id (device id, else client id) is not
   *  node-paired files a node pairing request (`node.pair.requested` when new) and is admitted with its declared
   *  commands ("pending-keeps-declared", 2026.4.14) or none until approved ("pending-withholds", 2026.3.31,
   *  2026.9.6); a paired node declaring a command it was not approved for files an upgrade request. "none": no
   *  node pairing at connect (≤ 2026.3.13; `node.pair.*` RPCs only). */
  nodePairingOnConnect: "none" | "pending-keeps-declared" | "pending-withholds";
  /** Limiter scope `node-pairing` (PR #90147): each first-time node pairing request at connect is checked and
   *  charged, so a node reconnecting while its request waits is refused `rate_limited` after the limit. */
  nodePairingLimiter: boolean;
  /** A node session needs a device and a device token authenticated or issued at this connect (a device that
   *  skipped pairing, e.g. a local backend, gets none): else NOT_PAIRED "authenticated node pairing identity
   *  unavailable", close 1008, after the node pairing request was filed (2026.9.6). */
  nodeRequiresDeviceToken: boolean;
  /** Node pairing lives on the paired device record: filing a node's pairing request at connect for a device that
   *  has no paired record (a local backend that skipped pairing, a removed device) throws inside the connect
   *  handler, which closes the socket 1000 with no answer (2026.8.2, 2026.9.6). Off: the request is filed in a
   *  node pairing store of its own. */
  nodePairingNeedsPairedDevice: boolean;
  /** ensureDeviceToken issues (or reuses) a token only for a role the device is approved for and scopes within
   *  its approved baseline; else none (hello carries no deviceToken). Up to 2026.3.2 any role and scopes. */
  deviceTokenWithinApproval: boolean;
  /** With deviceTokenWithinApproval: the role must also be one the device is approved for (2026.4.14, 2026.8.2,
   *  2026.9.6 resolveDeviceTokenUpdateContext); 2026.3.13 checks only the scope baseline, so a connect that skips
   *  pairing (a local backend on the shared secret) gets a token for a role it was never approved for. Also read by
   *  device.token.rotate whatever deviceTokenWithinApproval: off, any role of a paired device can be rotated
   *  (2026.2.12, 2.17, 2.22 and 3.2 rotateDeviceToken). */
  deviceTokenNeedsApprovedRole: boolean;
  /** A pairing approved with no scopes at all records no approved scope list (2026.3.13 mergeScopes gives none for
   *  an empty merge; later releases keep an explicit []), so with deviceTokenWithinApproval the device has no
   *  baseline: ensureDeviceToken issues nothing (hello-ok without auth), a device token it holds fails verification
   *  (scope-mismatch) and rotate is refused, until an approval with scopes. */
  emptyApprovalNoBaseline: boolean;
  /** roleScopesAllow: a non-operator role's requested scopes count only under its own `<role>.` prefix (2026.4.14
   *  and later dists), so a node asking operator.admin is a scope upgrade and gets no token for it. Off: any scope
   *  in the approved or token set counts whatever the role (2026.2.22, 2026.3.13, 2026.3.31 dists), so a local
   *  backend asking role node with operator.admin on the shared token gets a node token with operator.admin. */
  roleScopePrefix: boolean;
  /** A minted device token's scopes get the implied ones (operator.admin → read + write, write → read), so
   *  hello-ok reports them; up to 2026.3.13 the requested scopes are kept as they are. */
  impliedTokenScopes: boolean;
  /** Requested scopes are compared with the approved (pairing) and token scopes with the operator implications
   *  (admin covers read and write, write covers read); off: each requested scope must be in the set itself, so a
   *  device paired for admin asking read is a scope upgrade and gets a read token (2026.2.12, 2026.2.17 dists). */
  operatorScopeImplications: boolean;
  /** The message refusing a Control UI without a device identity outside a secure context: the early
   *  "control ui requires HTTPS or localhost (secure context)" (2026.2.12, 2026.2.17) or the later
   *  "control ui requires device identity (use HTTPS or localhost secure context)" (2026.2.22 on). */
  controlUiInsecureMessage: "https-or-localhost" | "device-identity";
  /** The scopes of the token an approval mints for the requested role: the request's scopes even when empty
   *  (2026.2.12, 2026.2.17: a scope-less role upgrade gets a scope-less token), or, for a scope-less request, the
   *  device's approved scopes (later releases). */
  approvalTokenScopes: "requested" | "requested-else-approved";
  /** An approval asking scopes merges them into the role's held token (2026.5.28, 6.11, 7.1, 8.2 and 9.6 dists,
   *  resolveApprovedTokenScopes): the asked scopes outside the approved baseline are added to the held token's
   *  (none outside: the held token is kept as it was), so a device holding operator.pairing approved for admin gets
   *  admin, pairing, read and write. Off: the token takes the request's scopes (2026.4.14 dist and earlier). */
  approvalTokenKeepsHeldScopes: boolean;
  /** An approval mints a token for every role the request asked (a request merged from a node and an operator
   *  connect gets both), each with its role's share of the scopes (2026.4.14 dist on, approveDevicePairing's loop
   *  over the requested roles). Off: one token, for the request's role, with the request's scopes (2026.3.31 and
   *  earlier dists). */
  approvalTokenPerRequestedRole: boolean;
  /** Which detail codes a coded gateway (detailCodes) knows: the early set of 2026.2.22 (a failed device proof is
   *  DEVICE_AUTH_INVALID whatever the failure, details.reason naming it; an origin refusal has no details), the
   *  device set of 2026.3.2 (one DEVICE_AUTH_* code per failure; an origin refusal still has no details) or the full
   *  set (CONTROL_UI_ORIGIN_NOT_ALLOWED too, from 2026.3.13). */
  detailCodeSet: "early" | "device" | "full";
  /** An operator authenticated with the shared token or password skips device pairing (not Control UI or
   *  webchat): read in the 2026.2.22 dist (skipPairingForOperatorSharedAuth), gone by 2026.3.2. */
  sharedAuthOperatorSkipsPairing: boolean;
  /** A device token whose scopes do not cover the request fails with reason scope_mismatch (2026.9.6); before,
   *  like any failed device token (device_token_mismatch for an explicit auth.deviceToken, else the primary
   *  reason; no scope_mismatch in the 2026.2.22 … 2026.4.14 dists). */
  deviceTokenScopeMismatchReason: boolean;
  /** Approving a pairing request is forbidden while a requested scope belongs to no requested role (a node
   *  asking operator.admin): device.pair.approve answers "invalid scope for requested roles: <scope>" and a
   *  silent pairing stays pending, so the connect gets NOT_PAIRED (2026.4.14, 2026.9.6). */
  approvalScopeChecks: boolean;
  /** With approvalScopeChecks: the caller must also hold the scopes of the device's existing operator token (the
   *  model's 2026.9.6 reading, kept for 2026.5 on); off, only the request's operator scopes are checked against the
   *  caller's (2026.4.14 dist, approveDevicePairing). */
  approvalChecksHeldTokenScopes: boolean;
  /** Without approvalScopeChecks: approving a pairing request (inline or by device.pair.approve) is forbidden unless
   *  the caller's scopes allow the request's operator scopes, implied read/write included, under the request's role
   *  (operator: admin covers operator.*, write covers read; any other role: plain set membership), so a node asking
   *  operator.admin on the shared token is never approved silently (2026.3.31 dist, approveDevicePairing). */
  approvalCallerScopesUnderPendingRole: boolean;
  /** The connect's role check counts the roles that hold an unrevoked device token, not the approved ones
   *  (listEffectivePairedDeviceRoles, 2026.3.31 dist): a role an approval recorded from a merged request without
   *  minting its token, or a revoked role, is a role upgrade. */
  connectRolesFromTokens: boolean;
  /** Device tokens carry an issuer (2026.9.6; also in the 2026.6.11 and 2026.8.2 dists, none up to 2026.4.22): a
   *  token issued to a browser Control UI / copilot / webchat session on shared auth, or to a session that logged in
   *  with such a token, names the shared auth's generation (a digest of mode and secret). A token is reused only
   *  under the same issuer (else re-minted), refused once the generation changed, and an issuer-less token is
   *  refused for a device paired as a browser client (device_token_mismatch). A session let in by a token naming a
   *  generation counts as a shared-auth session: a change of the shared secret closes it 4001. */
  deviceTokenIssuer: boolean;
  /** An allowed connect of a paired device records its client id and mode in the paired record (2026.2.12 …
   *  2026.4.14 dists); 2026.9.6 keeps the ones the device was approved with (its connect metadata has neither). */
  connectRecordsClient: boolean;
  /** An operator UI (Control UI, or the TUI where it counts as one) asking role operator in auth mode none skips
   *  device pairing: a device it brings is neither paired nor given a token unless already paired (2026.3.31,
   *  2026.4.14 and 2026.9.6 dists, shouldSkipControlUiPairing). Was tied to silentPairing "late" before. */
  controlUiAuthNoneSkipsPairing: boolean;
  /** A pairing skip (the Control UI bypass, an operator UI in auth mode none, the local backend's self-pairing skip,
   *  a trusted-proxy operator UI) also covers a device already paired, whose role, scopes and metadata then go
   *  unchecked (2.12 … 3.31 dists: the whole device block runs only without a skip; 8.2 and 9.6: a skipped paired
   *  device only has its metadata refreshed). Off (4.14 … 7.1 dists): the skip applies to an unpaired device only,
   *  and a paired one is checked for role, scope and metadata upgrades like any other. */
  pairingSkipCoversPaired: boolean;
  /** With deviceTokenIssuer: an approval's new token keeps the issuer of the token it replaces (2026.9.6 worker
   *  approveDevicePairingInWorker, preserveExistingIssuer). Off (5.28 … 8.2 dists, approveDevicePairing): the new
   *  token has no issuer, so a later plain connect reuses it where a shared-gateway-auth token would be re-minted. */
  approvalKeepsTokenIssuer: boolean;
  /** After a silent local approval, other devices whose latest approval was silent too, recorded with the same
   *  client id, mode and display name, approved at least 60 s before and not connected now are removed, their
   *  pending requests with them (2026.8.2 and 2026.9.6 dists, pruneSupersededSilentPairedDevices: ephemeral state
   *  dirs re-pair under a fresh device id every run). The paired record keeps how it was approved (approvedVia).
   *  Off (2026.7.1 and earlier dists): no such prune and no approvedVia. */
  silentPairingPrune: boolean;
  /** device.pair.list marks each paired device `connected` (whether a session of it is connected: 2026.8.2 and
   *  2026.9.6 dists, redactPairedDevice's opts). Off (2026.7.1 and earlier dists): no such field. */
  pairListConnected: boolean;
  /** device.pair.remove also drops the device's pending pairing requests (2026.9.6 worker removePairedDeviceInWorker;
   *  also in the 2026.6.11 dist; the 2026.3.13, 3.31 and 4.14 dists delete the paired record only). */
  removeDropsPending: boolean;
  /** The gateway serves device.pair.remove (2026.2.17 dist and later). Off (2026.2.12 dist): the method is in none
   *  of authorizeGatewayMethod's sets, so a caller without operator.admin is refused "missing scope:
   *  operator.admin" and an admin gets "unknown method: device.pair.remove" (both INVALID_REQUEST). */
  devicePairRemove: boolean;
  /** The device-less scope keepers (deviceLessScopeKeepers) keep their scopes only after a shared-secret login
   *  (token or password), not a trusted-proxy one (2026.9.6 dist: isSharedSecretAuthMethod in both keeper rules). */
  scopeKeepersNeedSharedSecret: boolean;
  /** The caller scopes an inline (silent) pairing approval is checked with (approvalScopeChecks): the connect's
   *  requested scopes plus the device's approved ones (2026.8.2, 2026.9.6), or the requested ones alone (2026.7.1),
   *  so a silent upgrade of a device whose token carries more than the connect asks for is refused and waits. */
  inlineApprovalCallerScopes: "requested" | "requested-and-approved";
  /** After a silent pairing approval (a metadata or role upgrade), the connect goes on to the next check against the
   *  record read before it, so a role upgrade that also asks for scopes beyond the old record's is followed by a
   *  scope upgrade, which 2026.7.1 never approves silently (requirePairing called in turn in its dist; the 8.2 dist
   *  has the same sequence). Off: the first unmet check alone decides (the model before 2026-12-04). */
  pairingChecksInSequence: boolean;
  /** An operator UI authenticated by the trusted proxy skips device pairing (shouldSkipControlUiPairing in the
   *  2026.3.31 and 2026.4.14 dists); 2026.9.6 pairs a device it brings like any other (not silently: proxied). */
  trustedProxyUiSkipsPairing: boolean;
}

export interface ClientSwitches {
  /** Which credential a client sends when it holds a stored device token and a shared token (§7.2). */
  tokenPriority:
    | "stored-first-self-heal" // ≤ 2026.2.13: stored ?? opts.token, clear stored on failure
    | "passive-wins" // 2026.2.14 regression: opts.token ?? stored, no self-heal
    | "explicit-stored-passive" // PR #17336 (proposed, never shipped; no profile has it): explicit > stored > passive, self-heal restored
    | "resolved-late"; // later §7.1: explicit shared wins, stored when no shared credential, bounded retry
  /** One bounded retry with the stored device token on AUTH_TOKEN_MISMATCH (§7.3). */
  deviceTokenRetry: boolean;
  /** §7.4: clear the stored token on close 1008 "device token mismatch" when no shared credential was given. */
  staleTokenSelfHeal: boolean;
  /** With staleTokenSelfHeal, the stored token is cleared even when a token or password was given (2026.2.17 dist:
   *  the close handler checks the device identity only; 2.22 on add `!opts.token && !opts.password`). */
  staleTokenSelfHealWithShared: boolean;
  /** Pause reconnecting on the §7.5 detail codes (needs the gateway to send codes). */
  pauseOnDetailCodes: boolean;
  /** A failed connect keeps the gateway error's details (detail code, retry hints). Off where the client's request
   *  rejects with the error message alone, so it can neither pause on a code nor retry on a hint. The Control UI
   *  page is not this client and keeps them. */
  connectErrorDetails: boolean;
  /** AUTH_TOKEN_MISMATCH pauses only after the retry is spent or on an untrusted endpoint (§7.5), or — the
   *  released 2026.9 client — whenever no device-token retry is pending (e.g. no stored token at all). */
  tokenMismatchPause: "after-retry-or-untrusted" | "unless-retry-pending";
  /** A retryable refusal with retryAfterMs (startup UNAVAILABLE) is retried after exactly that long, without
   *  growing the backoff or reporting a connect error (the released 2026.9 client). */
  honourRetryAfter: boolean;
  /** 2026.9 client: AUTH_DEVICE_TOKEN_MISMATCH pauses at once and clears the stored token. */
  pauseOnDeviceTokenMismatch: boolean;
  /** A device-token retry left pending is dropped when the next connect has no stored device token to send, so
   *  the next AUTH_TOKEN_MISMATCH pauses. False in every release modelled: 2026.9.6's Control UI clears a pending
   *  retry only by sending a device token, so a tab whose retry another tab pre-empted (the shared stored token
   *  cleared) reconnects for ever — found by chaos, confirmed in Chromium (reports/live/). True is the fix, which
   *  the open-bug check applies (src/profiles/open-bugs.ts). */
  pendingRetryDroppedWithoutStoredToken: boolean;
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Clamp applied when the bounded retry is pending. */
  fastRetryMs: number;
  /** Jitter as a fraction of the delay; null = none (the code read has none). */
  backoffJitter: Ratio | null;
  /** How long the client waits for connect.challenge (connectDelayMs clamped 250…10000 in the code read; the
   *  released 2026.9 client waits the 15 s pre-auth default). */
  challengeTimeoutMs: number;
  /** What the client does when no connect.challenge came within challengeTimeoutMs: `close` the socket ("connect
   *  challenge timeout", 2026.2.22 on), or send `connect` anyway without a nonce, its device proof then signed as
   *  v1 (2026.2.12 and 2.17 dists: queueConnect's 750 ms timer calls sendConnect with no nonce). */
  challengeTimeoutAction: "close" | "connect-without-nonce";
  /** Where the device proof's signedAt comes from: the client host's clock, or the `ts` of the gateway's
   *  connect.challenge (PR #116679, merged 2026-07-31; the released 2026.9.1 client signs with it), so a client
   *  whose clock is off by more than the skew window still gets in. */
  signedAtSource: "client-clock" | "challenge-ts";
  /** The payload version the client signs. */
  signatureVersion: "v1" | "v2" | "v3";
  /** protocol the client asks for (min = max). */
  protocolVersion: number;
  /** Refuse plaintext ws:// to a non-loopback host. */
  insecureWsGuard: boolean;
  /** With insecureWsGuard, the plaintext ws:// hosts let through besides loopback (`isSecureWebSocketUrl` of each
   *  dist; "env" is OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 on the client's host): `loopback` none (2.22);
   *  `env-private-ip` private IP literals with env (3.2); `env-private-or-name` with env, private IP literals and
   *  any host name that is no IP literal (3.13 … 4.22); `lan-names` private IP literals and `.local` / `.ts.net`
   *  names always, and with env any host name that is no IP literal (5.28 … 9.6). */
  insecureWsAllows: "loopback" | "env-private-ip" | "env-private-or-name" | "lan-names";
  /** The TUI's client id: before PR #55730 it connected as gateway-client (mode ui, display name openclaw-tui). */
  tuiClientId: "gateway-client" | "openclaw-tui";
  /** The Control UI sends client.buildId (the 2026.9 gateway checks it against its own build). */
  controlUiSendsBuildId: boolean;
  /** Control UI: keep the shared token per tab (sessionStorage) rather than in localStorage. */
  controlUiTokenPerTab: boolean;
  /** Control UI: where the page reads a token from its own URL at load — `?token=` only (S-Feb), or `#token=` first
   *  with `?token=` as a legacy fallback; what it read is stripped from the address bar either way. */
  controlUiUrlToken: "query" | "fragment-first";
  /** Control UI only (the other kinds use backoffInitialMs, backoffMaxMs, backoffJitter and doubling): the page's
   *  first reconnect delay, reset on hello-ok. Every release read: 800 ms. */
  controlUiBackoffInitialMs: number;
  /** Control UI only: each reconnect multiplies the delay by this many percent (every release read: 170, ×1.7). */
  controlUiBackoffFactorPercent: number;
  /** Control UI only: the delay's cap (every release read: 15 s). */
  controlUiBackoffMaxMs: number;
  /** Control UI only: jitter as a fraction of the delay; null = none (none in any release read). */
  controlUiBackoffJitter: Ratio | null;
  /** Control UI only: clamp on the delay before the bounded device-token retry (the other kinds' fastRetryMs);
   *  null = the retry waits the next ordinary backoff step, as in every release read. */
  controlUiFastRetryMs: number | null;
  /** Control UI only: a shared token the page sends as auth.token is also sent as auth.password when it has no
   *  password of its own (2026.9.6's bundle; no earlier bundle read does). The gateway then hears a password too. */
  controlUiPasswordCopiesToken: boolean;
  /** Control UI only: the operator scopes the page asks for by default, in its order (a tab reconnecting on its
   *  stored device token asks the token's scopes instead). 2026.2.12–2026.3.13: admin, approvals, pairing;
   *  2026.3.31–2026.7.1: admin, read, write, approvals, pairing; 2026.8.2, 2026.9.6: also questions. */
  controlUiScopes: readonly string[];
  /** Control UI: the page makes a device identity in an insecure context (plain http from a non-loopback host).
   *  Before PR #124724 (merged 2026-08-16) the missing WebCrypto digest left such a page without one. */
  controlUiInsecureContextIdentity: boolean;
}

export interface ServiceSwitches {
  /** `gateway install` writes OPENCLAW_GATEWAY_TOKEN into the unit (legacy), or leaves it tokenless. */
  unitEmbedsToken: boolean;
  /** How the gateway process resolves its own token: env-first, or config-first under OPENCLAW_SERVICE_KIND=gateway. */
  serviceTokenResolution: "env-first" | "config-first-in-service";
  /** Audit codes doctor knows. */
  auditCodes: readonly ("gateway-token-embedded" | "gateway-token-mismatch" | "gateway-token-drift")[];
  /** Doctor repair: "naive" has the two pitfalls of the #28428 review; "safe" reloads and validates first. */
  doctorRepair: "naive" | "safe";
  /**
   * gateway.bind "custom" whose customBindHost is missing, not IPv4 or not an address of the host: "all" listens on
   * every interface instead; "refuse" refuses the start.
   */
  customBindFallback: "all" | "refuse";
  /**
   * Whether the gateway process knows it runs in a container, where an unset gateway.bind means "auto" and "auto"
   * listens on every interface (so a published port reaches it): "none" (before PR #61818, 2026.4); "sentinel":
   * /.dockerenv, /run/.containerenv or a container cgroup (a machine marked `container`); "sentinel-or-fly": also
   * FLY_MACHINE_ID with FLY_APP_NAME in its environment. Never with gateway.tailscale.mode serve or funnel.
   */
  containerDetection: "none" | "sentinel" | "sentinel-or-fly";
  /**
   * Token auth with no token anywhere (config, environment, flags) at start: "refuse" the start (2026.2.12,
   * 2026.2.17); "persist" a generated token into the config file as gateway.auth.token (2026.2.22 … 2026.4.22);
   * "runtime": keep a generated one in the process only, a new one each start, and refuse a bind beyond loopback;
   * the CLI then refuses a call before opening a socket when it has no credential at all (2026.5.28 …); "runtime-cli-pairing": also pair the machine's own CLI device for operator.admin and store its
   * device token, so `openclaw …` commands still get in (2026.8.2, 2026.9.6).
   */
  tokenBootstrap: "refuse" | "persist" | "runtime" | "runtime-cli-pairing";
  /**
   * What of the simulator's config keys this release's strict config schema does not take: a dotted path (a key
   * the release does not know: "gateway.auth.trustedProxy.allowLoopback") or "path=value" (an enum value it does
   * not accept: "gateway.auth.mode=none"). A config holding one is invalid there, as the real zod schema says
   * "Unrecognized key": the gateway refuses to start on it, a hot reload skips it, and `openclaw config` refuses to
   * write it or to edit a file holding it.
   */
  configSchemaGaps: readonly string[];
}

export interface Profile {
  /** Release name, e.g. "2026.3". */
  readonly name: string;
  /** One line: what era this is and what marks it. */
  readonly summary: string;
  /** Spec era it is drawn from. */
  readonly era: "S-Feb" | "S-Mar" | "S-Late" | "observed";
  readonly gateway: GatewaySwitches;
  readonly client: ClientSwitches;
  readonly service: ServiceSwitches;
}
