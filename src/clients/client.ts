// The client reducer: clientStep(state, input, ctx) → outputs, state updated in place. It routes inputs
// to the handshake (handshake.ts), the lifecycle across sockets (lifecycle.ts), RPCs (calls.ts), the
// watchdog (tick-watch.ts) and stop (stop.ts). No I/O; the only clock is ctx.nowMs, the only randomness ctx.prng.
import { assertNever } from "../kernel/index.ts";
import { validateEventFrame, validateResponseFrame, type EventFrame, type ResponseFrame } from "../protocol/index.ts";
import { answerCall, callOrQueue, timeoutCall } from "./calls.ts";
import { event, REQUEST_TIMER_PREFIX, takeTimer, TimerKeys } from "./effects.ts";
import { onChallenge, onChallengeTimer, onConnectAnswer, onOpen } from "./handshake.ts";
import {
  credentialsChanged,
  deviceAuthChanged,
  onClose,
  onConnectTimeout,
  onReconnectTimer,
  onSocketError,
  onTerminateTimer,
  onUnexpectedResponse,
  start,
} from "./lifecycle.ts";
import { oneShotTimeoutMsDefault } from "./state.ts";
import { failOneShot, stopClient } from "./stop.ts";
import { onTickWatchTimer } from "./tick-watch.ts";
import type { ClientInput, ClientOutput, ClientState, ClientStepContext } from "./types.ts";

export function clientStep(state: ClientState, input: ClientInput, ctx: ClientStepContext): ClientOutput[] {
  switch (input.kind) {
    case "start":
      return start(state);
    case "ws-open":
      return onOpen(state);
    case "ws-message":
      return onMessage(state, input.text, ctx);
    case "ws-close":
      return onClose(state, input.code, input.reason, ctx);
    case "ws-unexpected-response":
      return onUnexpectedResponse(state, input.status, ctx);
    case "ws-error":
      return onSocketError(state, input.message, ctx);
    case "timer":
      return onTimer(state, input.key, ctx);
    case "stop":
      return stopClient(state, "stop");
    case "call":
      return callOrQueue(state, ctx, input.method, input.params);
    case "credentials-changed":
      return credentialsChanged(state, input);
    case "device-auth-changed":
      return deviceAuthChanged(state, input.storedTokens);
    default:
      return assertNever(input, "client input");
  }
}

function onMessage(state: ClientState, text: string, ctx: ClientStepContext): ClientOutput[] {
  if (state.socket !== "open") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (validateEventFrame(parsed)) return onEvent(state, parsed, ctx);
  if (validateResponseFrame(parsed)) return onResponse(state, parsed, ctx);
  return [];
}

function onEvent(state: ClientState, frame: EventFrame, ctx: ClientStepContext): ClientOutput[] {
  if (frame.event === "connect.challenge") return onChallenge(state, frame.payload, ctx);
  const outputs: ClientOutput[] = [];
  if (typeof frame.seq === "number") {
    if (state.lastSeq !== null && frame.seq > state.lastSeq + 1) {
      outputs.push(event({ name: "gap", data: { expected: state.lastSeq + 1, received: frame.seq } }));
    }
    state.lastSeq = frame.seq;
  }
  if (frame.event === "tick") state.lastTickMs = ctx.nowMs;
  else outputs.push(event({ name: "gateway-event", data: { event: frame.event, payload: frame.payload } }));
  return outputs;
}

function onResponse(state: ClientState, frame: ResponseFrame, ctx: ClientStepContext): ClientOutput[] {
  if (state.handshake === "connect-sent" && frame.id === state.lastAttempt?.requestId) return onConnectAnswer(state, frame, ctx);
  const answered = answerCall(state, frame);
  if (!answered) return [];
  if (!answered.oneShot) return answered.outputs;
  state.oneShotSettled = true;
  return [...answered.outputs, ...stopClient(state, "one-shot-complete")];
}

function onTimer(state: ClientState, key: string, ctx: ClientStepContext): ClientOutput[] {
  if (!takeTimer(state, key)) return [];
  switch (key) {
    case TimerKeys.challenge:
      return onChallengeTimer(state, ctx);
    case TimerKeys.reconnect:
      return onReconnectTimer(state);
    case TimerKeys.tickWatch:
      return onTickWatchTimer(state, ctx.nowMs);
    case TimerKeys.terminate:
      return onTerminateTimer(state);
    case TimerKeys.oneShot:
      return failOneShot(state, `gateway timeout after ${state.config.oneShot?.timeoutMs ?? oneShotTimeoutMsDefault}ms`);
  }
  if (!key.startsWith(REQUEST_TIMER_PREFIX)) return [];
  const id = key.slice(REQUEST_TIMER_PREFIX.length);
  if (id === state.lastAttempt?.requestId) return onConnectTimeout(state);
  const timedOut = timeoutCall(state, id);
  if (!timedOut) return [];
  if (!timedOut.oneShot) return timedOut.outputs;
  state.oneShotSettled = true;
  return [...timedOut.outputs, ...stopClient(state, "one-shot-failed")];
}
