import { describe, expect, it } from "vitest";
import { client, runFor, server, world } from "./helpers.ts";

describe("reverse proxy", () => {
  it("the server sees the proxy as its peer and the client in X-Forwarded-For/-Proto/-Host", () => {
    const w = world();
    const srv = server(w, { echo: true });
    expect(w.network.addProxy({ proxyHost: "edge", port: 443, forTarget: { host: "gw", port: 18789 } }).kind).toBe("listening");
    const c = client(w, "laptop", "wss://edge/ws", { "User-Agent": "ui" });
    runFor(w, 50);
    c.socket.send("hi");
    runFor(w, 50);
    expect(c.events).toEqual(["open", "msg echo:hi"]);
    const req = srv.requests[0]!;
    expect(req.remoteAddress).toBe("198.51.100.10");
    expect(req.localAddress).toBe("192.0.2.10");
    expect(req.encrypted).toBe(false);
    expect(req.headers).toEqual({
      host: "edge",
      "user-agent": "ui",
      "x-forwarded-for": "192.0.2.11",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "edge",
    });
  });

  it("appends to a client-sent X-Forwarded-For by default and replaces it when told to", () => {
    const w = world();
    const srv = server(w);
    w.network.addProxy({ proxyHost: "edge", port: 80, forTarget: { host: "gw", port: 18789 }, xRealIp: true });
    w.network.addProxy({ proxyHost: "edge", port: 81, forTarget: { host: "gw", port: 18789 }, xForwardedFor: "replace" });
    client(w, "laptop", "ws://edge:80", { "X-Forwarded-For": "127.0.0.1" });
    runFor(w, 50);
    client(w, "laptop", "ws://edge:81", { "X-Forwarded-For": "127.0.0.1" });
    runFor(w, 50);
    expect(srv.requests.map((r) => [r.headers["x-forwarded-for"], r.headers["x-real-ip"], r.headers["x-forwarded-proto"]])).toEqual([
      ["127.0.0.1, 192.0.2.11", "192.0.2.11", "http"],
      ["192.0.2.11", undefined, "http"],
    ]);
  });

  it("a proxy on the gateway's own host (Tailscale Serve) shows a loopback peer plus identity headers", () => {
    const w = world();
    w.network.addDnsName("gw.tail1234.ts.net", "100.64.0.10");
    const srv = server(w, { bind: "loopback" });
    w.network.addProxy({
      proxyHost: "gw",
      port: 443,
      bind: "100.64.0.10",
      forTarget: { host: "gw", port: 18789 },
      stripHeaders: ["tailscale-user-login"],
      addHeaders: (peer): Record<string, string> =>
        peer.host === "phone" ? { "Tailscale-User-Login": "alice@example.com", "Tailscale-User-Name": "Alice" } : {},
    });
    const c = client(w, "phone", "wss://gw.tail1234.ts.net", { "tailscale-user-login": "mallory@example.com" });
    runFor(w, 100);
    expect(c.events).toEqual(["open"]);
    const req = srv.requests[0]!;
    expect(req.remoteAddress).toBe("127.0.0.1");
    expect(req.headers).toMatchObject({
      host: "gw.tail1234.ts.net",
      "x-forwarded-for": "100.64.0.11",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "gw.tail1234.ts.net",
      "tailscale-user-login": "alice@example.com",
      "tailscale-user-name": "Alice",
    });
  });

  it("answers 502 when nothing listens behind it, and a partition on the client's hop blocks it", () => {
    const w = world(1n, { connectTimeoutMs: 3_000 });
    w.network.addProxy({ proxyHost: "edge", port: 80, forTarget: { host: "gw", port: 18789 } });
    const bad = client(w, "laptop", "ws://edge");
    runFor(w, 50);
    expect(bad.events).toEqual(["unexpected 502 Bad Gateway", 'close 1006 "" unclean']);

    const srv = server(w);
    const cut = w.network.partition("laptop", "edge");
    const blocked = client(w, "laptop", "ws://edge");
    runFor(w, 3_100);
    expect(blocked.events[0]).toMatch(/^error ETIMEDOUT/);
    expect(srv.requests).toEqual([]);
    cut.remove();
    const ok = client(w, "laptop", "ws://edge");
    runFor(w, 50);
    expect(ok.events).toEqual(["open"]);
  });

  it("a TCP port forward (Docker's -p) adds no headers, and resets the connection when nothing listens behind it", () => {
    const w = world();
    w.network.addProxy({ proxyHost: "laptop", port: 18789, bind: "loopback", forTarget: { host: "gw", port: 18789 }, tcp: true });
    const loopbackOnly = server(w, { bind: "loopback" });
    const reset = client(w, "laptop", "ws://127.0.0.1:18789", { Origin: "http://localhost:18789" });
    runFor(w, 50);
    expect(reset.events).toEqual(["error ECONNRESET socket hang up", 'close 1006 "" unclean']);
    expect(loopbackOnly.requests).toEqual([]);
    w.network.unlisten(loopbackOnly.handle);
    const srv = server(w);
    const ok = client(w, "laptop", "ws://127.0.0.1:18789", { Origin: "http://localhost:18789" });
    runFor(w, 50);
    expect(ok.events).toEqual(["open"]);
    expect(srv.requests[0]!.remoteAddress).toBe("192.0.2.11");
    expect(srv.requests[0]!.headers).toEqual({ host: "127.0.0.1:18789", origin: "http://localhost:18789" });
    // On another host the forward bound to loopback is not there.
    const far = client(w, "gw", "ws://192.0.2.11:18789");
    runFor(w, 50);
    expect(far.events[0]).toMatch(/^error ECONNREFUSED/);
  });

  it("removing the proxy resets the connections through it on both ends", () => {
    const w = world();
    const srv = server(w);
    const proxy = w.network.addProxy({ proxyHost: "edge", port: 80, forTarget: { host: "gw", port: 18789 } });
    if (proxy.kind !== "listening") throw new Error("proxy did not listen");
    const c = client(w, "laptop", "ws://edge");
    runFor(w, 50);
    w.network.unlisten(proxy.handle);
    runFor(w, 10);
    expect(c.events).toEqual(["open", 'close 1006 "" unclean']);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1006 "" unclean`);
  });
});
