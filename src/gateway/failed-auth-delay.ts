// The released gateway's escalating answer delay for failed auth from one loopback IP that the limiter exempts
// (spec §13, profile 2026.9; the caller decides which failures are held):
// the n-th recent failure waits base·2^(n−1) ms, capped; failures answered together share one deadline;
// one success clears the history. Data only: the reducer turns a delay into a timer.
import type { GatewaySwitches } from "../profiles/index.ts";

export interface FailedAuthDelayState {
  readonly byIp: Map<string, { failuresAtMs: number[]; deadlineMs: number }>;
}

export function createFailedAuthDelay(): FailedAuthDelayState {
  return { byIp: new Map() };
}

/** Records a failure and returns how long to hold its answer (0 when the switch is off). */
export function failureDelayMs(state: FailedAuthDelayState, switches: GatewaySwitches, ip: string, nowMs: number): number {
  const rule = switches.failedAuthDelay;
  if (!rule) return 0;
  const entry = state.byIp.get(ip) ?? { failuresAtMs: [], deadlineMs: 0 };
  entry.failuresAtMs = entry.failuresAtMs.filter((t) => nowMs - t < rule.windowMs);
  entry.failuresAtMs.push(nowMs);
  if (entry.failuresAtMs.length > rule.historyMax) entry.failuresAtMs.splice(0, entry.failuresAtMs.length - rule.historyMax);
  state.byIp.set(ip, entry);
  if (entry.deadlineMs > nowMs) return entry.deadlineMs - nowMs;
  const n = entry.failuresAtMs.length;
  const delay = Math.min(rule.capMs, rule.baseMs * 2 ** (n - 1));
  entry.deadlineMs = nowMs + delay;
  return delay;
}

export function clearFailures(state: FailedAuthDelayState, ip: string): void {
  state.byIp.delete(ip);
}
