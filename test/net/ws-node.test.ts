import { describe, expect, it } from "vitest";
import { createWsClass, refuseUpgrade, SimWebSocket } from "../../src/net/index.ts";
import { runFor, server, world, type World } from "./helpers.ts";

type Ws = InstanceType<ReturnType<typeof createWsClass>>;

/** Records every ws event the way a test would print it. */
function watch(ws: Ws): string[] {
  const seen: string[] = [];
  ws.on("open", () => seen.push(`open rs=${ws.readyState}`));
  ws.on("message", (data: unknown, isBinary: unknown) => seen.push(`message ${Buffer.isBuffer(data) ? "Buffer" : typeof data}:${String(data)} binary=${String(isBinary)}`));
  ws.on("close", (code: number, reason: unknown) => seen.push(`close ${code} ${Buffer.isBuffer(reason) ? "Buffer" : typeof reason}:${String(reason)} rs=${ws.readyState}`));
  ws.on("error", (err: Error & { code?: string }) => seen.push(`error ${err.code ?? "-"} ${err.message}`));
  return seen;
}

function bound(w: World, fromHost = "gw") {
  return createWsClass({ network: w.network, fromHost, defaultHeaders: { "user-agent": "openclaw-cli" } });
}

describe("SimWebSocket (ws client facade)", () => {
  it("open → message (Buffer, not binary) → close (code, Buffer reason), with ws's ready states", () => {
    const w = world();
    const srv = server(w, { onOpen: (s) => s.send('{"type":"event","event":"connect.challenge"}'), echo: true });
    const WebSocket = bound(w);
    const ws = new WebSocket("ws://127.0.0.1:18789", { maxPayload: 25 * 1024 * 1024 });
    const seen = watch(ws);
    expect(ws.readyState).toBe(WebSocket.CONNECTING);
    expect(() => ws.send("too early")).toThrow("WebSocket is not open: readyState 0 (CONNECTING)");
    runFor(w, 10);
    ws.send('{"type":"req"}');
    runFor(w, 10);
    srv.sockets.get(`c1`)!.close(1008, "pairing required");
    runFor(w, 10);
    expect(seen).toEqual([
      "open rs=1",
      'message Buffer:{"type":"event","event":"connect.challenge"} binary=false',
      'message Buffer:echo:{"type":"req"} binary=false',
      "close 1008 Buffer:pairing required rs=3",
    ]);
    expect(srv.requests[0]?.headers["user-agent"]).toBe("openclaw-cli");
    expect([WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED]).toEqual([0, 1, 2, 3]);
    expect([ws.CONNECTING, ws.OPEN, ws.CLOSING, ws.CLOSED]).toEqual([0, 1, 2, 3]);
  });

  it("client close: CLOSING at once, 'close' with the echoed code once the server answers", () => {
    const w = world();
    const srv = server(w);
    const ws = new (bound(w, "laptop"))("ws://gw:18789");
    const seen = watch(ws);
    runFor(w, 10);
    ws.close(4000, "tick timeout");
    expect(ws.readyState).toBe(ws.CLOSING);
    runFor(w, 10);
    expect(seen).toEqual(["open rs=1", "close 4000 Buffer:tick timeout rs=3"]);
    expect(srv.events.at(-1)).toBe('close c1 4000 "tick timeout" clean');
    expect(() => ws.close(1006)).not.toThrow(); // already closed: ignored, like ws
  });

  it("rejects close codes and reasons ws rejects", () => {
    const w = world();
    server(w);
    const ws = new (bound(w))("ws://127.0.0.1:18789");
    watch(ws);
    runFor(w, 10);
    expect(() => ws.close(1006)).toThrow(TypeError);
    expect(() => ws.close(1008, "x".repeat(124))).toThrow(RangeError);
    expect(ws.readyState).toBe(ws.OPEN);
  });

  it("send callback: called after the write, or with an error once the socket is closing", () => {
    const w = world();
    server(w);
    const ws = new (bound(w))("ws://127.0.0.1:18789");
    watch(ws);
    runFor(w, 10);
    const results: string[] = [];
    ws.send("a", (err) => results.push(err ? err.message : "ok"));
    ws.close(1000);
    ws.send("b", {}, (err) => results.push(err ? err.message : "ok"));
    runFor(w, 10);
    // both callbacks run on later events (their relative order is the seed's tie-break, as in ws it is I/O's)
    expect(results.sort()).toEqual(["WebSocket is not open: readyState 2 (CLOSING)", "ok"]);
  });

  it("terminate: 'close' 1006 with an empty reason; the server sees 1006 too", () => {
    const w = world();
    const srv = server(w);
    const ws = new (bound(w, "laptop"))("ws://gw:18789");
    const seen = watch(ws);
    runFor(w, 10);
    ws.terminate();
    runFor(w, 10);
    expect(seen).toEqual(["open rs=1", "close 1006 Buffer: rs=3"]);
    expect(srv.events.at(-1)).toBe('close c1 1006 "" unclean');
  });

  it("ECONNREFUSED: 'error' with the Node error code, then 'close' 1006", () => {
    const w = world();
    const ws = new (bound(w))("ws://127.0.0.1:18789");
    const seen = watch(ws);
    runFor(w, 10);
    expect(seen).toEqual(["error ECONNREFUSED connect ECONNREFUSED 127.0.0.1:18789", "close 1006 Buffer: rs=3"]);
  });

  it("503 without an 'unexpected-response' listener: 'error' Unexpected server response, then 'close' 1006", () => {
    const w = world();
    server(w, { verdict: () => refuseUpgrade(503, "Too many unauthenticated sockets") });
    const ws = new (bound(w))("ws://127.0.0.1:18789");
    const seen = watch(ws);
    runFor(w, 10);
    expect(seen).toEqual(["error - Unexpected server response: 503", "close 1006 Buffer: rs=3"]);
  });

  it("503 with an 'unexpected-response' listener: status and body, CONNECTING until terminate()", () => {
    const w = world();
    server(w, { verdict: () => refuseUpgrade(503, "Too many unauthenticated sockets") });
    const ws = new (bound(w))("ws://127.0.0.1:18789");
    const seen = watch(ws);
    ws.on("unexpected-response", (_req: unknown, res: { statusCode: number; setEncoding(e: string): void; on(ev: string, f: (x?: unknown) => void): void }) => {
      seen.push(`unexpected-response ${res.statusCode}`);
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += String(chunk)));
      res.on("end", () => {
        seen.push(`body ${body} rs=${ws.readyState}`);
        ws.terminate();
      });
    });
    runFor(w, 10);
    expect(seen).toEqual([
      "unexpected-response 503",
      "body Too many unauthenticated sockets rs=0",
      "error - WebSocket was closed before the connection was established",
      "close 1006 Buffer: rs=3",
    ]);
  });

  it("handshakeTimeout gives up with ws's message when the upgrade is lost", () => {
    const w = world();
    server(w);
    w.network.partition("laptop", "gw");
    const ws = new (bound(w, "laptop"))("ws://gw:18789", { handshakeTimeout: 1_000 });
    const seen = watch(ws);
    runFor(w, 1_000);
    expect(seen).toEqual(["error - Opening handshake has timed out", "close 1006 Buffer: rs=3"]);
  });

  it("needs a network: the unbound class refuses to construct, bad URLs throw SyntaxError", () => {
    const w = world();
    expect(() => new SimWebSocket("ws://127.0.0.1:1")).toThrow(/createWsClass/);
    expect(() => new (bound(w))("http://127.0.0.1:1")).toThrow(SyntaxError);
  });
});
