// The `ws` module the real OpenClaw client package sees inside clawsim (ws-hook.mjs points its import here).
// `new WebSocket(url, options)` builds an instance of the class the world bound for this connection (the
// simulated-network WebSocket of src/net/ws-node.ts, through src/world/real-client-ws.ts); the binding is
// taken once, so a socket opened outside a simulated world fails loudly instead of reaching a real network.
const registryKey = Symbol.for("clawsim.real-client.ws-registry");

function takeBoundClass() {
  const registry = globalThis[registryKey];
  const bound = registry && typeof registry.take === "function" ? registry.take() : undefined;
  if (typeof bound !== "function") {
    throw new Error("clawsim: the real gateway client opened a WebSocket with no simulated world bound to it");
  }
  return bound;
}

export class WebSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;

  constructor(address, protocols, options) {
    const Bound = takeBoundClass();
    return new Bound(address, protocols, options);
  }
}

export class WebSocketServer {
  constructor() {
    throw new Error("clawsim: WebSocketServer is not simulated; the gateway side is clawsim's own");
  }
}

export function createWebSocketStream() {
  throw new Error("clawsim: createWebSocketStream is not simulated");
}

export default WebSocket;
