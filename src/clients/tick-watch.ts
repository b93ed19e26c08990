// The heartbeat watchdog (spec §7.6): after hello-ok the client expects a `tick` event every tickIntervalMs;
// a silence longer than two intervals closes the socket 4000 "tick timeout" (the close then reconnects as
// usual). The watchdog checks every max(tickIntervalMs, tickWatchMinIntervalMs).
import { CloseCodes, CloseReasons } from "../protocol/index.ts";
import { event, setTimer, TimerKeys } from "./effects.ts";
import type { ClientOutput, ClientState } from "./types.ts";

export function tickWatchIntervalMs(state: ClientState): number {
  return Math.max(state.tickIntervalMs, state.config.tickWatchMinIntervalMs);
}

export function startTickWatch(state: ClientState, nowMs: number): ClientOutput[] {
  state.lastTickMs = nowMs;
  return [setTimer(state, TimerKeys.tickWatch, tickWatchIntervalMs(state))];
}

export function onTickWatchTimer(state: ClientState, nowMs: number): ClientOutput[] {
  if (state.lifecycle !== "running" || state.handshake !== "connected" || state.socket !== "open") return [];
  const gapMs = nowMs - (state.lastTickMs ?? nowMs);
  if (gapMs > 2 * state.tickIntervalMs) {
    state.socket = "closing";
    return [
      event({ name: "tick-timeout", data: { gapMs, tickIntervalMs: state.tickIntervalMs } }),
      { kind: "ws-close", code: CloseCodes.TICK_TIMEOUT, reason: CloseReasons.TICK_TIMEOUT },
    ];
  }
  return [setTimer(state, TimerKeys.tickWatch, tickWatchIntervalMs(state))];
}
