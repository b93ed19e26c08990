// Setup-code bootstrap tokens (`auth.bootstrapToken`, releases whose setup codes carry one): `openclaw qr` on the
// gateway host writes a record into `devices/bootstrap.json` and the gateway re-reads that file for every check,
// so one store object stands for the file: the host issues into it, every gateway process on the host verifies,
// redeems and revokes in it. Facts (openclaw@2026.4.14 and 2026.9.6 dist, src/infra/device-bootstrap.ts): a token
// expires 10 min after issue; the first device that verifies binds it (deviceId + public key) and any other device
// is refused; a request outside the profile's roles and scopes is refused; every refusal is one reason,
// `bootstrap_token_invalid`. It is consumed after a silent-pairing hand-off, or once every role of its profile has
// connected with it. Data and pure functions only; the connect handler decides when to call them.
import { randomToken, type Prng } from "../kernel/index.ts";
import { normalizeDeviceAuthScopes, roleScopesAllow } from "../protocol/index.ts";

/** DEVICE_BOOTSTRAP_TOKEN_TTL_MS (10 min) in both releases read. */
export const bootstrapTokenTtlMs = 10 * 60_000;

/** The roles a token may be used for and the operator scopes it carries. */
export interface BootstrapProfile {
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}

export interface BootstrapRecord {
  readonly token: string;
  readonly issuedAtMs: number;
  readonly profile: BootstrapProfile;
  /** Roles and scopes that have connected with it so far. */
  redeemed: BootstrapProfile;
  deviceId?: string;
  publicKey?: string;
  lastUsedAtMs?: number;
}

/** `devices/bootstrap.json`: token → record. */
export interface BootstrapStore {
  readonly tokens: Record<string, BootstrapRecord>;
}

export type BootstrapVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: "bootstrap_token_invalid" };

export function emptyBootstrapStore(): BootstrapStore {
  return { tokens: {} };
}

/** The setup profile `openclaw qr` issues: roles node + operator with the release's hand-off scopes. */
export function setupBootstrapProfile(handoffScopes: readonly string[]): BootstrapProfile {
  return { roles: ["node", "operator"], scopes: normalizeDeviceAuthScopes(handoffScopes) };
}

/** Loading the file drops expired records (pruneExpiredPending with the token TTL). */
function prune(store: BootstrapStore, nowMs: number): void {
  for (const [key, record] of Object.entries(store.tokens)) {
    if (nowMs - record.issuedAtMs > bootstrapTokenTtlMs) delete store.tokens[key];
  }
}

function find(store: BootstrapStore, token: string, nowMs: number): BootstrapRecord | undefined {
  prune(store, nowMs);
  const wanted = token.trim();
  return wanted ? store.tokens[wanted] : undefined;
}

export function issueBootstrapToken(store: BootstrapStore, options: { profile: BootstrapProfile; nowMs: number; prng: Prng }): { token: string; expiresAtMs: number } {
  prune(store, options.nowMs);
  const token = randomToken(options.prng);
  store.tokens[token] = { token, issuedAtMs: options.nowMs, profile: options.profile, redeemed: { roles: [], scopes: [] } };
  return { token, expiresAtMs: options.nowMs + bootstrapTokenTtlMs };
}

/** The operator scopes a role may carry through a bootstrap profile (other roles carry none). */
export function bootstrapScopesForRole(role: string, scopes: readonly string[]): string[] {
  return role === "operator" ? normalizeDeviceAuthScopes(scopes.filter((s) => s.startsWith("operator."))) : [];
}

function allows(profile: BootstrapProfile, role: string, scopes: readonly string[]): boolean {
  return profile.roles.includes(role) && roleScopesAllow(role, scopes, profile.scopes);
}

/** verifyDeviceBootstrapToken: known, unexpired, inside the profile, and bound to this device (first use binds). */
export function verifyBootstrapToken(
  store: BootstrapStore,
  request: { token: string; deviceId: string; publicKey: string; role: string; scopes: readonly string[]; nowMs: number },
): BootstrapVerdict {
  const refused: BootstrapVerdict = { ok: false, reason: "bootstrap_token_invalid" };
  const record = find(store, request.token, request.nowMs);
  if (!record || !request.deviceId.trim() || !request.publicKey.trim() || !request.role.trim()) return refused;
  if (record.profile.roles.length === 0 || !allows(record.profile, request.role, request.scopes)) return refused;
  const bound = record.deviceId !== undefined || record.publicKey !== undefined;
  if (bound && (record.deviceId !== request.deviceId || record.publicKey !== request.publicKey)) return refused;
  record.deviceId = request.deviceId;
  record.publicKey = request.publicKey;
  record.lastUsedAtMs = request.nowMs;
  return { ok: true };
}

/** The profile of a token bound to this device (getBoundDeviceBootstrapProfile), else null. */
export function boundBootstrapProfile(store: BootstrapStore, request: { token: string; deviceId: string; publicKey: string; nowMs: number }): BootstrapProfile | null {
  const record = find(store, request.token, request.nowMs);
  if (!record || record.deviceId !== request.deviceId || record.publicKey !== request.publicKey) return null;
  return record.profile;
}

/** Records that `role` connected with the token; true when every role of the profile now has (fully redeemed). */
export function redeemBootstrapToken(store: BootstrapStore, request: { token: string; role: string; scopes: readonly string[]; nowMs: number }): boolean {
  const record = find(store, request.token, request.nowMs);
  if (!record) return false;
  record.redeemed = {
    roles: [...new Set([...record.redeemed.roles, request.role])].sort(),
    scopes: normalizeDeviceAuthScopes([...record.redeemed.scopes, ...bootstrapScopesForRole(request.role, request.scopes)]),
  };
  return record.profile.roles.every((role) => {
    if (!record.redeemed.roles.includes(role)) return false;
    const required = bootstrapScopesForRole(role, record.profile.scopes);
    return required.length === 0 || allows(record.redeemed, role, required);
  });
}

export function revokeBootstrapToken(store: BootstrapStore, token: string): boolean {
  const key = token.trim();
  if (!store.tokens[key]) return false;
  delete store.tokens[key];
  return true;
}
