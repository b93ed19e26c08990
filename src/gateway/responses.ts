// Frame builders shared by the gateway's handlers: responses, events, and "answer then close" pairs.
import { truncateCloseReason } from "../protocol/index.ts";
import type { GatewayOutput } from "./types.ts";

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  retryable?: boolean;
  retryAfterMs?: number;
}

export function resOk(connId: string, id: string, payload: unknown): GatewayOutput {
  return { kind: "send", connId, text: JSON.stringify({ type: "res", id, ok: true, payload }) };
}

export function resError(connId: string, id: string, error: ErrorBody): GatewayOutput {
  return { kind: "send", connId, text: JSON.stringify({ type: "res", id, ok: false, error }) };
}

export function event(connId: string, name: string, payload: unknown, seq?: number): GatewayOutput {
  const frame: Record<string, unknown> = { type: "event", event: name, payload };
  if (seq !== undefined) frame["seq"] = seq;
  return { kind: "send", connId, text: JSON.stringify(frame) };
}

export function close(connId: string, code: number, reason: string): GatewayOutput {
  return { kind: "close", connId, code, reason };
}

/** The handshake's refusal: the error response, then a close whose reason is the message cut to 120 bytes. */
export function refuse(connId: string, id: string, error: ErrorBody, closeCode = 1008, closeReason?: string): GatewayOutput[] {
  return [resError(connId, id, error), close(connId, closeCode, truncateCloseReason(closeReason ?? error.message))];
}

export function log(event: string, data: Record<string, unknown>): GatewayOutput {
  return { kind: "log", event, data };
}
