// A stand-in for the `ws` package's client WebSocket (v8 API subset) over the simulated network, so client
// code written against `ws` (OpenClaw's GatewayClient) runs unchanged: `createWsClass({network, fromHost})`
// returns a class to hand to that code as `WebSocket`. Events follow ws: 'open'; 'message' (data: Buffer,
// isBinary: false); 'close' (code, reason: Buffer); 'error' (Error, with `code` where Node sets one);
// 'unexpected-response' (req, res) — with a listener, the socket stays CONNECTING until the listener calls
// terminate()/close()/req.destroy(), as in ws; without one, 'error' ("Unexpected server response: N") and
// 'close' (1006). As with any EventEmitter, an 'error' without a listener throws (inside the scheduler event).
// Not modelled: binary frames (data is sent as UTF-8 text), ping/pong (no-ops), permessage-deflate, redirects.
import { EventEmitter } from "node:events";
import { assert } from "../kernel/index.ts";
import { parseWsUrl } from "./address.ts";
import { closeReasonBytesMax, CloseCode, isSendableCloseCode, utf8ByteLength } from "./close-codes.ts";
import { ReadyState, type NetError, type SocketEnd } from "./endpoint.ts";
import type { Network } from "./network.ts";

export interface WsContext {
  readonly network: Network<string>;
  readonly fromHost: string;
  readonly defaultHeaders?: Readonly<Record<string, string>>;
}

/** The ws ClientOptions this facade honours. */
export interface SimWebSocketOptions {
  headers?: Record<string, string>;
  maxPayload?: number;
  handshakeTimeout?: number;
  origin?: string;
  [other: string]: unknown;
}

const readyStateNames = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"] as const;

export type WsData = string | Buffer | ArrayBuffer | ArrayBufferView | number;

export function wsDataToText(data: WsData): string {
  if (typeof data === "string") return data;
  if (typeof data === "number") return String(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
}

/** The `res` of 'unexpected-response': status, then the body as 'data' and 'end' on the next event. */
export class SimIncomingMessage extends EventEmitter {
  readonly headers: Record<string, string> = {};
  private encoding: BufferEncoding | undefined;
  constructor(
    readonly statusCode: number,
    readonly statusMessage: string,
  ) {
    super();
  }
  setEncoding(encoding: BufferEncoding): this {
    this.encoding = encoding;
    return this;
  }
  resume(): this {
    return this;
  }
  /** Called by the socket one event after 'unexpected-response'. */
  deliverBody(body: string): void {
    if (body.length > 0) this.emit("data", this.encoding ? body : Buffer.from(body, "utf8"));
    this.emit("end");
  }
}

function nodeError(error: NetError): Error {
  if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") return Object.assign(new RangeError(error.message), { code: error.code });
  if (error.code === "ABORTED" || error.code === "HANDSHAKE_TIMEOUT") return new Error(error.message);
  const syscall = error.code === "ENOTFOUND" ? "getaddrinfo" : "connect";
  return Object.assign(new Error(error.message), { code: error.code, errno: error.code, syscall });
}

export class SimWebSocket extends EventEmitter {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  /** Set by createWsClass on the subclass it returns. */
  static context: WsContext | undefined;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readonly url: string;
  /** The socket reached OPEN (then 'close' is emitted one event after the close arrives). */
  private wasOpen = false;
  readonly protocol = "";
  readonly extensions = "";
  readonly binaryType = "nodebuffer";
  readonly bufferedAmount = 0;
  private readonly network: Network<string>;
  private readonly socket: SocketEnd<string>;
  /** 'unexpected-response' was handled: stay CONNECTING until the user aborts. */
  private awaitingAbort = false;
  private aborted = false;
  private abortReported = false;

  constructor(address: string | URL, protocols?: string | string[] | SimWebSocketOptions, options?: SimWebSocketOptions) {
    super();
    const context = (new.target as typeof SimWebSocket).context;
    assert(context, "SimWebSocket needs a network: use createWsClass({ network, fromHost })");
    if (protocols !== undefined && !Array.isArray(protocols) && typeof protocols === "object") {
      options = protocols;
      protocols = undefined;
    }
    const href = typeof address === "string" ? address : address.href;
    const parsed = parseWsUrl(href);
    if (parsed.kind === "invalid") throw new SyntaxError(parsed.reason);
    this.url = href;
    this.network = context.network;
    const headers: Record<string, string> = { ...context.defaultHeaders, ...options?.headers };
    if (typeof options?.origin === "string") headers["origin"] = options.origin;
    const requested = typeof protocols === "string" ? [protocols] : (protocols ?? []);
    if (requested.length > 0) headers["sec-websocket-protocol"] = requested.join(",");
    this.socket = context.network.connect({
      fromHost: context.fromHost,
      url: href,
      headers,
      maxPayloadBytes: typeof options?.maxPayload === "number" && options.maxPayload > 0 ? options.maxPayload : undefined,
      handshakeTimeoutMs: typeof options?.handshakeTimeout === "number" ? options.handshakeTimeout : undefined,
      callbacks: {
        onOpen: () => {
          this.wasOpen = true;
          this.emit("open");
        },
        onMessage: (text) => this.emit("message", Buffer.from(text, "utf8"), false),
        onError: (error) => this.emit("error", nodeError(error)),
        onUnexpectedResponse: (status, body) => this.onUnexpectedResponse(status, body),
        onClose: (code, reason) => {
          if (this.awaitingAbort) return;
          const emitClose = () => this.emit("close", code, Buffer.from(reason, "utf8"));
          // ws emits 'close' when the TCP socket has closed, a later macrotask: once open, one event later (same
          // instant), so promise callbacks of frames that came with the close frame run first. Before open,
          // 'error' and 'close' stay back to back, as in ws.
          if (this.wasOpen) context.network.after(0, emitClose, context.fromHost, "ws:close-event");
          else emitClose();
        },
      },
    });
  }

  get readyState(): number {
    if (this.awaitingAbort) return this.abortReported ? ReadyState.CLOSED : this.aborted ? ReadyState.CLOSING : ReadyState.CONNECTING;
    return this.socket.readyState;
  }

  send(data: WsData, optionsOrCb?: object | ((err?: Error) => void), cb?: (err?: Error) => void): void {
    const callback = typeof optionsOrCb === "function" ? (optionsOrCb as (err?: Error) => void) : cb;
    const state = this.readyState;
    if (state === ReadyState.CONNECTING) throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
    const outcome = this.socket.send(wsDataToText(data));
    if (!callback) return;
    const err = outcome.kind === "sent" ? undefined : new Error(`WebSocket is not open: readyState ${state} (${readyStateNames[state]})`);
    this.network.after(0, () => callback(err), this.socket.connId, "ws:send-callback");
  }

  close(code?: number, data?: string | Buffer): void {
    if (this.awaitingAbort) return this.abortAfterResponse();
    const reason = data === undefined ? "" : typeof data === "string" ? data : data.toString("utf8");
    if (this.socket.readyState === ReadyState.OPEN) {
      if (code !== undefined && !isSendableCloseCode(code)) throw new TypeError("First argument must be a valid error code number");
      if (utf8ByteLength(reason) > closeReasonBytesMax) throw new RangeError("The message must not be greater than 123 bytes");
    }
    this.socket.close(code, reason);
  }

  terminate(): void {
    if (this.awaitingAbort) return this.abortAfterResponse();
    this.socket.terminate();
  }

  ping(): void {}
  pong(): void {}

  private onUnexpectedResponse(status: number, body: string): void {
    if (this.listenerCount("unexpected-response") === 0) {
      this.emit("error", new Error(`Unexpected server response: ${status}`));
      return;
    }
    this.awaitingAbort = true;
    const res = new SimIncomingMessage(status, statusText(status));
    const req = { destroy: () => this.abortAfterResponse(), abort: () => this.abortAfterResponse() };
    this.emit("unexpected-response", req, res);
    this.network.after(0, () => res.deliverBody(body), this.socket.connId, "ws:response-body");
  }

  private abortAfterResponse(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.network.after(0, () => {
      this.emit("error", new Error("WebSocket was closed before the connection was established"));
      this.abortReported = true;
      this.emit("close", CloseCode.abnormal, Buffer.alloc(0));
    }, this.socket.connId, "ws:abort");
  }
}

export type SimWebSocketClass = typeof SimWebSocket;

/** A WebSocket class bound to one network and client host, to hand to code that does `new WebSocket(url)`. */
export function createWsClass(context: WsContext): SimWebSocketClass {
  context.network.hosts.get(context.fromHost);
  return class BoundSimWebSocket extends SimWebSocket {
    static override context: WsContext | undefined = context;
  };
}

function statusText(status: number): string {
  const known: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
  };
  return known[status] ?? "";
}
