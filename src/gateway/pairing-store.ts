// The gateway's pairing store (spec §6): pending requests, paired devices and their per-role device tokens.
// Plain JSON-shaped data so it can be persisted and reloaded across a simulated gateway restart.
// Functions update the store in place and return what the caller needs to answer; they do no I/O.
import { assert, randomToken, uuidV4, type Prng } from "../kernel/index.ts";
import { normalizeDeviceAuthScopes, resolveMissingRequestedScope, roleScopesAllow, scopesAllowUnder } from "../protocol/index.ts";
import { noteDelete, noteMutation, noteWrite, persistedSnapshot } from "./pairing-journal.ts";
import type { GatewaySwitches } from "../profiles/index.ts";

export const pendingTtlMs = 5 * 60_000;

/** What a device claims and is recorded with, in a pending request and in its paired record. */
export interface DeviceRecordBase {
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  role?: string;
  roles?: string[];
  scopes?: string[];
  remoteIp?: string;
}

export interface PendingRequest extends DeviceRecordBase {
  requestId: string;
  silent?: boolean;
  isRepair?: boolean;
  ts: number;
}

/** Who a device token was issued under (2026.9, switch deviceTokenIssuer): a session on the gateway's shared
 *  auth, named by the generation of that auth (a digest of mode and secret), so a changed secret retires it. */
export interface DeviceTokenIssuer {
  kind: "shared-gateway-auth";
  generation: string;
}

export interface DeviceAuthToken {
  token: string;
  role: string;
  scopes: string[];
  issuer?: DeviceTokenIssuer;
  createdAtMs: number;
  rotatedAtMs?: number;
  revokedAtMs?: number;
  lastUsedAtMs?: number;
}

/** How a device's latest approval was given (recorded with switch silentPairingPrune, 2026.8.2 and 2026.9.6):
 *  by an operator, silently for a local client, or by a setup-code bootstrap token. */
export type ApprovalKind = "owner" | "silent" | "bootstrap";

export interface PairedDevice extends DeviceRecordBase {
  approvedScopes?: string[];
  tokens: Record<string, DeviceAuthToken>;
  createdAtMs: number;
  approvedAtMs: number;
  approvedVia?: ApprovalKind;
}

export interface PairingStore {
  pending: Record<string, PendingRequest>;
  paired: Record<string, PairedDevice>;
}

export function emptyPairingStore(): PairingStore {
  return { pending: {}, paired: {} };
}

export function clonePairingStore(store: PairingStore): PairingStore {
  return structuredClone(store);
}

/** The store for a `persist` output: on-disk content equal to a whole clone, built from the changed records only. */
export function persistPairingStore(store: PairingStore): PairingStore {
  return persistedSnapshot(store);
}

function setPending(store: PairingStore, request: PendingRequest): void {
  noteWrite(store, "pending", request.requestId);
  store.pending[request.requestId] = request;
}

function deletePending(store: PairingStore, requestId: string): void {
  noteDelete(store, "pending", requestId);
  delete store.pending[requestId];
}

export function prunePending(store: PairingStore, nowMs: number): void {
  for (const [id, req] of Object.entries(store.pending)) {
    if (nowMs - req.ts <= pendingTtlMs) continue;
    noteDelete(store, "pending", id);
    delete store.pending[id];
  }
}

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

export type PendingPolicy = "merge" | "replace" | "keep-existing" | "replace-on-growth" | "replace-merged";

export type PairingRequestInput = Omit<PendingRequest, "requestId" | "ts">;

/** requestDevicePairing: one pending request per device; a second one merges, replaces or is ignored. */
export function requestDevicePairing(options: {
  store: PairingStore;
  request: PairingRequestInput;
  policy: PendingPolicy;
  nowMs: number;
  prng: Prng;
}): { request: PendingRequest; created: boolean } {
  const { store, request, policy, nowMs, prng } = options;
  prunePending(store, nowMs);
  const existing = Object.values(store.pending).find((p) => p.deviceId === request.deviceId);
  if (existing && policy === "keep-existing") return { request: existing, created: false };
  if (existing && policy === "replace-on-growth") {
    const grows = (request.scopes ?? []).some((sc) => !(existing.scopes ?? []).includes(sc)) || (request.role !== undefined && request.role !== existing.role);
    const scopes = union(existing.scopes, request.scopes);
    // A refreshed or superseding request stays silent only if every pending one was (read in 2026.4.14/2026.9.6).
    const silent = Boolean(existing.silent && request.silent);
    // The refreshed or replacing request carries every pending role too (2026.9.6 merges roles as it merges
    // scopes), so approving it pairs the device for a role an earlier connect asked.
    const roles = union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : []));
    if (!grows) {
      const kept: PendingRequest = { ...existing, ...definedOnly(request), roles, scopes, silent, requestId: existing.requestId, ts: nowMs };
      setPending(store, kept);
      return { request: kept, created: false };
    }
    deletePending(store, existing.requestId);
    const replaced: PendingRequest = { ...definedOnly(request), roles, scopes, silent, requestId: uuidV4(prng), ts: nowMs } as PendingRequest;
    setPending(store, replaced);
    return { request: replaced, created: true };
  }
  if (existing && policy === "replace-merged") {
    // Read in the 2026.4.14 dist (requestDevicePairing + reconcilePendingPairingRequests): the pending request is
    // refreshed in place only when role, roles and scopes are the same; any other re-request, a subset too, replaces
    // it with a new requestId carrying every pending role and scope (the requestId churn PR #98145 fixed).
    const roles = union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : []));
    const scopes = union(existing.scopes, request.scopes);
    const silent = Boolean(existing.silent && request.silent);
    const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify([...new Set(a ?? [])].sort()) === JSON.stringify([...new Set(b ?? [])].sort());
    const existingRoles = existing.roles ?? (existing.role ? [existing.role] : []);
    const requestRoles = request.roles ?? (request.role ? [request.role] : []);
    const normalized = (scopes: readonly string[] | undefined) => normalizeDeviceAuthScopes(scopes ?? [], { impliedScopes: true });
    const sameSnapshot = existing.publicKey === request.publicKey && existing.role === request.role && sameSet(existingRoles, requestRoles) && sameSet(normalized(existing.scopes), normalized(request.scopes));
    if (sameSnapshot) {
      const kept: PendingRequest = { ...existing, ...definedOnly(request), roles: existing.roles ?? existingRoles, scopes: existing.scopes, silent, isRepair: Boolean(existing.isRepair || request.isRepair), requestId: existing.requestId, ts: existing.ts };
      setPending(store, kept);
      return { request: kept, created: false };
    }
    deletePending(store, existing.requestId);
    const replaced: PendingRequest = { ...definedOnly(request), role: request.role ?? existing.role, roles, scopes, silent, requestId: uuidV4(prng), ts: nowMs } as PendingRequest;
    setPending(store, replaced);
    return { request: replaced, created: true };
  }
  if (existing && policy === "merge") {
    const merged: PendingRequest = {
      ...existing,
      ...definedOnly(request),
      role: existing.role ?? request.role,
      roles: union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : [])),
      scopes: union(existing.scopes, request.scopes),
      silent: Boolean(existing.silent && request.silent),
      isRepair: Boolean(existing.isRepair || request.isRepair),
      requestId: existing.requestId,
      ts: nowMs,
    };
    setPending(store, merged);
    return { request: merged, created: false };
  }
  const andSilent = existing && policy === "replace" ? { silent: Boolean(existing.silent && request.silent) } : {};
  if (existing && policy === "replace" && !changesRequest(existing, request)) {
    const kept: PendingRequest = { ...existing, ...definedOnly(request), ...andSilent, requestId: existing.requestId, ts: nowMs };
    setPending(store, kept);
    return { request: kept, created: false };
  }
  if (existing) deletePending(store, existing.requestId);
  const created: PendingRequest = { ...definedOnly(request), ...andSilent, requestId: uuidV4(prng), ts: nowMs } as PendingRequest;
  if (created.role && !created.roles) created.roles = [created.role];
  setPending(store, created);
  return { request: created, created: true };
}

/** Late docs: a pending request is replaced (new requestId) only when role, scopes or public key change. */
function changesRequest(existing: PendingRequest, request: PairingRequestInput): boolean {
  const sameScopes = JSON.stringify([...(existing.scopes ?? [])].sort()) === JSON.stringify([...(request.scopes ?? [])].sort());
  return existing.role !== request.role || existing.publicKey !== request.publicKey || !sameScopes;
}

/** The object without its undefined-valued keys. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Whether a token's scopes get the implied ones (admin → read + write, write → read): from 2026.3.31 (read in
 *  its dist; 2026.3.13 and earlier keep the requested scopes as they are). */
export interface TokenScopeOptions {
  readonly impliedScopes?: boolean;
  /** Compare requested with held scopes using the operator implications (default on; off ≤ 2026.2.17). */
  readonly scopeImplications?: boolean;
  /** An approval's token takes the request's scopes even when there are none (≤ 2026.2.17); default: approved ones. */
  readonly approvalTokenScopes?: GatewaySwitches["approvalTokenScopes"];
  /** An approval asking scopes adds those beyond the approved baseline to the role's held token's scopes instead
   *  of replacing them (switch approvalTokenKeepsHeldScopes; default off). */
  readonly approvalTokenKeepsHeldScopes?: boolean;
  /** An approval's new token keeps the replaced token's issuer (switch approvalKeepsTokenIssuer; default on). */
  readonly approvalKeepsIssuer?: boolean;
  /** A non-operator role's scopes count only under its `<role>.` prefix (switch roleScopePrefix; default on). */
  readonly rolePrefix?: boolean;
  /** An approval mints a token for every role the request asked, each with its role's share of the scopes (switch
   *  approvalTokenPerRequestedRole; default off: one token, for the request's role). */
  readonly tokenPerRequestedRole?: boolean;
  /** How this approval is given, recorded on the paired record (only under switch silentPairingPrune). */
  readonly approvedVia?: ApprovalKind;
}

/** The token options of an approval under a profile's switches: the same for device.pair.approve, an inline
 *  silent approval and the operator's `devices approve` (one approveDevicePairing in the dists). */
export function approvalTokenOptions(sw: GatewaySwitches, approvedVia: ApprovalKind = "owner"): TokenScopeOptions {
  return { impliedScopes: sw.impliedTokenScopes, approvalTokenScopes: sw.approvalTokenScopes, approvalTokenKeepsHeldScopes: sw.approvalTokenKeepsHeldScopes, tokenPerRequestedRole: sw.approvalTokenPerRequestedRole, approvalKeepsIssuer: sw.approvalKeepsTokenIssuer, ...(sw.silentPairingPrune ? { approvedVia } : {}) };
}

/** issuer: the new token's; keepIssuer: else the previous token's (a rotation keeps it from 2026.5.28 on, an
 *  approval in 2026.9.6 only: switch approvalKeepsTokenIssuer). */
function mintToken(options: { role: string; scopes: readonly string[]; nowMs: number; prng: Prng; previous?: DeviceAuthToken; issuer?: DeviceTokenIssuer; keepIssuer?: boolean } & TokenScopeOptions): DeviceAuthToken {
  const token: DeviceAuthToken = {
    token: randomToken(options.prng),
    role: options.role,
    scopes: normalizeDeviceAuthScopes(options.scopes, { impliedScopes: options.impliedScopes ?? true }),
    createdAtMs: options.previous?.createdAtMs ?? options.nowMs,
  };
  const issuer = options.issuer ?? (options.keepIssuer ? options.previous?.issuer : undefined);
  if (issuer) token.issuer = { ...issuer };
  if (options.previous) token.rotatedAtMs = options.nowMs;
  return token;
}

/** Whether a token was issued under this issuer: the same kind and generation, or neither has one. */
function issuerMatches(token: DeviceAuthToken, issuer: DeviceTokenIssuer | undefined): boolean {
  return issuer ? token.issuer?.kind === issuer.kind && token.issuer.generation === issuer.generation : token.issuer === undefined;
}

const browserClientIds = new Set(["openclaw-control-ui", "webchat-ui"]);

/** A paired device recorded as a browser client (webchat mode, or a browser UI's client id). */
function browserRelatedDevice(device: PairedDevice): boolean {
  if (device.clientMode?.trim().toLowerCase() === "webchat") return true;
  const id = device.clientId?.trim().toLowerCase();
  return id !== undefined && browserClientIds.has(id);
}

/** The paired record an approval writes: the pending request's key and metadata over the existing record, if any. */
function pairedRecord(
  pending: PendingRequest,
  existing: PairedDevice | undefined,
  grant: { readonly role: string; readonly roles: string[]; readonly scopes: string[]; readonly approvedVia?: ApprovalKind },
  nowMs: number,
): PairedDevice {
  const record = {
    ...(existing ?? { tokens: {}, createdAtMs: nowMs }),
    deviceId: pending.deviceId,
    publicKey: pending.publicKey,
    ...metadataOf(pending),
    role: grant.role,
    roles: grant.roles,
    scopes: grant.scopes,
    approvedScopes: grant.scopes,
    tokens: { ...(existing?.tokens ?? {}) },
    approvedAtMs: nowMs,
  } as PairedDevice;
  // The approved record takes the client's platform, family, id and mode from the request alone (read in the
  // 2026.2.17, 3.13, 3.31 and 9.6 dists): one the request lacks is not kept from the earlier record (seed-17
  // configs fixture c0040: a cli approved over a node host's pairing no longer carries its pinned family).
  for (const key of ["platform", "deviceFamily", "clientId", "clientMode"] as const) if (pending[key] === undefined) delete record[key];
  if (grant.approvedVia !== undefined) {
    const via = mergeApprovalKind(existing, grant.approvedVia);
    if (via === undefined) delete record.approvedVia;
    else record.approvedVia = via;
  }
  return record;
}

/** A re-approval's kind (mergeApprovalKind in the 8.2 and 9.6 dists): an operator's always; a record approved by an
 *  operator or a bootstrap token keeps that; one recorded with no kind gets none unless by bootstrap. */
function mergeApprovalKind(existing: PairedDevice | undefined, incoming: ApprovalKind): ApprovalKind | undefined {
  if (incoming === "owner" || !existing) return incoming;
  if (existing.approvedVia === undefined) return incoming === "bootstrap" ? "bootstrap" : undefined;
  if (existing.approvedVia === "owner" || existing.approvedVia === "bootstrap") return existing.approvedVia;
  return incoming;
}

/** The client cluster a silent approval prunes within: id, mode and display name, or none when all are empty. */
function silentClusterKey(device: PairedDevice): string | null {
  const part = (v: string | undefined) => v?.trim().toLowerCase() ?? "";
  const key = [part(device.clientId), part(device.clientMode), part(device.displayName)];
  return key.some((k) => k !== "") ? key.join("\0") : null;
}

/** Superseded silent pairings are kept this long after their approval (PRUNE_RECENT_APPROVAL_GRACE_MS). */
export const silentPruneGraceMs = 60_000;

/**
 * After the silent approval of `anchorId` (switch silentPairingPrune): removes every other device approved silently
 * in the same client cluster, at least silentPruneGraceMs before, that is not connected, with its pending requests
 * (pruneSupersededSilentPairedDevices in the 8.2 and 9.6 dists). Returns the removed devices and their roles.
 */
export function pruneSupersededSilentPairings(store: PairingStore, anchorId: string, nowMs: number, isConnected: (deviceId: string) => boolean): { deviceId: string; roles: string[] }[] {
  const anchor = store.paired[anchorId];
  if (!anchor || anchor.approvedVia !== "silent") return [];
  const key = silentClusterKey(anchor);
  if (key === null) return [];
  const removed: { deviceId: string; roles: string[] }[] = [];
  for (const device of Object.values(store.paired)) {
    if (device.deviceId === anchorId || device.approvedVia !== "silent" || silentClusterKey(device) !== key) continue;
    if (nowMs - device.approvedAtMs < silentPruneGraceMs || isConnected(device.deviceId)) continue;
    removed.push({ deviceId: device.deviceId, roles: union(device.roles, device.role ? [device.role] : []) });
    removePairedDevice(store, device.deviceId, { dropPending: true });
  }
  return removed;
}

/**
 * Why the approval store refuses to approve a pending request (2026.4.14 and 2026.9.6, approveDevicePairing;
 * switch approvalScopeChecks), or null: a requested scope no requested role prefixes (`<role>.`; an empty one is
 * allowed), else operator token scopes (the request's, plus the existing operator token's unless heldTokenScopes is
 * off: switch approvalChecksHeldTokenScopes) beyond the caller's.
 * A silent pairing refused this way stays pending, so the connect is answered NOT_PAIRED.
 */
export function pairingApprovalRefusal(
  pending: PendingRequest,
  existing: PairedDevice | undefined,
  callerScopes: readonly string[],
  heldTokenScopes = true,
): { reason: "scope-outside-requested-roles" | "caller-missing-scope"; scope: string } | null {
  const roles = pending.roles ?? (pending.role ? [pending.role] : []);
  const prefixes = roles.map((role) => `${role.trim()}.`);
  for (const scope of pending.scopes ?? []) {
    const trimmed = scope.trim();
    if (!prefixes.some((prefix) => !trimmed || trimmed.startsWith(prefix))) return { reason: "scope-outside-requested-roles", scope };
  }
  if (!roles.includes("operator")) return null;
  const operatorScopes = (scopes: readonly string[] | undefined) => (scopes ?? []).filter((s) => s.trim().startsWith("operator."));
  const held = heldTokenScopes ? operatorScopes(existing?.tokens["operator"]?.scopes) : [];
  const tokenScopes = [...new Set([...operatorScopes(pending.scopes), ...held])];
  if (tokenScopes.length === 0) return null;
  const missing = resolveMissingRequestedScope("operator", tokenScopes, callerScopes);
  return missing === null ? null : { reason: "caller-missing-scope", scope: missing };
}

/**
 * The 2026.3.31 approval check (switch approvalCallerScopesUnderPendingRole; approveDevicePairing in its dist): the
 * request's operator scopes, implied read/write added, must be allowed to the caller under the request's role (its
 * role, else its first role): operator compares with the operator implications, any other role by set membership.
 */
export function pendingRoleApprovalRefusal(pending: PendingRequest, callerScopes: readonly string[]): { reason: "caller-missing-scope"; scope: string } | null {
  const role = pending.role?.trim() || (pending.roles ?? []).map((r) => r.trim()).find((r) => r.length > 0);
  if (!role) return null;
  const requested = normalizeDeviceAuthScopes(pending.scopes ?? [], { impliedScopes: true }).filter((s) => s.startsWith("operator."));
  const missing = resolveMissingRequestedScope(role, requested, callerScopes, false);
  return missing === null ? null : { reason: "caller-missing-scope", scope: missing };
}

/** The answer device.pair.approve gives for a refused approval. */
export function pairingApprovalRefusalMessage(refusal: { reason: "scope-outside-requested-roles" | "caller-missing-scope"; scope: string }): string {
  return refusal.reason === "caller-missing-scope" ? `missing scope: ${refusal.scope}` : `invalid scope for requested roles: ${refusal.scope}`;
}

export function approveDevicePairing(store: PairingStore, requestId: string, nowMs: number, prng: Prng, scopeOptions: TokenScopeOptions = {}): PairedDevice | null {
  prunePending(store, nowMs);
  const pending = store.pending[requestId];
  if (!pending) return null;
  const existing = store.paired[pending.deviceId];
  const roles = union(existing?.roles ?? (existing?.role ? [existing.role] : []), pending.roles ?? (pending.role ? [pending.role] : []));
  const scopes = union(existing?.approvedScopes ?? existing?.scopes, pending.scopes);
  const role = pending.role ?? existing?.role ?? "operator";
  const keepEmpty = scopeOptions.approvalTokenScopes === "requested";
  const asked = pending.scopes && pending.scopes.length > 0;
  const held = existing?.tokens[role];
  const tokenScopes = scopeOptions.approvalTokenKeepsHeldScopes && asked ? heldPlusAskedScopes(role, pending.scopes ?? [], existing, held, scopes) : keepEmpty || asked ? (pending.scopes ?? []) : scopes;
  const device = pairedRecord(pending, existing, { role, roles, scopes, ...(scopeOptions.approvedVia ? { approvedVia: scopeOptions.approvedVia } : {}) }, nowMs);
  if (scopeOptions.tokenPerRequestedRole) {
    // Every requested role (the request's roles, then its role), in that order: each mint draws a token.
    for (const tokenRole of union(pending.roles ?? [], pending.role ? [pending.role] : [])) {
      const heldOfRole = existing?.tokens[tokenRole];
      device.tokens[tokenRole] = mintToken({ role: tokenRole, scopes: roleTokenScopes(tokenRole, pending.scopes ?? [], existing, heldOfRole, scopes, scopeOptions), nowMs, prng, previous: heldOfRole, keepIssuer: scopeOptions.approvalKeepsIssuer ?? true, ...scopeOptions });
    }
  } else device.tokens[role] = mintToken({ role, scopes: tokenScopes, nowMs, prng, previous: existing?.tokens[role], keepIssuer: scopeOptions.approvalKeepsIssuer ?? true, ...scopeOptions });
  noteWrite(store, "paired", device.deviceId);
  store.paired[device.deviceId] = device;
  deletePending(store, requestId);
  return device;
}

/** A role's share of scopes: the operator.* ones for operator, the others for any other role (trimmed, no blanks). */
function roleShare(role: string, scopes: readonly string[] | undefined): string[] {
  return (scopes ?? []).map((s) => s.trim()).filter((s) => s !== "" && (role === "operator") === s.startsWith("operator."));
}

/**
 * One role's token scopes when an approval mints a token per requested role: with approvalTokenKeepsHeldScopes as
 * `heldPlusAskedScopes`; without, the role's share of the asked scopes, or when it asked none of its own, the
 * role's share of its held token's scopes, else of the approved ones (the 2026.4.14 dist's resolveApprovedTokenScopes).
 */
function roleTokenScopes(role: string, asked: readonly string[], existing: PairedDevice | undefined, held: DeviceAuthToken | undefined, approved: readonly string[], options: TokenScopeOptions): string[] {
  if (options.approvalTokenKeepsHeldScopes) return heldPlusAskedScopes(role, asked, existing, held, approved);
  const askedOfRole = roleShare(role, asked);
  return askedOfRole.length > 0 ? askedOfRole : roleShare(role, held?.scopes ?? approved);
}

/**
 * The token scopes of an approval under approvalTokenKeepsHeldScopes: the role's share of the asked scopes (none: the
 * held token's, else the approved ones); when the
 * role already holds a token and the device an approved baseline, only the asked scopes outside that baseline are
 * added to the held token's (none outside: the held token's scopes stay as they are).
 */
function heldPlusAskedScopes(role: string, asked: readonly string[], existing: PairedDevice | undefined, held: DeviceAuthToken | undefined, approved: readonly string[]): string[] {
  const askedOfRole = roleShare(role, asked);
  if (askedOfRole.length === 0) return roleShare(role, held?.scopes ?? approved);
  const baseline = roleShare(role, existing?.approvedScopes ?? existing?.scopes);
  const delta = held && baseline.length > 0 ? askedOfRole.filter((s) => !baseline.includes(s)) : askedOfRole;
  if (delta.length === 0 && held) return roleShare(role, held.scopes);
  return union(roleShare(role, held?.scopes), delta);
}

/**
 * approveBootstrapDevicePairing (silent setup-code pairing): the device gets the profile's roles and scopes as its
 * approved baseline and a token for every profile role (operator with the profile's operator scopes, others none).
 */
export function approveBootstrapDevicePairing(
  store: PairingStore,
  requestId: string,
  profile: { readonly roles: readonly string[]; readonly scopes: readonly string[] },
  nowMs: number,
  prng: Prng,
  approvedVia?: ApprovalKind,
): PairedDevice | null {
  prunePending(store, nowMs);
  const pending = store.pending[requestId];
  if (!pending) return null;
  const requested = pending.roles ?? (pending.role ? [pending.role] : []);
  if (requested.some((role) => !profile.roles.includes(role))) return null;
  const existing = store.paired[pending.deviceId];
  const approvedScopes = normalizeDeviceAuthScopes(profile.scopes);
  const roles = union(union(existing?.roles ?? (existing?.role ? [existing.role] : []), requested), profile.roles);
  const scopes = union(union(existing?.approvedScopes ?? existing?.scopes, pending.scopes), approvedScopes);
  const device = pairedRecord(pending, existing, { role: pending.role ?? profile.roles[0] ?? "node", roles, scopes, ...(approvedVia ? { approvedVia } : {}) }, nowMs);
  for (const role of profile.roles) {
    const tokenScopes = role === "operator" ? approvedScopes.filter((s) => s.startsWith("operator.")) : [];
    device.tokens[role] = mintToken({ role, scopes: tokenScopes, nowMs, prng, previous: existing?.tokens[role] });
  }
  noteWrite(store, "paired", device.deviceId);
  store.paired[device.deviceId] = device;
  deletePending(store, requestId);
  return device;
}

/** The defined metadata fields, in this order (the order new keys land in a paired record). */
function metadataOf(p: Partial<PendingRequest>, options: { keepPlatform?: boolean } = {}): Partial<PairedDevice> {
  const meta: Partial<PairedDevice> = {};
  if (p.displayName !== undefined) meta.displayName = p.displayName;
  if (p.platform !== undefined && !options.keepPlatform) meta.platform = p.platform;
  if (p.deviceFamily !== undefined && !options.keepPlatform) meta.deviceFamily = p.deviceFamily;
  if (p.clientId !== undefined) meta.clientId = p.clientId;
  if (p.clientMode !== undefined) meta.clientMode = p.clientMode;
  if (p.remoteIp !== undefined) meta.remoteIp = p.remoteIp;
  return meta;
}

export function rejectDevicePairing(store: PairingStore, requestId: string): PendingRequest | null {
  const pending = store.pending[requestId];
  if (!pending) return null;
  deletePending(store, requestId);
  return pending;
}

/** dropPending (switch removeDropsPending, 2026.9): the device's pending requests go with it. */
export function removePairedDevice(store: PairingStore, deviceId: string, options: { dropPending?: boolean } = {}): boolean {
  if (!store.paired[deviceId]) return false;
  noteDelete(store, "paired", deviceId);
  delete store.paired[deviceId];
  if (options.dropPending) for (const [id, request] of Object.entries(store.pending)) if (request.deviceId === deviceId) deletePending(store, id);
  return true;
}

/** Merges metadata, roles and scopes after an allowed connect; approvedScopes are kept. */
export function updatePairedDeviceMetadata(store: PairingStore, deviceId: string, update: { role: string; scopes: readonly string[]; keepPlatform: boolean } & Partial<PendingRequest>): void {
  const device = store.paired[deviceId];
  assert(device !== undefined, "updating metadata of an unpaired device");
  // keepPlatform: the pinned platform and family are not taken from the connect (left out, as deleting them did)
  const meta = metadataOf(update, { keepPlatform: update.keepPlatform });
  const roles = unionOrSame(device.roles ?? (device.role ? [device.role] : []), [update.role]);
  const scopes = unionOrSame(device.scopes, update.scopes);
  // A reconnect that changes nothing leaves the record as persisted: nothing for the next persist to copy.
  const record = device as unknown as Record<string, unknown>;
  let metaChanges = false;
  for (const key in meta) if (!Object.hasOwn(record, key) || record[key] !== meta[key as keyof typeof meta]) metaChanges = true;
  if (metaChanges || roles !== device.roles || scopes !== device.scopes) noteMutation(store, "paired", deviceId);
  if (metaChanges) Object.assign(device, meta);
  device.roles = roles;
  device.scopes = scopes;
}

/** `union(current, more)`, or `current` itself when that union would hold exactly its items in its order. */
function unionOrSame(current: string[] | undefined, more: readonly string[]): string[] {
  if (current === undefined) return union(current, more);
  for (let i = 0; i < current.length; i++) if (current.indexOf(current[i]!) !== i) return union(current, more);
  for (const item of more) if (!current.includes(item)) return union(current, more);
  return current;
}

/**
 * Reuses a live token that covers the scopes, else mints one with exactly the requested scopes. With an issuer
 * (2026.9, switch deviceTokenIssuer) a token is reused only when issued under the same one (or both under none);
 * otherwise a new token replaces it, with the new issuer.
 */
export function ensureDeviceToken(
  store: PairingStore,
  options: { deviceId: string; role: string; scopes: readonly string[]; nowMs: number; prng: Prng; withinApproval?: boolean; issuer?: DeviceTokenIssuer } & TokenScopeOptions & BaselineOptions,
): DeviceAuthToken | null {
  const device = store.paired[options.deviceId];
  if (!device) return null;
  // From 2026.3.13 (read in its dist): no token for scopes beyond the approved baseline (none at all without one)
  // nor, from 2026.4.14, for a role the device is not approved for; an existing token is reused only while it
  // stays within that baseline.
  const baseline = options.withinApproval ? approvedBaseline(device, options) : undefined;
  if (baseline === null) return null;
  if (baseline) {
    const roleOk = options.needsApprovedRole === false || approvedRolesOf(device, options).includes(options.role);
    if (!roleOk || !roleScopesAllow(options.role, options.scopes, baseline, options.rolePrefix)) return null;
  }
  const existing = device.tokens[options.role];
  const existingWithin = !baseline || (existing !== undefined && roleScopesAllow(options.role, existing.scopes, baseline, options.rolePrefix));
  if (existing && existing.revokedAtMs === undefined && existingWithin && issuerMatches(existing, options.issuer) && scopesAllowUnder(options.scopeImplications ?? true, options.role, options.scopes, existing.scopes, options.rolePrefix)) return existing;
  const minted = mintToken({ role: options.role, scopes: options.scopes, nowMs: options.nowMs, prng: options.prng, previous: existing, issuer: options.issuer, impliedScopes: options.impliedScopes });
  noteMutation(store, "paired", options.deviceId);
  device.tokens[options.role] = minted;
  restoreRevokedRole(device, options.role, existing, options);
  return minted;
}

/** The roles the device is approved for: with revokedRoleStaysApproved also a role whose token was revoked (the
 *  model drops it from `roles`, switch revokeRemovesRole, as it is no longer effective at connect). */
function approvedRolesOf(device: PairedDevice, options: BaselineOptions): string[] {
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (options.revokedRoleStaysApproved !== true) return roles;
  const revoked = Object.values(device.tokens).filter((t) => t.revokedAtMs !== undefined && !roles.includes(t.role)).map((t) => t.role);
  return revoked.length > 0 ? [...roles, ...revoked] : roles;
}

/** A new live token for a revoked but still approved role makes that role effective again. */
function restoreRevokedRole(device: PairedDevice, role: string, previous: DeviceAuthToken | undefined, options: BaselineOptions): void {
  if (options.revokedRoleStaysApproved !== true || previous?.revokedAtMs === undefined) return;
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (!roles.includes(role)) device.roles = [...roles, role];
}

/** emptyApprovalNoBaseline (2026.3.13): an empty approved scope list counts as none; needsApprovedRole: see
 *  switch deviceTokenNeedsApprovedRole (absent = true). */
export interface BaselineOptions {
  readonly emptyApprovalNoBaseline?: boolean;
  readonly needsApprovedRole?: boolean;
  /** Switch revokedRoleStaysApproved (absent = false). */
  readonly revokedRoleStaysApproved?: boolean;
}

/** resolveApprovedDeviceScopeBaseline: the device's approved scopes, or null when it has none (see BaselineOptions). */
function approvedBaseline(device: PairedDevice, options: BaselineOptions): string[] | null {
  const scopes = normalizeDeviceAuthScopes(device.approvedScopes ?? device.scopes ?? []);
  return options.emptyApprovalNoBaseline === true && scopes.length === 0 ? null : scopes;
}

export type VerifyTokenResult =
  | { readonly ok: true; readonly issuer?: DeviceTokenIssuer }
  | {
      readonly ok: false;
      readonly reason: "device-not-paired" | "role-missing" | "token-missing" | "token-revoked" | "token-mismatch" | "issuer-generation-stale" | "legacy-browser-token" | "scope-mismatch";
    };

/**
 * requiredGeneration (2026.9, switch deviceTokenIssuer): the generation of the gateway's current shared auth, when
 * it has one. A token issued under shared auth is refused once that generation has changed, and a token issued
 * under none is refused for a device paired as a browser client.
 */
export function verifyDeviceToken(store: PairingStore, options: { deviceId: string; token: string; role: string; scopes: readonly string[]; nowMs: number; scopeImplications?: boolean; requiredGeneration?: string; rolePrefix?: boolean } & BaselineOptions): VerifyTokenResult {
  const device = store.paired[options.deviceId];
  if (!device) return { ok: false, reason: "device-not-paired" };
  const entry = device.tokens[options.role];
  if (!entry) return { ok: false, reason: "role-missing" };
  if (!options.token.trim()) return { ok: false, reason: "token-missing" };
  if (entry.revokedAtMs !== undefined) return { ok: false, reason: "token-revoked" };
  if (entry.token !== options.token) return { ok: false, reason: "token-mismatch" };
  if (entry.issuer?.kind === "shared-gateway-auth" && entry.issuer.generation !== options.requiredGeneration) return { ok: false, reason: "issuer-generation-stale" };
  if (!entry.issuer && options.requiredGeneration !== undefined && browserRelatedDevice(device)) return { ok: false, reason: "legacy-browser-token" };
  // 2026.3.13 (verifyDeviceToken, scopesWithinApprovedDeviceBaseline): a device with no approved scope list fails.
  if (options.emptyApprovalNoBaseline === true && approvedBaseline(device, options) === null) return { ok: false, reason: "scope-mismatch" };
  if (!scopesAllowUnder(options.scopeImplications ?? true, options.role, options.scopes, entry.scopes, options.rolePrefix)) return { ok: false, reason: "scope-mismatch" };
  noteMutation(store, "paired", options.deviceId);
  entry.lastUsedAtMs = options.nowMs;
  return entry.issuer ? { ok: true, issuer: entry.issuer } : { ok: true };
}

/** Mints a new token for the role; null when the device or role is unknown or scopes exceed the approved baseline. */
export function rotateDeviceToken(
  store: PairingStore,
  options: { deviceId: string; role: string; scopes?: readonly string[]; nowMs: number; prng: Prng; scopeBaseline?: GatewaySwitches["rotateScopeBaseline"] } & TokenScopeOptions & BaselineOptions,
): DeviceAuthToken | null {
  const device = store.paired[options.deviceId];
  if (!device) return null;
  const existing = device.tokens[options.role];
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (!existing && !roles.includes(options.role) && options.needsApprovedRole !== false) return null;
  const scopes = options.scopes ?? existing?.scopes ?? device.scopes ?? [];
  if (options.scopeBaseline !== "none") {
    const baseline = rotationBaseline(device, existing, options);
    if (baseline === null || !roleScopesAllow(options.role, scopes, baseline, options.rolePrefix)) return null;
  }
  const minted = mintToken({ role: options.role, scopes, nowMs: options.nowMs, prng: options.prng, previous: existing, keepIssuer: true, impliedScopes: options.impliedScopes });
  minted.rotatedAtMs = options.nowMs;
  noteMutation(store, "paired", options.deviceId);
  device.tokens[options.role] = minted;
  // 2.12 and 2.17: the scopes a rotation asks become the record's, which is its approval baseline.
  if (options.scopeBaseline === "none" && options.scopes !== undefined) device.scopes = device.approvedScopes = [...minted.scopes];
  restoreRevokedRole(device, options.role, existing, options);
  return minted;
}

/** The scopes a rotation must stay within (switch rotateScopeBaseline, absent = "approved"), or null for none. */
function rotationBaseline(device: PairedDevice, existing: DeviceAuthToken | undefined, options: BaselineOptions & { scopeBaseline?: GatewaySwitches["rotateScopeBaseline"] }): string[] | null {
  if (options.scopeBaseline === "approved-else-token") {
    // An empty merged list is stored as none in 2.22 and 3.2, so the next candidate is taken.
    const listed = (l: string[] | undefined) => (l !== undefined && l.length > 0 ? l : undefined);
    return listed(device.approvedScopes) ?? listed(device.scopes) ?? existing?.scopes ?? [];
  }
  return options.emptyApprovalNoBaseline === true ? approvedBaseline(device, options) : device.approvedScopes ?? device.scopes ?? [];
}

/** Marks the role's token revoked; with `removeRole` the role also leaves the paired device (2026.9). */
export function revokeDeviceToken(store: PairingStore, options: { deviceId: string; role: string; nowMs: number; removeRole?: boolean }): DeviceAuthToken | null {
  const device = store.paired[options.deviceId];
  const entry = device?.tokens[options.role];
  if (!device || !entry) return null;
  noteMutation(store, "paired", options.deviceId);
  entry.revokedAtMs = options.nowMs;
  if (options.removeRole) {
    device.roles = (device.roles ?? (device.role ? [device.role] : [])).filter((r) => r !== options.role);
    if (device.role === options.role) device.role = device.roles[0];
  }
  return entry;
}
