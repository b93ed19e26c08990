import { describe, expect, it } from "vitest";
import { ReadyState, refuseUpgrade } from "../../src/net/index.ts";
import { client, kinds, runFor, server, world } from "./helpers.ts";

describe("opening handshake", () => {
  it("opens both ends after the link latency; the server opens first, the client on the 101", () => {
    const w = world();
    const srv = server(w, { onOpen: (s) => s.send("challenge") });
    const c = client(w, "gw", "ws://127.0.0.1:18789/");
    expect(c.socket.readyState).toBe(ReadyState.CONNECTING);
    runFor(w, 10);
    expect(srv.events).toEqual([`open ${c.socket.connId}`]);
    expect(c.events).toEqual(["open", "msg challenge"]);
    expect(c.socket.readyState).toBe(ReadyState.OPEN);
    const accepts = kinds(w.scheduler.trace.events, "conn.accept").map((e) => e.data["side"]);
    expect(accepts).toEqual(["server", "client"]);
  });

  it("shows the server the client's loopback, LAN or tailnet address depending on what was dialled", () => {
    const w = world();
    const srv = server(w);
    client(w, "gw", "ws://localhost:18789");
    client(w, "gw", "ws://[::1]:18789");
    client(w, "laptop", "ws://192.0.2.10:18789");
    client(w, "phone", "ws://100.64.0.10:18789/socket?x=1", { "User-Agent": "cli/1", Origin: "http://x" });
    runFor(w, 100);
    const byConn = [...srv.requests].sort((a, b) => a.connId.localeCompare(b.connId));
    expect(byConn.map((r) => [r.remoteAddress, r.localAddress])).toEqual([
      ["127.0.0.1", "127.0.0.1"],
      ["::1", "::1"],
      ["192.0.2.11", "192.0.2.10"],
      ["100.64.0.11", "100.64.0.10"],
    ]);
    const last = byConn[3]!;
    expect(last.path).toBe("/socket?x=1");
    expect(last.headers).toEqual({ host: "100.64.0.10:18789", "user-agent": "cli/1", origin: "http://x" });
    const open = kinds(w.scheduler.trace.events, "conn.open")[3]!;
    expect(open.data).toMatchObject({ remoteAddress: "100.64.0.11", headers: { host: "100.64.0.10:18789" } });
  });

  it("refuses with ECONNREFUSED when nothing listens, or when the server is bound to loopback only", () => {
    const w = world();
    const nobody = client(w, "laptop", "ws://192.0.2.10:18789");
    server(w, { bind: "loopback" });
    const lan = client(w, "laptop", "ws://gw:18789");
    const local = client(w, "gw", "ws://127.0.0.1:18789");
    runFor(w, 50);
    expect(nobody.events).toEqual(["error ECONNREFUSED connect ECONNREFUSED 192.0.2.10:18789", 'close 1006 "" unclean']);
    expect(lan.events).toEqual(["error ECONNREFUSED connect ECONNREFUSED 192.0.2.10:18789", 'close 1006 "" unclean']);
    expect(local.events).toEqual(["open"]);
    expect(nobody.socket.readyState).toBe(ReadyState.CLOSED);
  });

  it("reports an HTTP refusal (503) as an unexpected response, then 1006", () => {
    const w = world();
    const srv = server(w, { verdict: () => refuseUpgrade(503, "Too many unauthenticated sockets") });
    const c = client(w, "laptop", "ws://gw:18789");
    runFor(w, 50);
    expect(c.events).toEqual(["unexpected 503 Too many unauthenticated sockets", 'close 1006 "" unclean']);
    expect(srv.events).toEqual([]);
    expect(kinds(w.scheduler.trace.events, "conn.refused")[0]?.data).toMatchObject({ status: 503 });
  });

  it("fails unknown names with ENOTFOUND and unreachable addresses with ETIMEDOUT after the connect timeout", () => {
    const w = world(1n, { connectTimeoutMs: 5_000 });
    server(w);
    const unknown = client(w, "laptop", "ws://nowhere.example:18789");
    const noRoute = client(w, "far", "ws://192.0.2.10:18789");
    runFor(w, 4_999);
    expect(unknown.events).toEqual(["error ENOTFOUND getaddrinfo ENOTFOUND nowhere.example", 'close 1006 "" unclean']);
    expect(noRoute.events).toEqual([]);
    runFor(w, 1);
    expect(noRoute.events).toEqual(["error ETIMEDOUT connect ETIMEDOUT 192.0.2.10:18789", 'close 1006 "" unclean']);
  });

  it("a failing dial closed by its client reports once, and nothing after (callbacks of a finished connection are dropped)", () => {
    const w = world();
    const unknown = client(w, "laptop", "ws://nowhere.example:18789");
    unknown.socket.close(); // already destroyed by the failed lookup: no abort error follows
    runFor(w, 10);
    unknown.socket.close();
    unknown.socket.terminate();
    w.network.reset(unknown.socket.connId);
    runFor(w, 10);
    expect(unknown.events).toEqual(["error ENOTFOUND getaddrinfo ENOTFOUND nowhere.example", 'close 1006 "" unclean']);
  });

  it("reports EADDRINUSE as a value, and lets a loopback and a tailnet listener share a port", () => {
    const w = world();
    const listener = { onUpgrade: () => ({ kind: "accept" as const }) };
    expect(w.network.listen({ host: "gw", port: 1, bind: "loopback", listener }).kind).toBe("listening");
    expect(w.network.listen({ host: "gw", port: 1, bind: "100.64.0.10", listener }).kind).toBe("listening");
    expect(w.network.listen({ host: "gw", port: 1, bind: "127.0.0.1", listener })).toEqual({ kind: "address-in-use" });
    expect(w.network.listen({ host: "gw", port: 1, listener })).toEqual({ kind: "address-in-use" });
  });

  it("aborts a connect when the client closes it while CONNECTING", () => {
    const w = world();
    const srv = server(w);
    const c = client(w, "laptop", "ws://gw:18789");
    c.socket.close(1000);
    expect(c.socket.readyState).toBe(ReadyState.CLOSING);
    runFor(w, 50);
    expect(c.events).toEqual(["error ABORTED WebSocket was closed before the connection was established", 'close 1006 "" unclean']);
    // the upgrade was already on its way: the server opens, then learns of the teardown
    expect(srv.events).toEqual([`open ${c.socket.connId}`, `close ${c.socket.connId} 1006 "" unclean`]);
  });
});
