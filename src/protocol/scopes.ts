// Operator scopes and their rules (spec §6.1, §8, §4.6): device-token scope normalisation, the
// role/scope satisfaction rule used by pairing, and the method → required scope table for the methods the
// model serves, with the per-request authorisation decision (`authorizeGatewayMethod`).
// Only the rules; who holds which scopes is the gateway's state.
import { ErrorCodes, GatewayErrorDetailCodes } from "./codes.ts";
import { errorShape, type ErrorShape } from "./frames.ts";

export const OperatorScopes = {
  ADMIN: "operator.admin",
  READ: "operator.read",
  WRITE: "operator.write",
  APPROVALS: "operator.approvals",
  PAIRING: "operator.pairing",
  /** Later versions (known to the gateway's KNOWN_OPERATOR_SCOPES in the 2026.8.2 and 2026.9.6 dists; the 2026.8.2
   *  and 2026.9.6 Control UIs ask for it). */
  QUESTIONS: "operator.questions",
  /** Later versions. */
  TALK_SECRETS: "operator.talk.secrets",
} as const;
export type OperatorScope = (typeof OperatorScopes)[keyof typeof OperatorScopes];

const { ADMIN, READ, WRITE, APPROVALS, PAIRING } = OperatorScopes;
const OPERATOR_PREFIX = "operator.";

/** What `openclaw` CLI commands request. */
export const CLI_DEFAULT_OPERATOR_SCOPES: readonly OperatorScope[] = [ADMIN, READ, WRITE, APPROVALS, PAIRING];
/** Later CLI default, with `operator.talk.secrets`. */
export const CLI_DEFAULT_OPERATOR_SCOPES_LATE: readonly OperatorScope[] = [
  ...CLI_DEFAULT_OPERATOR_SCOPES,
  OperatorScopes.TALK_SECRETS,
];
/** `GatewayClient`'s default request when no scopes are configured. */
export const GATEWAY_CLIENT_DEFAULT_SCOPES: readonly OperatorScope[] = [ADMIN];

/** Connection roles the handshake accepts. */
export type GatewayRole = "operator" | "node";

export function parseGatewayRole(role: unknown): GatewayRole | null {
  return role === "operator" || role === "node" ? role : null;
}

/**
 * `normalizeDeviceAuthScopes`: keep strings, trim, drop blanks, dedupe, add read+write for admin and read
 * for write (turn off with `impliedScopes: false` for the earlier form), sort by UTF-16 code units.
 */
export function normalizeDeviceAuthScopes(
  scopes: readonly unknown[] | null | undefined,
  options: { impliedScopes?: boolean } = {},
): string[] {
  if (!Array.isArray(scopes)) return [];
  const out = new Set<string>();
  for (const scope of scopes) {
    if (typeof scope !== "string") continue;
    const trimmed = scope.trim();
    if (trimmed) out.add(trimmed);
  }
  if (options.impliedScopes ?? true) {
    if (out.has(ADMIN)) {
      out.add(READ);
      out.add(WRITE);
    } else if (out.has(WRITE)) {
      out.add(READ);
    }
  }
  return [...out].sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function trimmedSet(scopes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const scope of scopes) {
    const trimmed = scope.trim();
    if (trimmed) out.add(trimmed);
  }
  return out;
}

/** `trimmedSet(scopes).has(scope)` for a trimmed, non-blank `scope`, without building the set (called per connect). */
function trimmedHas(scopes: readonly string[], scope: string): boolean {
  for (const candidate of scopes) if (candidate === scope || candidate.trim() === scope) return true;
  return false;
}

function operatorScopeSatisfied(requested: string, granted: readonly string[]): boolean {
  if (!requested.startsWith(OPERATOR_PREFIX)) return false;
  if (trimmedHas(granted, ADMIN)) return true;
  if (requested === READ) return trimmedHas(granted, READ) || trimmedHas(granted, WRITE);
  return trimmedHas(granted, requested);
}

/**
 * The first requested scope (trimmed) the approved set does not cover, or null when all are covered. rolePrefix
 * (switch roleScopePrefix): a non-operator role's scope counts only under its own `<role>.` prefix; off, any scope
 * in the set counts (2026.2.22 … 2026.3.31).
 */
export function resolveMissingRequestedScope(
  role: string,
  requested: readonly string[],
  approved: readonly string[],
  rolePrefix = true,
): string | null {
  const granted = approved;
  const roleName = role.trim();
  // Each requested scope trimmed, blanks skipped: the first one not covered is the first of the de-duplicated set.
  for (const raw of requested) {
    const scope = raw.trim();
    if (!scope) continue;
    const satisfied =
      roleName === "operator"
        ? operatorScopeSatisfied(scope, granted)
        : (!rolePrefix || scope.startsWith(`${roleName}.`)) && trimmedHas(granted, scope);
    if (!satisfied) return scope;
  }
  return null;
}

/**
 * `roleScopesAllow` (mid-era form): an empty request is always allowed; otherwise an empty grant allows
 * nothing; operator scopes are covered by themselves, by `operator.admin`, and `operator.read` also by
 * `operator.write`; other roles need the exact scope under their own `<role>.` prefix (2026.4.14 on), or, with
 * rolePrefix off, the exact scope whatever its prefix (2026.2.22, 2026.3.13, 2026.3.31 dists).
 */
/** True when some scope is not blank once trimmed (`trimmedSet(scopes).size > 0` without building the set). */
function hasNonBlank(scopes: readonly string[]): boolean {
  for (const scope of scopes) if (scope.trim()) return true;
  return false;
}

export function roleScopesAllow(role: string, requested: readonly string[], approved: readonly string[], rolePrefix = true): boolean {
  if (!hasNonBlank(requested)) return true;
  if (!hasNonBlank(approved)) return false;
  return resolveMissingRequestedScope(role, requested, approved, rolePrefix) === null;
}

/**
 * The same comparison with or without the operator implications. Without them (`scopesAllow` of 2026.2.12 and
 * 2026.2.17, read in their dists) every requested scope must be in the approved set itself, whatever the role.
 */
export function scopesAllowUnder(implications: boolean, role: string, requested: readonly string[], approved: readonly string[], rolePrefix = true): boolean {
  if (implications) return roleScopesAllow(role, requested, approved, rolePrefix);
  const wanted = trimmedSet(requested);
  if (wanted.size === 0) return true;
  const granted = trimmedSet(approved);
  if (granted.size === 0) return false;
  for (const scope of wanted) if (!granted.has(scope)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Method authorisation after hello.

/** Methods only a `node` connection may call (operators get "unauthorized role"). */
export const NODE_ROLE_METHODS: ReadonlySet<string> = new Set([
  "node.invoke.result",
  "node.event",
  "node.pending.drain",
  "node.pending.pull",
  "node.pending.ack",
  "node.canvas.capability.refresh",
  "skills.bins",
]);

/** Methods any authenticated connection may call, whatever its role and scopes. */
export const UNGATED_METHODS: ReadonlySet<string> = new Set(["health"]);

/** Required operator scope of the methods the model serves (`METHOD_SCOPE_GROUPS`, trimmed to the model). */
export const METHOD_REQUIRED_SCOPES: Readonly<Record<string, OperatorScope>> = {
  status: READ,
  "logs.tail": READ,
  "channels.status": READ,
  "models.list": READ,
  "sessions.list": READ,
  "chat.history": READ,
  "node.list": READ,
  "node.describe": READ,
  "system-presence": READ,
  "last-heartbeat": READ,
  "cron.list": READ,
  "cron.status": READ,
  "cron.runs": READ,
  send: WRITE,
  agent: WRITE,
  "agent.wait": WRITE,
  wake: WRITE,
  "chat.send": WRITE,
  "chat.abort": WRITE,
  "node.invoke": WRITE,
  "exec.approval.request": APPROVALS,
  "exec.approval.waitDecision": APPROVALS,
  "exec.approval.resolve": APPROVALS,
  "device.pair.list": PAIRING,
  "device.pair.approve": PAIRING,
  "device.pair.reject": PAIRING,
  "device.pair.remove": PAIRING,
  "device.token.rotate": PAIRING,
  "device.token.revoke": PAIRING,
  "node.pair.request": PAIRING,
  "node.pair.list": PAIRING,
  "node.pair.approve": PAIRING,
  "node.pair.reject": PAIRING,
  "node.pair.verify": PAIRING,
  "node.rename": PAIRING,
  "cron.add": ADMIN,
  "cron.update": ADMIN,
  "cron.remove": ADMIN,
  "cron.run": ADMIN,
  "channels.logout": ADMIN,
  "sessions.patch": ADMIN,
  "sessions.reset": ADMIN,
  "sessions.delete": ADMIN,
};

const ADMIN_METHOD_PREFIXES: readonly string[] = ["exec.approvals.", "config.", "wizard.", "update."];

/** The scope a method needs; admin-prefixed and unclassified methods need `operator.admin` (default deny). */
export function requiredScopeForMethod(
  method: string,
  overrides: Readonly<Record<string, OperatorScope>> = {},
): OperatorScope {
  return overrides[method] ?? METHOD_REQUIRED_SCOPES[method] ?? ADMIN;
}

/** Whether the table knows the method (node-only, explicit, or an admin prefix). */
export function isMethodClassified(method: string): boolean {
  return (
    NODE_ROLE_METHODS.has(method) ||
    UNGATED_METHODS.has(method) ||
    METHOD_REQUIRED_SCOPES[method] !== undefined ||
    ADMIN_METHOD_PREFIXES.some((prefix) => method.startsWith(prefix))
  );
}

export type MethodScopeDecision =
  | { ok: true }
  | { ok: false; kind: "role"; message: string }
  | { ok: false; kind: "scope"; missingScope: OperatorScope; requiredScopes: OperatorScope[] };

/**
 * `authorizeGatewayMethod` for an authenticated connection with the given (defaulted) role and scopes.
 * `overrides` carries a release's own classification (e.g. `config.get` is admin-prefixed up to 2026.2.12 and a
 * read method from 2026.2.22 on; `health` is a read method in 2026.2.17 and ungated from 2026.2.22).
 */
export function methodScopeDecision(
  method: string,
  role: string | undefined,
  scopes: readonly string[],
  overrides: Readonly<Record<string, OperatorScope>> = {},
): MethodScopeDecision {
  if (UNGATED_METHODS.has(method) && overrides[method] === undefined) return { ok: true };
  const roleRaw = role ?? "operator";
  const parsed = parseGatewayRole(roleRaw);
  if (parsed === null) return { ok: false, kind: "role", message: `unauthorized role: ${roleRaw}` };
  const roleAllowed = NODE_ROLE_METHODS.has(method) ? parsed === "node" : parsed === "operator";
  if (!roleAllowed) return { ok: false, kind: "role", message: `unauthorized role: ${parsed}` };
  if (parsed === "node") return { ok: true };
  if (scopes.includes(ADMIN)) return { ok: true };
  const required = requiredScopeForMethod(method, overrides);
  const satisfied = required === READ ? scopes.includes(READ) || scopes.includes(WRITE) : scopes.includes(required);
  if (satisfied) return { ok: true };
  return { ok: false, kind: "scope", missingScope: required, requiredScopes: [required] };
}

/**
 * The error answer for a refused method. Scope refusals: mid versions answer
 * `INVALID_REQUEST "missing scope: <scope>"` without details; late versions (2026.9) answer `FORBIDDEN`
 * with `details: { code: "MISSING_SCOPE", missingScope, requiredScopes }`. Role refusals are INVALID_REQUEST.
 */
export function methodDenialError(
  decision: Exclude<MethodScopeDecision, { ok: true }>,
  options: { missingScopeStyle: "invalid-request" | "forbidden" },
): ErrorShape {
  if (decision.kind === "role") return errorShape(ErrorCodes.INVALID_REQUEST, decision.message);
  const message = `missing scope: ${decision.missingScope}`;
  if (options.missingScopeStyle === "invalid-request") return errorShape(ErrorCodes.INVALID_REQUEST, message);
  return errorShape(ErrorCodes.FORBIDDEN, message, {
    details: {
      code: GatewayErrorDetailCodes.MISSING_SCOPE,
      missingScope: decision.missingScope,
      requiredScopes: [...decision.requiredScopes],
    },
  });
}
