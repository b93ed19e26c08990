// Pairing during connect (spec §4.5): is this device paired for this role, scopes and metadata; if not,
// create or merge a pending request, approve it silently where the profile allows, else refuse.
import {
  ConnectErrorDetailCodes,
  ErrorCodes,
  normalizeDeviceAuthScopes,
  pairingCloseReasonLate,
  pairingErrorMessageLate,
  pairingRemediationHint,
  scopesAllowUnder,
  type PairingReason,
} from "../protocol/index.ts";
import { localClient } from "./locality.ts";
import { normalizeDeviceMetadataForAuth } from "../crypto/index.ts";
import { isSilentPairing, skipsPairing } from "./connect-policy.ts";
import type { ConnectFacts } from "./connect.ts";
import { approvalTokenOptions, approveBootstrapDevicePairing, approveDevicePairing, persistPairingStore, ensureDeviceToken, requestDevicePairing, pairingApprovalRefusal, pendingRoleApprovalRefusal, pruneSupersededSilentPairings, updatePairedDeviceMetadata, type DeviceAuthToken, type DeviceTokenIssuer } from "./pairing-store.ts";
import { sharedAuthGeneration } from "./shared-auth.ts";
import { boundBootstrapProfile, bootstrapScopesForRole, type BootstrapProfile } from "./bootstrap-tokens.ts";
import { event, log, refuse } from "./responses.ts";
import type { Connection, GatewayOutput, GatewayState, StepContext } from "./types.ts";

/** A silent setup-code pairing's hand-off: the bootstrap profile and the other roles' tokens for hello-ok. */
export interface BootstrapHandoff {
  readonly profile: BootstrapProfile | null;
  readonly tokens: readonly DeviceAuthToken[];
}

const noHandoff: BootstrapHandoff = { profile: null, tokens: [] };

export function pairDevice(
  state: GatewayState,
  conn: Connection,
  ctx: StepContext,
  f: ConnectFacts,
  publicKey: string | null,
  finish: (deviceToken: DeviceAuthToken | null, handoff: BootstrapHandoff) => GatewayOutput[],
): GatewayOutput[] {
  const device = f.device;
  if (!device || !publicKey) return finish(null, noHandoff);
  let handoffProfile: BootstrapProfile | null = null;
  const paired = state.store.paired[device.id];
  const isPaired = paired !== undefined && paired.publicKey === publicKey;
  const skip = skipsPairing(state.switches, { cls: f.cls, role: f.role, authMethod: f.authMethod, allowBypass: f.allowBypass, sharedAuthOk: f.sharedAuthOk, trustedProxyAuthOk: f.trustedProxyAuthOk, isLocal: pairingLocal(state, conn), hasOrigin: f.hasOrigin, isPaired });
  const outputs: GatewayOutput[] = [];
  if (!skip) {
    // Every release checks metadata, role and scopes in turn against the record read before the connect; the model
    // stops at the first unmet one unless pairingChecksInSequence goes on after a silent approval (2026.7.1).
    const unmet = pairingRequirements(state, f, isPaired);
    const reasons = state.switches.pairingChecksInSequence ? unmet : unmet.slice(0, 1);
    for (const reason of reasons) {
      // The scopes this approval would grant: the request's merged with a pending one for the same device.
      const pendingScopes = Object.values(state.store.pending).find((p) => p.deviceId === device.id)?.scopes ?? [];
      const bootstrapProfile = silentBootstrapProfile(state, ctx, f, { reason, existing: paired !== undefined, publicKey });
      const silentLocal = isSilentPairing(state.switches, { reason, isLocal: pairingLocal(state, conn), hasOrigin: f.hasOrigin, cls: f.cls, clientId: f.params.client.id, clientMode: f.params.client.mode, role: f.role, scopes: [...f.scopes, ...pendingScopes], directLocal: conn.isLocal, sharedSecretOk: f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"), existing: paired !== undefined }) && autoApprovesLocal(state, reason);
      const silent = silentLocal || bootstrapProfile !== null;
      const { request, created } = requestDevicePairing({
        store: state.store,
        request: {
          deviceId: device.id,
          publicKey,
          displayName: f.params.client.displayName,
          platform: f.params.client.platform,
          deviceFamily: f.params.client.deviceFamily,
          clientId: f.params.client.id,
          clientMode: f.params.client.mode,
          role: f.role,
          roles: bootstrapProfile ? [...new Set([f.role, ...bootstrapProfile.roles])] : [f.role],
          scopes: f.scopes,
          remoteIp: pairingLocal(state, conn) ? undefined : conn.clientIp,
          silent,
          isRepair: paired !== undefined && !isPaired,
        },
        policy: state.switches.pendingRequestPolicy,
        nowMs: ctx.nowMs,
        prng: ctx.prng,
      });
      // Every release approves inline only when the stored request is silent: a pending request a non-silent
      // connect left (e.g. one with an Origin) keeps a later local connect waiting (pairing.request.silent).
      // From 2026.4.14 an approval of a request whose scopes no requested role covers is forbidden, so a silent
      // one fails and the connect is answered like any pairing that waits (the request stays pending).
      // For an inline approval the caller's scopes are the connect's requested ones plus the device's approved ones.
      // 2026.7.1 passes the requested ones alone (switch inlineApprovalCallerScopes).
      const approvedBaseline = state.switches.inlineApprovalCallerScopes === "requested-and-approved" ? (paired?.approvedScopes ?? paired?.scopes ?? []) : [];
      const callerScopes = [...f.scopes, ...approvedBaseline];
      const refused = state.switches.approvalScopeChecks
        ? pairingApprovalRefusal(request, paired, callerScopes, state.switches.approvalChecksHeldTokenScopes) !== null
        : state.switches.approvalCallerScopesUnderPendingRole && pendingRoleApprovalRefusal(request, callerScopes) !== null;
      const approveInline = request.silent === true && !refused;
      // localForPairing: the release counted this connection as local for pairing though its request is not
      // (2026.9: a loopback socket with a foreign Host header); logged only then, so other traces stay as they were.
      const localForPairing = pairingLocal(state, conn);
      outputs.push(log("pairing.required", { deviceId: device.id, reason, silent: approveInline, requestId: request.requestId, connId: conn.connId, isLocal: conn.isLocal, ...(localForPairing !== conn.isLocal ? { localForPairing } : {}) }));
      if (!approveInline) return [...outputs, ...notPaired(state, conn, ctx, f, request.requestId, reason, created, request, paired !== undefined)];
      if (bootstrapProfile) {
        approveBootstrapDevicePairing(state.store, request.requestId, bootstrapProfile, ctx.nowMs, ctx.prng, state.switches.silentPairingPrune ? "bootstrap" : undefined);
        handoffProfile = bootstrapProfile;
      } else {
        approveDevicePairing(state.store, request.requestId, ctx.nowMs, ctx.prng, approvalTokenOptions(state.switches, "silent"));
      }
      outputs.push(...broadcastToPairingOperators(state, "device.pair.resolved", { requestId: request.requestId, deviceId: device.id, decision: "approved", ts: ctx.nowMs }));
      if (state.switches.silentPairingPrune) outputs.push(...pruneSupersededAfterApproval(state, device.id, ctx));
    }
    if (reasons.length === 0) {
      updatePairedDeviceMetadata(state.store, device.id, {
        role: f.role,
        scopes: f.scopes,
        keepPlatform: state.switches.metadataPinning,
        displayName: f.params.client.displayName,
        platform: f.params.client.platform,
        // 2026.9.6 keeps the client id and mode the device was approved with (switch connectRecordsClient).
        clientId: state.switches.connectRecordsClient ? f.params.client.id : undefined,
        clientMode: state.switches.connectRecordsClient ? f.params.client.mode : undefined,
      });
    }
  }
  const withinApproval = state.switches.deviceTokenWithinApproval;
  const baselineOptions = { needsApprovedRole: state.switches.deviceTokenNeedsApprovedRole, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, revokedRoleStaysApproved: state.switches.revokedRoleStaysApproved, rolePrefix: state.switches.roleScopePrefix };
  const impliedScopes = state.switches.impliedTokenScopes;
  const scopeImplications = state.switches.operatorScopeImplications;
  const issuer = deviceTokenIssuer(state, f);
  const token = ensureDeviceToken(state.store, { deviceId: device.id, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs, prng: ctx.prng, withinApproval, impliedScopes, scopeImplications, issuer, ...baselineOptions });
  const handoffTokens: DeviceAuthToken[] = [];
  for (const role of handoffProfile?.roles ?? []) {
    if (role === f.role) continue;
    const extra = ensureDeviceToken(state.store, { deviceId: device.id, role, scopes: bootstrapScopesForRole(role, handoffProfile!.scopes), nowMs: ctx.nowMs, prng: ctx.prng, withinApproval, impliedScopes, scopeImplications, ...baselineOptions });
    if (extra) handoffTokens.push(extra);
  }
  outputs.push({ kind: "persist", store: persistPairingStore(state.store) });
  for (const out of finish(token, { profile: handoffProfile, tokens: handoffTokens })) outputs.push(out);
  return outputs;
}

/**
 * After a silent approval (switch silentPairingPrune): the superseded silent pairings of the same client cluster are
 * removed; a removed node is announced to pairing operators (node.pair.resolved, decision removed). A device with a
 * connected session is never pruned, so there is no session to close.
 */
function pruneSupersededAfterApproval(state: GatewayState, deviceId: string, ctx: StepContext): GatewayOutput[] {
  const connected = connectedDeviceIds(state);
  const outputs: GatewayOutput[] = [];
  for (const removed of pruneSupersededSilentPairings(state.store, deviceId, ctx.nowMs, (id) => connected.has(id))) {
    outputs.push(log("pairing.pruned", { deviceId: removed.deviceId, supersededBy: deviceId, roles: removed.roles }));
    if (removed.roles.includes("node")) outputs.push(...broadcastToPairingOperators(state, "node.pair.resolved", { requestId: "", nodeId: removed.deviceId, decision: "removed", ts: ctx.nowMs }));
  }
  return outputs;
}

/**
 * The issuer of the device token this connect gets (2026.9, switch deviceTokenIssuer; issueGatewayConnectDeviceTokens
 * in the 9.6 dist): the session's shared-auth generation — the current one for a shared-secret or trusted-proxy
 * login, else the one of the device token it logged in with — when it logged in with such a device token, or with
 * shared auth as the browser Control UI, the browser copilot or a webchat client. Otherwise none.
 */
function deviceTokenIssuer(state: GatewayState, f: ConnectFacts): DeviceTokenIssuer | undefined {
  if (!state.switches.deviceTokenIssuer) return undefined;
  const usesSharedAuth = f.authMethod === "token" || f.authMethod === "password" || f.authMethod === "trusted-proxy";
  const generation = (usesSharedAuth ? sharedAuthGeneration(state.config) : undefined) ?? f.deviceTokenGeneration;
  if (!generation) return undefined;
  const browserOperatorUi = f.params.client.id === "openclaw-control-ui" || f.params.client.id === "openclaw-browser-copilot";
  const fromDeviceToken = f.deviceTokenGeneration !== undefined;
  return fromDeviceToken || (usesSharedAuth && (browserOperatorUi || f.cls.isWebchat)) ? { kind: "shared-gateway-auth", generation } : undefined;
}

/** Whether this not-paired connect is a first node pairing by bootstrap token. */
function bootstrapFirstNodePairing(f: ConnectFacts, reason: PairingReason, existing: boolean): boolean {
  return f.authMethod === "bootstrap-token" && f.bootstrapToken !== undefined && reason === "not-paired" && f.role === "node" && f.scopes.length === 0 && !existing;
}

/**
 * The bootstrap profile a first node pairing is silently approved with (any locality), or null. 2026.4: any
 * node-role client; 2026.9: only a profile issued for that client class — the node-only profile for a node-host
 * in node mode (the mobile profiles need the iOS/Android apps, which the model does not have).
 */
function silentBootstrapProfile(state: GatewayState, ctx: StepContext, f: ConnectFacts, at: { reason: PairingReason; existing: boolean; publicKey: string }): BootstrapProfile | null {
  if (!bootstrapFirstNodePairing(f, at.reason, at.existing)) return null;
  const profile = boundBootstrapProfile(state.bootstrap, { token: f.bootstrapToken!, deviceId: f.device!.id, publicKey: at.publicKey, nowMs: ctx.nowMs });
  if (!profile || state.switches.bootstrapSilentPairing === "node-first-pairing") return profile;
  const nodeOnly = profile.roles.length === 1 && profile.roles[0] === "node" && profile.scopes.length === 0;
  return nodeOnly && f.params.client.id === "node-host" && f.params.client.mode === "node" ? profile : null;
}

/** The pairing checks this connect fails, in the order the gateway makes them, all against the record as it was
 *  before the connect: not paired alone, else any of a metadata, a role and a scope upgrade. */
function pairingRequirements(state: GatewayState, f: ConnectFacts, isPaired: boolean): PairingReason[] {
  if (!isPaired) return ["not-paired"];
  const paired = state.store.paired[f.device!.id]!;
  const unmet: PairingReason[] = [];
  if (state.switches.metadataPinning) {
    const claimedPlatform = normalizeDeviceMetadataForAuth(f.params.client.platform);
    const claimedFamily = normalizeDeviceMetadataForAuth(f.params.client.deviceFamily);
    const platformDiffers = paired.platform !== undefined && normalizeDeviceMetadataForAuth(paired.platform) !== claimedPlatform;
    const familyDiffers = paired.deviceFamily !== undefined && normalizeDeviceMetadataForAuth(paired.deviceFamily) !== claimedFamily;
    if (platformDiffers || familyDiffers) unmet.push("metadata-upgrade");
  }
  // 2026.3.31 (switch connectRolesFromTokens): the roles holding an unrevoked token are the effective ones.
  const roles = state.switches.connectRolesFromTokens
    ? [...new Set(Object.values(paired.tokens).filter((t) => t.revokedAtMs === undefined).map((t) => t.role))]
    : (paired.roles ?? (paired.role ? [paired.role] : []));
  if (roles.length === 0 || !roles.includes(f.role)) unmet.push("role-upgrade");
  if (f.scopes.length > 0) {
    const implications = state.switches.operatorScopeImplications;
    const approved = normalizeDeviceAuthScopes(paired.approvedScopes ?? paired.scopes ?? [], { impliedScopes: implications });
    if (approved.length === 0 || !scopesAllowUnder(implications, f.role, f.scopes, approved, state.switches.roleScopePrefix)) unmet.push("scope-upgrade");
  }
  return unmet;
}

function notPaired(
  state: GatewayState,
  conn: Connection,
  ctx: StepContext,
  f: ConnectFacts,
  requestId: string,
  reason: PairingReason,
  created: boolean,
  request: unknown,
  existing: boolean,
): GatewayOutput[] {
  const outputs: GatewayOutput[] = [{ kind: "persist", store: persistPairingStore(state.store) }];
  if (created) outputs.push(...broadcastToPairingOperators(state, "device.pair.requested", request));
  void ctx;
  if (state.switches.pairingAnswer === "late") {
    // Recorded: an operator UI waiting for approval is told to wait and keep retrying.
    // Read in 2026.9.6: a first node pairing by bootstrap token is told the same (retryAfterBootstrapPairingApproval).
    const uiWaits = state.switches.uiPairingWaitHint && (f.cls.isControlUi || f.cls.isTui) && f.role === "operator";
    const waitForApproval = uiWaits || bootstrapFirstNodePairing(f, reason, existing);
    const details = {
      code: ConnectErrorDetailCodes.PAIRING_REQUIRED,
      reason,
      requestId,
      remediationHint: pairingRemediationHint(reason),
      ...(waitForApproval ? { recommendedNextStep: "wait_then_retry", retryable: true, pauseReconnect: false } : {}),
      deviceId: f.device!.id,
      requestedRole: f.role,
      requestedScopes: f.scopes,
    };
    const message = pairingErrorMessageLate(reason);
    outputs.push(...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message, details }, 1008, pairingCloseReasonLate(reason, requestId)));
    return outputs;
  }
  const details = !state.switches.detailCodes ? { requestId } : { code: ConnectErrorDetailCodes.PAIRING_REQUIRED, requestId, reason };
  outputs.push(...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message: "pairing required", details }));
  return outputs;
}

/** Whether this connection counts as local for silent pairing (profile switch localClientRule). */
function pairingLocal(state: GatewayState, conn: Connection): boolean {
  return localClient(state, conn);
}

/** Events about pairing go to connected operators that may act on them (operator.pairing or admin). */
/** The devices with a connected session (hasConnectedClientsForDevice in the dists). */
export function connectedDeviceIds(state: GatewayState): Set<string> {
  const ids = new Set<string>();
  for (const c of state.conns.values()) if (c.phase === "connected" && c.session?.deviceId) ids.add(c.session.deviceId);
  return ids;
}

export function broadcastToPairingOperators(state: GatewayState, name: string, payload: unknown): GatewayOutput[] {
  const outputs: GatewayOutput[] = [];
  for (const conn of state.conns.values()) {
    const s = conn.session;
    if (conn.phase !== "connected" || !s || s.role !== "operator") continue;
    if (!s.scopes.includes("operator.pairing") && !s.scopes.includes("operator.admin")) continue;
    outputs.push(event(conn.connId, name, payload));
  }
  return outputs;
}

/** `gateway.nodes.pairing.autoApproveLocal: false` (releases that have it) stops silent local approval except
 *  metadata upgrades, which keep their own rule (shouldAllowSilentLocalPairing in openclaw@2026.9.6). */
function autoApprovesLocal(state: GatewayState, reason: PairingReason): boolean {
  if (!state.switches.autoApproveLocalSetting) return true;
  return reason === "metadata-upgrade" || state.config.nodes?.pairing?.autoApproveLocal !== false;
}
