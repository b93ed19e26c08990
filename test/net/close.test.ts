import { describe, expect, it } from "vitest";
import { AssertionFailure } from "../../src/kernel/index.ts";
import { ReadyState } from "../../src/net/index.ts";
import { client, kinds, runFor, server, world, type World } from "./helpers.ts";

function openPair(w: World, from = "laptop") {
  const srv = server(w);
  const c = client(w, from, "ws://gw:18789");
  runFor(w, 20);
  const s = srv.sockets.get(c.socket.connId);
  if (!s) throw new Error("server end did not open");
  return { srv, c, s };
}

describe("close handshake", () => {
  const cases: [number, string][] = [
    [1000, ""],
    [1002, "protocol mismatch"],
    [1008, "pairing required"],
    [1009, "preauth payload too large"],
    [1013, "try again later"],
    [4000, "tick timeout"],
    [4001, "device removed"],
  ];

  for (const [code, reason] of cases) {
    it(`server closes ${code}: the client reports it cleanly, echoes, and the server reports the echo`, () => {
      const w = world();
      const { srv, c, s } = openPair(w);
      s.close(code, reason);
      expect(s.readyState).toBe(ReadyState.CLOSING);
      runFor(w, 20);
      expect(c.events).toEqual(["open", `close ${code} ${JSON.stringify(reason)} clean`]);
      expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} ${code} ${JSON.stringify(reason)} clean`);
      expect(s.readyState).toBe(ReadyState.CLOSED);
      expect(c.socket.readyState).toBe(ReadyState.CLOSED);
      const closes = kinds(w.scheduler.trace.events, "close").map((e) => [e.data["side"], e.data["code"], e.data["reason"], e.data["wasClean"]]);
      expect(closes).toEqual([
        ["client", code, reason, true],
        ["server", code, reason, true],
      ]);
    });
  }

  it("client-initiated close 4000 reaches the server, which reports before the client", () => {
    const w = world();
    const { srv, c } = openPair(w);
    c.socket.close(4000, "tick timeout");
    runFor(w, 20);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 4000 "tick timeout" clean`);
    expect(c.events.at(-1)).toBe('close 4000 "tick timeout" clean');
    const sides = kinds(w.scheduler.trace.events, "close").map((e) => e.data["side"]);
    expect(sides).toEqual(["server", "client"]);
  });

  it("passes a 120-byte reason through verbatim and refuses one above 123 bytes", () => {
    const w = world();
    const { c, s } = openPair(w);
    const reason = "é".repeat(60);
    expect(Buffer.byteLength(reason)).toBe(120);
    expect(() => s.close(1008, "x".repeat(124))).toThrow(AssertionFailure);
    expect(() => s.close(1006)).toThrow(AssertionFailure);
    s.close(1008, reason);
    runFor(w, 20);
    expect(c.events.at(-1)).toBe(`close 1008 ${JSON.stringify(reason)} clean`);
  });

  it("close() without a code sends an empty close frame: both ends report 1005", () => {
    const w = world();
    const { srv, c, s } = openPair(w);
    s.close();
    runFor(w, 20);
    expect(c.events.at(-1)).toBe('close 1005 "" clean');
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1005 "" clean`);
  });

  it("a simultaneous close: each end reports the other's code without a further echo", () => {
    const w = world();
    const { srv, c, s } = openPair(w);
    s.close(1008, "server");
    c.socket.close(4000, "client");
    runFor(w, 20);
    expect(c.events.at(-1)).toBe('close 1008 "server" clean');
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 4000 "client" clean`);
    expect(kinds(w.scheduler.trace.events, "frame.send").filter((e) => e.data["packet"] === "close")).toHaveLength(2);
  });

  it("frames sent before a close arrive before it; nothing can be sent once CLOSING", () => {
    const w = world();
    const { c, s } = openPair(w);
    s.send("a");
    s.send("b");
    s.close(1000, "bye");
    expect(s.send("late")).toEqual({ kind: "not-open", readyState: ReadyState.CLOSING });
    runFor(w, 20);
    expect(c.events).toEqual(["open", "msg a", "msg b", 'close 1000 "bye" clean']);
  });

  it("terminate: the peer reports 1006 with an empty reason, unclean; so does the terminating end", () => {
    const w = world();
    const { srv, c, s } = openPair(w);
    s.terminate();
    expect(s.readyState).toBe(ReadyState.CLOSING);
    runFor(w, 20);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1006 "" unclean`);
    expect(c.events.at(-1)).toBe('close 1006 "" unclean');
  });

  it("the server going away (unlisten) resets its sockets: clients see 1006, the gone server hears nothing", () => {
    const w = world();
    const { srv, c } = openPair(w);
    w.network.unlisten(srv.handle);
    runFor(w, 20);
    expect(c.events.at(-1)).toBe('close 1006 "" unclean');
    expect(srv.events).toEqual([`open ${c.socket.connId}`]);
    const again = client(w, "laptop", "ws://gw:18789");
    runFor(w, 20);
    expect(again.events[0]).toMatch(/^error ECONNREFUSED/);
  });

  it("a closer whose echo never comes gives up after the close timeout with 1006", () => {
    const w = world(1n, { closeTimeoutMs: 1_000 });
    const { c, s } = openPair(w);
    // the client's echo is lost
    w.network.addRule({ name: "eat echoes", decide: (p) => (p.kind === "close" && p.direction === "c2s" ? { kind: "drop" } : { kind: "pass" }) });
    s.close(1008, "pairing required");
    runFor(w, 999);
    expect(c.events.at(-1)).toBe('close 1008 "pairing required" clean');
    expect(s.readyState).toBe(ReadyState.CLOSING);
    runFor(w, 10);
    expect(s.readyState).toBe(ReadyState.CLOSED);
    const serverClose = kinds(w.scheduler.trace.events, "close").find((e) => e.data["side"] === "server");
    expect(serverClose?.data).toMatchObject({ code: 1006, reason: "", wasClean: false });
    expect(serverClose?.atMs).toBeGreaterThanOrEqual(1_000);
  });
});

describe("maxPayload", () => {
  it("a frame above the receiver's limit: receiver errors and closes 1009 like ws, the sender reports 1009", () => {
    const w = world();
    const { srv, c, s } = openPair(w);
    s.setMaxPayload(64);
    c.socket.send("x".repeat(64));
    c.socket.send("y".repeat(65));
    c.socket.send("after");
    runFor(w, 20);
    expect(srv.events).toEqual([
      `open ${c.socket.connId}`,
      `msg ${c.socket.connId} ${"x".repeat(64)}`,
      `error ${c.socket.connId} WS_ERR_UNSUPPORTED_MESSAGE_LENGTH Max payload size exceeded`,
      `close ${c.socket.connId} 1006 "" unclean`,
    ]);
    expect(c.events).toEqual(["open", 'close 1009 "" clean']);
    const dropped = kinds(w.scheduler.trace.events, "frame.drop").filter((e) => e.data["packet"] === "frame").map((e) => e.data["reason"]);
    expect(dropped).toEqual(["max-payload", "receiver-failed"]);
  });

  it("counts UTF-8 bytes, and the client's own limit applies to what the server sends", () => {
    const w = world();
    const srv = server(w, { onOpen: (s) => s.send("é".repeat(6)) });
    const c = client(w, "laptop", "ws://gw:18789", {}, { maxPayloadBytes: 11 });
    runFor(w, 20);
    expect(c.events).toEqual(["open", "error WS_ERR_UNSUPPORTED_MESSAGE_LENGTH Max payload size exceeded", 'close 1006 "" unclean']);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1009 "" clean`);
  });
});
