// Grouping of divergences by (field, real value, model value) and a greedy shrinker for connect attempts: drop
// one optional part at a time (after-hello calls, headers, the device or one of its options, optional params
// fields, single scopes; first of all a gateway restart) and keep the change while the divergence persists. The check is injected (a live pair
// of oracles in a run, fakes in tests), so this module is pure apart from awaiting it.
import type { Attempt, DeviceSpec } from "../oracle/attempt.ts";
import type { Divergence } from "./compare.ts";

export interface DivergenceGroup {
  readonly key: string;
  readonly field: string;
  readonly real: unknown;
  readonly model: unknown;
  /** Divergent attempts (each counted once per group). */
  readonly count: number;
  /** Their names, in order of first appearance. */
  readonly attempts: readonly string[];
}

export function groupKeyOf(d: Pick<Divergence, "field" | "real" | "model">): string {
  return JSON.stringify([d.field, d.real ?? null, d.model ?? null]);
}

/** Groups by (field, real, model); biggest group first, ties in order of first appearance. */
export function groupDivergences(divergences: readonly Divergence[]): DivergenceGroup[] {
  const groups = new Map<string, { field: string; real: unknown; model: unknown; attempts: string[]; first: number }>();
  divergences.forEach((d, index) => {
    const key = groupKeyOf(d);
    let group = groups.get(key);
    if (group === undefined) {
      group = { field: d.field, real: d.real, model: d.model, attempts: [], first: index };
      groups.set(key, group);
    }
    if (!group.attempts.includes(d.attempt)) group.attempts.push(d.attempt);
  });
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.attempts.length - a.attempts.length || a.first - b.first)
    .map(([key, g]) => ({ key, field: g.field, real: g.real, model: g.model, count: g.attempts.length, attempts: g.attempts }));
}

/** Size used to pick the smallest example and to prove shrinking made progress. */
export function attemptSize(attempt: Attempt): number {
  return JSON.stringify({ ...attempt, name: "" }).length;
}

const droppableDeviceOptions: readonly (keyof DeviceSpec)[] = [
  "otherKeySeed", "idOverride", "publicKeyFormat", "signatureFormat", "nonce", "signNonce", "signToken", "signScopes", "signedAtOffsetMs", "omitFields", "extraFields",
];
/** Params fields the connect schema does not require (minProtocol, maxProtocol and client are required). */
const droppableParams = ["extra", "device", "auth", "scopes", "role", "caps", "commands", "permissions", "pathEnv", "locale", "userAgent"];
const droppableClientFields = ["buildId", "displayName", "deviceFamily", "modelIdentifier", "instanceId"];

function without<T extends object>(value: T, key: string): T {
  const copy = { ...value } as Record<string, unknown>;
  delete copy[key];
  return copy as T;
}

function paramsCandidates(attempt: Attempt): Attempt[] {
  const connect = attempt.connect;
  if (connect === undefined || !("params" in connect)) return [];
  const params = connect.params;
  const withParams = (next: Record<string, unknown>): Attempt => ({ ...attempt, connect: { ...connect, params: next } });
  const out: Attempt[] = [];
  for (const key of droppableParams) if (key in params) out.push(withParams(without(params, key)));
  const auth = params["auth"];
  if (auth !== null && typeof auth === "object" && Object.keys(auth).length > 1) {
    for (const key of Object.keys(auth)) out.push(withParams({ ...params, auth: without(auth, key) }));
  }
  const client = params["client"];
  if (client !== null && typeof client === "object") {
    for (const key of droppableClientFields) if (key in client) out.push(withParams({ ...params, client: without(client, key) }));
  }
  const scopes = params["scopes"];
  if (Array.isArray(scopes) && scopes.length > 1) {
    scopes.forEach((_, i) => out.push(withParams({ ...params, scopes: scopes.filter((__, j) => j !== i) })));
  }
  return out;
}

function deviceCandidates(attempt: Attempt): Attempt[] {
  const device = attempt.device;
  if (device === undefined) return [];
  const out: Attempt[] = [without(attempt, "device")];
  for (const key of droppableDeviceOptions) if (device[key] !== undefined) out.push({ ...attempt, device: without(device, key) });
  if (device.payloadVersion !== "v3") out.push({ ...attempt, device: { ...device, payloadVersion: "v3" } });
  return out;
}

function listCandidates(attempt: Attempt): Attempt[] {
  const out: Attempt[] = [];
  const calls = attempt.afterHello ?? [];
  if (calls.length > 0) out.push(without(attempt, "afterHello"));
  if (calls.length > 1) calls.forEach((_, i) => out.push({ ...attempt, afterHello: calls.filter((__, j) => j !== i) }));
  const headers = attempt.headers ?? {};
  const names = Object.keys(headers);
  if (names.length > 0) out.push(without(attempt, "headers"));
  if (names.length > 1) for (const name of names) out.push({ ...attempt, headers: without(headers, name) });
  return out;
}

/** Every attempt one optional part smaller than `attempt`, biggest removals first. An attempt with a gateway
 *  restart has one candidate, the attempt without it: each check would restart a real gateway (tens of seconds), so
 *  a divergence that needs the restart is kept as it is. */
export function shrinkCandidates(attempt: Attempt): Attempt[] {
  if (attempt.gatewayRestart === true) return [without(attempt, "gatewayRestart")];
  return [...listCandidates(attempt), ...deviceCandidates(attempt), ...paramsCandidates(attempt)];
}

export interface ShrinkResult {
  readonly attempt: Attempt;
  /** Candidates checked. */
  readonly checks: number;
  /** Candidates accepted (each one part smaller). */
  readonly steps: number;
  /** True when the check budget ran out before no candidate was left to try. */
  readonly budgetExhausted: boolean;
}

/**
 * Greedy shrinking: try the candidates of the current attempt in order; the first one that still reproduces
 * becomes current; stop when none does or after `checksMax` checks. `start` must reproduce (not re-checked).
 */
export async function shrinkGreedy(start: Attempt, reproduces: (candidate: Attempt) => Promise<boolean>, checksMax: number): Promise<ShrinkResult> {
  let current = start;
  let checks = 0;
  let steps = 0;
  for (;;) {
    let accepted = false;
    for (const candidate of shrinkCandidates(current)) {
      if (checks >= checksMax) return { attempt: current, checks, steps, budgetExhausted: true };
      checks++;
      if (await reproduces(candidate)) {
        current = candidate;
        steps++;
        accepted = true;
        break;
      }
    }
    if (!accepted) return { attempt: current, checks, steps, budgetExhausted: false };
  }
}
