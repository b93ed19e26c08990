// Output builders the client's handlers share: observer events, timers tracked in the state (so a stale
// timer firing is recognised and ignored), and the device-auth file writes mirrored into the client's view.
import type { ClientEvent, ClientOutput, ClientState } from "./types.ts";

export const TimerKeys = {
  challenge: "challenge",
  reconnect: "reconnect",
  tickWatch: "tick-watch",
  terminate: "terminate",
  oneShot: "one-shot-timeout",
  request: (id: string) => `request:${id}`,
} as const;

export const REQUEST_TIMER_PREFIX = "request:";

export function event(e: ClientEvent): ClientOutput {
  return { kind: "event", ...e } as ClientOutput;
}

export function setTimer(state: ClientState, key: string, delayMs: number): ClientOutput {
  state.timers.add(key);
  return { kind: "timer-set", key, delayMs };
}

export function cancelTimer(state: ClientState, key: string): ClientOutput[] {
  return state.timers.delete(key) ? [{ kind: "timer-cancel", key }] : [];
}

/** Consumes a firing timer; false when the key was never set or already cancelled (stale). */
export function takeTimer(state: ClientState, key: string): boolean {
  return state.timers.delete(key);
}

/** `storeDeviceAuthToken`: replaces the role's entry. */
export function storeDeviceToken(state: ClientState, role: string, token: string, scopes: readonly string[]): ClientOutput[] {
  const identity = state.config.identity;
  if (!identity) return [];
  state.storedTokens[role] = { token, scopes: [...scopes] };
  return [{ kind: "store-device-token", deviceId: identity.deviceId, role, token, scopes: [...scopes] }];
}

/** `clearDeviceAuthToken`: removes the role's entry (nothing to write when there is none). */
export function clearDeviceToken(state: ClientState, role: string): ClientOutput[] {
  const identity = state.config.identity;
  if (!identity || state.storedTokens[role] === undefined) return [];
  delete state.storedTokens[role];
  return [{ kind: "clear-device-token", deviceId: identity.deviceId, role }];
}
