// Stopping a client for good (spec §7.5 `stop()`): no more reconnects, the retry budget forgotten, timers
// cancelled, in-flight calls failed, the socket closed 1000 and terminated after a 250 ms grace. Also how a
// one-shot CLI call ends (after its answer, its failure or its overall timeout).
import { failPendingCalls, rpcError } from "./calls.ts";
import { cancelTimer, event, setTimer, TimerKeys } from "./effects.ts";
import { stopTerminateGraceMs } from "./state.ts";
import type { ClientOutput, ClientState } from "./types.ts";

export type StopReason = "stop" | "one-shot-complete" | "one-shot-failed";

export function stopClient(state: ClientState, reason: StopReason): ClientOutput[] {
  if (state.lifecycle === "stopped") return [];
  state.lifecycle = "stopped";
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.pendingConnectErrorDetailCode = null;
  state.pendingRetryAfterMs = null;
  const outputs: ClientOutput[] = [];
  for (const key of [TimerKeys.reconnect, TimerKeys.challenge, TimerKeys.tickWatch, TimerKeys.oneShot]) outputs.push(...cancelTimer(state, key));
  outputs.push(...failPendingCalls(state, "gateway client stopped"));
  state.queuedCalls.length = 0;
  if (state.socket === "connecting" || state.socket === "open") {
    state.socket = "closing";
    outputs.push({ kind: "ws-close", code: 1000, reason: "" }, setTimer(state, TimerKeys.terminate, stopTerminateGraceMs));
  }
  outputs.push(event({ name: "stopped", data: { reason } }));
  return outputs;
}

/** A one-shot call that will never be answered: report it once (in flight or not yet sent), then stop. */
export function failOneShot(state: ClientState, message: string): ClientOutput[] {
  const outputs = failPendingCalls(state, message);
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) {
    state.oneShotSettled = true;
    outputs.push(rpcError("", oneShot.method, message));
  }
  return [...outputs, ...stopClient(state, "one-shot-failed")];
}
