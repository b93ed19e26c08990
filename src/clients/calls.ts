// RPCs after hello: sending a request with a timeout, queueing calls made before the client is connected,
// answering them, and failing whatever is in flight when the socket goes. Not the handshake's own
// `connect` request (handshake.ts) and not stopping the client (stop.ts).
import { uuidV4 } from "../kernel/index.ts";
import type { RequestFrame, ResponseFrame } from "../protocol/index.ts";
import { cancelTimer, event, setTimer, TimerKeys } from "./effects.ts";
import { queuedCallsMax } from "./state.ts";
import type { ClientOutput, ClientState, ClientStepContext } from "./types.ts";

export function sendCall(state: ClientState, ctx: ClientStepContext, call: { method: string; params: unknown; oneShot: boolean }): ClientOutput[] {
  const id = uuidV4(ctx.prng);
  const frame: RequestFrame = { type: "req", id, method: call.method };
  if (call.params !== undefined) frame.params = call.params;
  state.pendingCalls.set(id, { id, method: call.method, oneShot: call.oneShot });
  return [{ kind: "ws-send", text: JSON.stringify(frame) }, setTimer(state, TimerKeys.request(id), state.config.requestTimeoutMs)];
}

/** A `call` input: sent now when connected, else queued (bounded) until the next hello. */
export function callOrQueue(state: ClientState, ctx: ClientStepContext, method: string, params: unknown): ClientOutput[] {
  if (state.lifecycle === "stopped" || state.lifecycle === "refused") return [rpcError("", method, "gateway client stopped")];
  if (state.handshake === "connected" && state.socket === "open") return sendCall(state, ctx, { method, params, oneShot: false });
  if (state.queuedCalls.length >= queuedCallsMax) return [rpcError("", method, "gateway not connected")];
  state.queuedCalls.push({ method, params });
  return [];
}

export function sendQueuedCalls(state: ClientState, ctx: ClientStepContext): ClientOutput[] {
  const queued = state.queuedCalls.splice(0, state.queuedCalls.length);
  return queued.flatMap((c) => sendCall(state, ctx, { method: c.method, params: c.params, oneShot: false }));
}

/** The answer to a pending call; null when the id is not one of ours. */
export function answerCall(state: ClientState, frame: ResponseFrame): { outputs: ClientOutput[]; oneShot: boolean } | null {
  const pending = state.pendingCalls.get(frame.id);
  if (!pending) return null;
  state.pendingCalls.delete(frame.id);
  const outputs = cancelTimer(state, TimerKeys.request(frame.id));
  if (frame.ok) {
    outputs.push(event({ name: "rpc-result", data: { id: frame.id, method: pending.method, ok: true, payload: frame.payload } }));
  } else {
    const error = { code: frame.error?.code ?? null, message: frame.error?.message ?? "unknown error", details: frame.error?.details };
    outputs.push(event({ name: "rpc-result", data: { id: frame.id, method: pending.method, ok: false, error } }));
  }
  return { outputs, oneShot: pending.oneShot };
}

/** A call's timer fired: it fails with the request timeout. */
export function timeoutCall(state: ClientState, id: string): { outputs: ClientOutput[]; oneShot: boolean } | null {
  const pending = state.pendingCalls.get(id);
  if (!pending) return null;
  state.pendingCalls.delete(id);
  return { outputs: [rpcError(id, pending.method, `gateway request timeout for ${pending.method}`)], oneShot: pending.oneShot };
}

/** `flushPendingErrors`: every in-flight call fails with the message. */
export function failPendingCalls(state: ClientState, message: string): ClientOutput[] {
  const outputs: ClientOutput[] = [];
  for (const pending of state.pendingCalls.values()) {
    outputs.push(...cancelTimer(state, TimerKeys.request(pending.id)), rpcError(pending.id, pending.method, message));
    if (pending.oneShot) state.oneShotSettled = true;
  }
  state.pendingCalls.clear();
  return outputs;
}

export function rpcError(id: string, method: string, message: string): ClientOutput {
  return event({ name: "rpc-result", data: { id, method, ok: false, error: { code: null, message } } });
}
