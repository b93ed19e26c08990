// The auth rate limiter (spec §4.3.4) as data: a sliding window per "<scope>:<ip>" key with a lockout.
// Not a scheduler: time is passed in; nothing here expires on its own.
import { assert } from "../kernel/index.ts";
import { isLoopbackAddress } from "./locality.ts";
import type { RateLimitConfig } from "./types.ts";

export type LimiterScope = "default" | "shared-secret" | "device-token" | "hook-auth" | "bootstrap-token" | "browser-origin" | "node-pairing";

export const rateLimitDefaults: RateLimitConfig = {
  maxAttempts: 10,
  windowMs: 60_000,
  lockoutMs: 300_000,
  exemptLoopback: true,
};
/** Entries kept before the oldest unlocked one is evicted (maxEntries). */
export const limiterEntriesMax = 10_000;

interface LimiterEntry {
  attemptsAtMs: number[];
  lockedUntilMs?: number;
}

export interface LimiterState {
  readonly config: RateLimitConfig;
  readonly entries: Map<string, LimiterEntry>;
  /** No limiter at all (switch limiterNeedsConfig without gateway.auth.rateLimit): every key is let through and
   *  nothing is counted. Absent otherwise. */
  readonly absent?: true;
}

export type LimiterVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export function createLimiter(config: Partial<RateLimitConfig> = {}, options: { absent?: boolean } = {}): LimiterState {
  const merged = { ...rateLimitDefaults, ...config };
  assert(merged.maxAttempts >= 1 && merged.windowMs > 0 && merged.lockoutMs >= 0, "bad rate limit config");
  return { config: merged, entries: new Map(), ...(options.absent ? { absent: true as const } : {}) };
}

function keyOf(scope: LimiterScope, ip: string): string {
  return `${scope}:${ip.trim().toLowerCase()}`;
}

function exempt(l: LimiterState, ip: string): boolean {
  if (l.absent) return true;
  return l.config.exemptLoopback && isLoopbackAddress(ip);
}

/** Whether `key` is never locked out by this limiter (a loopback address while loopback is exempt). */
export function limiterExempts(l: LimiterState, key: string): boolean {
  return exempt(l, key);
}

export function limiterCheck(l: LimiterState, scope: LimiterScope, ip: string, nowMs: number): LimiterVerdict {
  if (exempt(l, ip)) return { allowed: true };
  const entry = l.entries.get(keyOf(scope, ip));
  if (!entry) return { allowed: true };
  if (entry.lockedUntilMs !== undefined) {
    if (nowMs < entry.lockedUntilMs) return { allowed: false, retryAfterMs: entry.lockedUntilMs - nowMs };
    entry.lockedUntilMs = undefined;
    entry.attemptsAtMs = [];
  }
  entry.attemptsAtMs = entry.attemptsAtMs.filter((t) => nowMs - t < l.config.windowMs);
  return entry.attemptsAtMs.length < l.config.maxAttempts ? { allowed: true } : { allowed: false, retryAfterMs: windowRetry(l, entry, nowMs) };
}

function windowRetry(l: LimiterState, entry: LimiterEntry, nowMs: number): number {
  const oldest = entry.attemptsAtMs[0] ?? nowMs;
  return Math.max(0, oldest + l.config.windowMs - nowMs);
}

export function limiterRecordFailure(l: LimiterState, scope: LimiterScope, ip: string, nowMs: number): void {
  if (exempt(l, ip)) return;
  const key = keyOf(scope, ip);
  let entry = l.entries.get(key);
  if (!entry) {
    evictIfFull(l);
    entry = { attemptsAtMs: [] };
    l.entries.set(key, entry);
  }
  if (entry.lockedUntilMs !== undefined && nowMs < entry.lockedUntilMs) return;
  entry.attemptsAtMs = entry.attemptsAtMs.filter((t) => nowMs - t < l.config.windowMs);
  entry.attemptsAtMs.push(nowMs);
  if (entry.attemptsAtMs.length >= l.config.maxAttempts) entry.lockedUntilMs = nowMs + l.config.lockoutMs;
}

export function limiterReset(l: LimiterState, scope: LimiterScope, ip: string): void {
  l.entries.delete(keyOf(scope, ip));
}

function evictIfFull(l: LimiterState): void {
  if (l.entries.size < limiterEntriesMax) return;
  for (const [key, entry] of l.entries) {
    if (entry.lockedUntilMs === undefined) {
      l.entries.delete(key);
      return;
    }
  }
}
