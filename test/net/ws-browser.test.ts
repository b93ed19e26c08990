import { describe, expect, it } from "vitest";
import { createBrowserWebSocketClass, refuseUpgrade, SimCloseEvent } from "../../src/net/index.ts";
import { runFor, server, world, type World } from "./helpers.ts";

type BrowserWs = InstanceType<ReturnType<typeof createBrowserWebSocketClass>>;

function watch(ws: BrowserWs): string[] {
  const seen: string[] = [];
  ws.onopen = () => seen.push(`open rs=${ws.readyState}`);
  ws.onmessage = (e) => seen.push(`message ${(e as MessageEvent).data}`);
  ws.onerror = (e) => seen.push(`error ${e.type} target=${e.target === ws}`);
  ws.onclose = (e) => {
    const c = e as SimCloseEvent;
    seen.push(`close ${c.code} ${JSON.stringify(c.reason)} ${c.wasClean ? "clean" : "unclean"} rs=${ws.readyState}`);
  };
  return seen;
}

function page(w: World, fromHost = "laptop", pageOrigin = "http://gw:18789") {
  return createBrowserWebSocketClass({ network: w.network, fromHost, pageOrigin });
}

describe("SimBrowserWebSocket (Control UI facade)", () => {
  it("sends the page's Origin and a User-Agent; open → message → close with code and reason", () => {
    const w = world();
    const srv = server(w, { onOpen: (s) => s.send("challenge"), echo: true });
    const WebSocket = page(w);
    const ws = new WebSocket("ws://gw:18789/");
    const seen = watch(ws);
    const extra: string[] = [];
    ws.addEventListener("message", (e) => extra.push(`listener ${(e as MessageEvent).data}`), { once: true });
    expect(ws.readyState).toBe(WebSocket.CONNECTING);
    expect(() => ws.send("early")).toThrow(expect.objectContaining({ name: "InvalidStateError" }));
    runFor(w, 20);
    ws.send("connect");
    runFor(w, 20);
    srv.sockets.get("c1")!.close(1008, "origin not allowed");
    runFor(w, 20);
    expect(seen).toEqual(["open rs=1", "message challenge", "message echo:connect", 'close 1008 "origin not allowed" clean rs=3']);
    expect(extra).toEqual(["listener challenge"]);
    expect(srv.requests[0]?.headers).toMatchObject({ origin: "http://gw:18789", host: "gw:18789", "user-agent": expect.stringContaining("Mozilla/5.0") });
    expect(ws.url).toBe("ws://gw:18789/");
    expect(ws.protocol).toBe("");
  });

  it("a refused upgrade (503) is an error event then close 1006, with no status exposed", () => {
    const w = world();
    server(w, { verdict: () => refuseUpgrade(503, "Too many unauthenticated sockets") });
    const ws = new (page(w))("ws://gw:18789");
    const seen = watch(ws);
    runFor(w, 20);
    expect(seen).toEqual(["error error target=true", 'close 1006 "" unclean rs=3']);
  });

  it("an abrupt teardown is close 1006 without an error event", () => {
    const w = world();
    const srv = server(w);
    const ws = new (page(w))("ws://gw:18789");
    const seen = watch(ws);
    runFor(w, 20);
    srv.sockets.get("c1")!.terminate();
    runFor(w, 20);
    expect(seen).toEqual(["open rs=1", 'close 1006 "" unclean rs=3']);
  });

  it("page close: only 1000 or 3000–4999 and ≤ 123 bytes; the server sees the code, the page the echo", () => {
    const w = world();
    const srv = server(w);
    const ws = new (page(w))("http://gw:18789");
    const seen = watch(ws);
    runFor(w, 20);
    expect(() => ws.close(1008)).toThrow(expect.objectContaining({ name: "InvalidAccessError" }));
    expect(() => ws.close(1000, "x".repeat(124))).toThrow(expect.objectContaining({ name: "SyntaxError" }));
    ws.close(4001, "bye");
    expect(ws.readyState).toBe(ws.CLOSING);
    runFor(w, 20);
    expect(srv.events.at(-1)).toBe('close c1 4001 "bye" clean');
    expect(seen.at(-1)).toBe('close 4001 "bye" clean rs=3');
    ws.send("after");
    expect(ws.bufferedAmount).toBe(5);
  });

  it("closing while CONNECTING fails the connection: error, then close 1006", () => {
    const w = world();
    server(w);
    const ws = new (page(w))("ws://gw:18789");
    const seen = watch(ws);
    ws.close();
    runFor(w, 20);
    expect(seen).toEqual(["error error target=true", 'close 1006 "" unclean rs=3']);
  });

  it("an invalid URL throws a SyntaxError DOMException", () => {
    const w = world();
    expect(() => new (page(w))("ftp://gw/")).toThrow(expect.objectContaining({ name: "SyntaxError" }));
  });
});
