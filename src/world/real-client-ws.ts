// The `ws` WebSocket the real OpenClaw client gets inside a world: src/net's ws facade over the simulated
// network, plus a watcher that sees what a user of the real client would see on the wire (each socket opened,
// each frame sent, each event received). The fake `ws` module (sim/real-client/fake-ws.mjs) builds one of
// these per `new WebSocket(…)`, taking the class the world bound just before (hostDeps.beforeConnect), so
// several real clients in one world each get their own host and watcher. Not the client: real-client-node.ts.
import { createWsClass, wsDataToText, type SimWebSocketClass, type SimWebSocketOptions, type WsContext, type WsData } from "../net/index.ts";

/** Where fake-ws.mjs looks for the class to build (shared through globalThis: the hook's module is not ours). */
const registryKey = Symbol.for("clawsim.real-client.ws-registry");

interface WsRegistry {
  next: SimWebSocketClass | undefined;
  take(): SimWebSocketClass | undefined;
}

function registry(): WsRegistry {
  const g = globalThis as unknown as Record<symbol, WsRegistry | undefined>;
  let found = g[registryKey];
  if (!found) {
    const created: WsRegistry = {
      next: undefined,
      take() {
        const bound = created.next;
        created.next = undefined;
        return bound;
      },
    };
    g[registryKey] = created;
    found = created;
  }
  return found;
}

/** The next `new WebSocket(…)` in the client package builds `wsClass` (one socket only). */
export function bindNextWebSocket(wsClass: SimWebSocketClass): void {
  registry().next = wsClass;
}

export interface RealWsWatcher {
  /** A socket was created (one connect attempt). */
  opened(url: string): void;
  /** The client sent this text frame. */
  sent(text: string): void;
  /** Before an event reaches the client's listeners (bring its clock to the present). */
  beforeEvent(event: string, args: readonly unknown[]): void;
  /** After the client's listeners ran for the event (synchronously: what they scheduled is known). */
  afterEvent(event: string, args: readonly unknown[]): void;
}

/** A ws class on `context`'s host whose sockets report every event and send to `watcher`. */
export function createRealClientWsClass(context: WsContext, watcher: RealWsWatcher): SimWebSocketClass {
  const Base = createWsClass(context);
  return class RealClientWebSocket extends Base {
    constructor(address: string | URL, protocols?: string | string[] | SimWebSocketOptions, options?: SimWebSocketOptions) {
      super(address, protocols, options);
      watcher.opened(this.url);
    }

    override send(data: WsData, optionsOrCb?: object | ((err?: Error) => void), cb?: (err?: Error) => void): void {
      super.send(data, optionsOrCb, cb);
      watcher.sent(wsDataToText(data));
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      const name = typeof event === "string" ? event : event.toString();
      watcher.beforeEvent(name, args);
      try {
        return super.emit(event, ...args);
      } finally {
        watcher.afterEvent(name, args);
      }
    }
  };
}
