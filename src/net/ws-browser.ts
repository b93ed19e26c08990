// A browser-style WebSocket (the WHATWG API the Control UI uses) over the simulated network:
// `createBrowserWebSocketClass({network, fromHost, pageOrigin})` returns a class to install as the page's
// `WebSocket`. The browser sets Origin from the page and User-Agent itself; page code cannot add headers.
// Events: open; message (MessageEvent, data a string); error (a plain Event, only when the connection fails:
// refused, non-101 answer, timeout, abort while connecting, maxPayload); close (CloseEvent code/reason/wasClean).
// Handlers run synchronously inside scheduler events and their exceptions propagate (a crash, not a console line).
//
// Why not mock-socket's WebSocket: it connects, sends and closes through real `setTimeout` (a 4 ms "delay"
// helper) and routes through its own global URL-keyed bridge, so it cannot ride this transport or the virtual
// clock without global fake timers; and its event classes are not exported. This class implements the same
// API and keeps its argument checks (close code 1000 or 3000–4999, reason ≤ 123 bytes, no send while
// CONNECTING), which are the browser's.
import { assert } from "../kernel/index.ts";
import { parseWsUrl } from "./address.ts";
import { closeReasonBytesMax, isBrowserCloseCode, utf8ByteLength } from "./close-codes.ts";
import { ReadyState, type SocketEnd } from "./endpoint.ts";
import type { Network } from "./network.ts";

export interface BrowserContext {
  readonly network: Network<string>;
  readonly fromHost: string;
  /** The page's origin, e.g. "http://127.0.0.1:18789"; sent as the Origin header. */
  readonly pageOrigin: string;
  readonly userAgent?: string;
}

export const browserUserAgentDefault = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) clawsim/1";

export interface SimCloseEventInit extends EventInit {
  code?: number;
  reason?: string;
  wasClean?: boolean;
}

export class SimCloseEvent extends Event {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  constructor(type: string, init: SimCloseEventInit = {}) {
    super(type, init);
    this.code = init.code ?? 0;
    this.reason = init.reason ?? "";
    this.wasClean = init.wasClean ?? false;
  }
}

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };
type Handler = ((event: Event) => void) | null;

/** Listeners per event type on one socket. */
export const listenersPerTypeMax = 1_000;

/** Minimal EventTarget whose listeners' exceptions propagate (Node's own EventTarget reports them later). */
class SyncEventTarget {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  addEventListener(type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions): void {
    if (!listener) return;
    const list = this.listeners.get(type) ?? [];
    if (list.some((l) => l.listener === listener)) return;
    assert(list.length < listenersPerTypeMax, `too many ${type} listeners`);
    list.push({ listener, once: typeof options === "object" && options.once === true });
    this.listeners.set(type, list);
  }

  removeEventListener(type: string, listener: Listener | null): void {
    const list = this.listeners.get(type);
    if (!list || !listener) return;
    this.listeners.set(type, list.filter((l) => l.listener !== listener));
  }

  dispatchEvent(event: Event): boolean {
    Object.defineProperty(event, "target", { value: this, configurable: true });
    Object.defineProperty(event, "currentTarget", { value: this, configurable: true });
    const handler = this.handlerFor(event.type);
    if (handler) handler.call(this, event);
    for (const entry of [...(this.listeners.get(event.type) ?? [])]) {
      if (entry.once) this.removeEventListener(event.type, entry.listener);
      if (typeof entry.listener === "function") entry.listener.call(this, event);
      else entry.listener.handleEvent(event);
    }
    return !event.defaultPrevented;
  }

  protected handlerFor(_type: string): Handler {
    return null;
  }
}

export class SimBrowserWebSocket extends SyncEventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  /** Set by createBrowserWebSocketClass on the subclass it returns. */
  static context: BrowserContext | undefined;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readonly url: string;
  readonly protocol = "";
  readonly extensions = "";
  binaryType: "blob" | "arraybuffer" = "blob";
  bufferedAmount = 0;
  onopen: Handler = null;
  onmessage: Handler = null;
  onerror: Handler = null;
  onclose: Handler = null;
  private readonly socket: SocketEnd<string>;
  private readonly urlOrigin: string;
  private failed = false;

  constructor(url: string | URL, protocols?: string | string[]) {
    super();
    const context = (new.target as typeof SimBrowserWebSocket).context;
    assert(context, "SimBrowserWebSocket needs a network: use createBrowserWebSocketClass(...)");
    const href = toWsHref(typeof url === "string" ? url : url.href);
    const parsed = parseWsUrl(href);
    if (parsed.kind === "invalid") throw new DOMException(`Failed to construct 'WebSocket': ${parsed.reason}`, "SyntaxError");
    this.url = parsed.url.href;
    this.urlOrigin = new URL(this.url).origin;
    const headers: Record<string, string> = { origin: context.pageOrigin, "user-agent": context.userAgent ?? browserUserAgentDefault };
    const requested = typeof protocols === "string" ? [protocols] : (protocols ?? []);
    if (requested.length > 0) headers["sec-websocket-protocol"] = requested.join(", ");
    this.socket = context.network.connect({
      fromHost: context.fromHost,
      url: this.url,
      headers,
      callbacks: {
        onOpen: () => this.dispatchEvent(new Event("open")),
        onMessage: (data) => this.dispatchEvent(new MessageEvent("message", { data, origin: this.urlOrigin })),
        onError: () => (this.failed = true),
        onUnexpectedResponse: () => (this.failed = true),
        onClose: (code, reason, wasClean) => {
          if (this.failed) this.dispatchEvent(new Event("error"));
          this.dispatchEvent(new SimCloseEvent("close", { code, reason, wasClean }));
        },
      },
    });
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.readyState === ReadyState.CONNECTING) {
      throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", "InvalidStateError");
    }
    const text = typeof data === "string" ? data : Buffer.from(data instanceof ArrayBuffer ? data : data.buffer).toString("utf8");
    if (this.socket.send(text).kind !== "sent") this.bufferedAmount += utf8ByteLength(text);
  }

  close(code?: number, reason?: string): void {
    if (code !== undefined && !isBrowserCloseCode(code)) {
      const message = `The code must be either 1000, or between 3000 and 4999. ${code} is neither.`;
      throw new DOMException(`Failed to execute 'close' on 'WebSocket': ${message}`, "InvalidAccessError");
    }
    if (reason !== undefined && utf8ByteLength(reason) > closeReasonBytesMax) {
      throw new DOMException("Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes.", "SyntaxError");
    }
    const state = this.readyState;
    if (state === ReadyState.CLOSING || state === ReadyState.CLOSED) return;
    if (state === ReadyState.CONNECTING) return this.socket.terminate();
    this.socket.close(code, code === undefined ? "" : (reason ?? ""));
  }

  protected override handlerFor(type: string): Handler {
    switch (type) {
      case "open":
        return this.onopen;
      case "message":
        return this.onmessage;
      case "error":
        return this.onerror;
      case "close":
        return this.onclose;
      default:
        return null;
    }
  }
}

/** Browsers accept http(s) URLs for WebSockets and switch the scheme. */
function toWsHref(href: string): string {
  if (href.startsWith("http://")) return `ws://${href.slice(7)}`;
  if (href.startsWith("https://")) return `wss://${href.slice(8)}`;
  return href;
}

export type SimBrowserWebSocketClass = typeof SimBrowserWebSocket;

export function createBrowserWebSocketClass(context: BrowserContext): SimBrowserWebSocketClass {
  context.network.hosts.get(context.fromHost);
  return class BoundSimBrowserWebSocket extends SimBrowserWebSocket {
    static override context: BrowserContext | undefined = context;
  };
}
