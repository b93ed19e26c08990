import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { always, ratio, type TraceEvent } from "../../src/kernel/index.ts";
import { drop, duplicate, latency, ReadyState, reorder, reset, slowClose } from "../../src/net/index.ts";
import { client, kinds, runFor, server, world, type World } from "./helpers.ts";

function openPair(w: World, from = "laptop", url = "ws://gw:18789") {
  const srv = server(w);
  const c = client(w, from, url);
  runFor(w, 100);
  const s = srv.sockets.get(c.socket.connId);
  if (!s) throw new Error("server end did not open");
  return { srv, c, s };
}

function sendAll(send: (text: string) => unknown, count: number, prefix = "m"): string[] {
  const texts = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  for (const t of texts) send(t);
  return texts;
}

/** (deliverAt − sendAt) per delivered frame, matched by connection, direction and sequence number. */
function frameDelays(events: readonly TraceEvent[]): number[] {
  const sent = new Map<string, number>();
  const delays: number[] = [];
  for (const e of events) {
    if (e.data["packet"] !== "frame") continue;
    const key = `${e.data["connId"]}/${e.data["dir"]}/${e.data["n"]}`;
    if (e.kind === "frame.send") sent.set(key, e.atMs);
    if (e.kind === "frame.deliver") delays.push(e.atMs - (sent.get(key) ?? Number.NaN));
  }
  return delays;
}

describe("fault rules", () => {
  it("drop: fewer frames arrive, each loss is traced; ratio 1/1 loses them all", () => {
    const w = world(7n);
    const { srv, c } = openPair(w);
    w.network.addRule(drop({ ratio: ratio(1, 2) }));
    sendAll((t) => c.socket.send(t), 200);
    runFor(w, 100);
    const drops = kinds(w.scheduler.trace.events, "frame.drop");
    expect(srv.received.length).toBeGreaterThan(50);
    expect(srv.received.length).toBeLessThan(150);
    expect(srv.received.length + drops.length).toBe(200);
    expect(kinds(w.scheduler.trace.events, "fault").filter((e) => e.data["verdict"] === "drop")).toHaveLength(drops.length);

    const w2 = world(7n);
    const pair2 = openPair(w2);
    w2.network.addRule(drop({ ratio: always }));
    sendAll((t) => pair2.c.socket.send(t), 10);
    runFor(w2, 100);
    expect(pair2.srv.received).toEqual([]);
  });

  it("duplicate: each frame is delivered twice, back to back", () => {
    const w = world();
    const { srv, c } = openPair(w);
    w.network.addRule(duplicate({ ratio: always }));
    sendAll((t) => c.socket.send(t), 3);
    runFor(w, 50);
    expect(srv.received.map((r) => r.text)).toEqual(["m0", "m0", "m1", "m1", "m2", "m2"]);
    expect(kinds(w.scheduler.trace.events, "frame.duplicate")).toHaveLength(3);
  });

  it("reorder: for some seed the arrival order changes, and nothing is lost", () => {
    const orders: string[][] = [];
    for (let seed = 1n; seed <= 5n; seed++) {
      const w = world(seed);
      const { srv, c } = openPair(w);
      w.network.addRule(reorder({ ratio: ratio(1, 3), maxExtraMs: 10 }));
      const sent = sendAll((t) => c.socket.send(t), 20);
      runFor(w, 100);
      const got = srv.received.map((r) => r.text);
      expect([...got].sort()).toEqual([...sent].sort());
      orders.push(got);
    }
    const inOrder = Array.from({ length: 20 }, (_, i) => `m${i}`);
    expect(orders.some((o) => o.join() !== inOrder.join())).toBe(true);
  });

  it("without faults every direction is FIFO, whatever the seed and the sending pattern", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.array(fc.nat(5), { minLength: 1, maxLength: 30 }), (seed, gaps) => {
        const w = world(seed);
        const { srv, c } = openPair(w, "phone", "ws://100.64.0.10:18789");
        const sent: string[] = [];
        gaps.forEach((gapMs, i) => {
          w.network.after(gapMs * i, () => {
            expect(c.socket.send(`m${i}`).kind).toBe("sent");
            sent.push(`m${i}`);
          });
        });
        runFor(w, 500);
        expect(srv.received.map((r) => r.text)).toEqual(sent);
      }),
      { numRuns: 50 },
    );
  });

  it("hold/release: nothing arrives until release, then everything in order", () => {
    const w = world();
    const { srv, c } = openPair(w);
    const held = w.network.hold({ connId: c.socket.connId, direction: "c2s", kinds: ["frame"] });
    const sent = sendAll((t) => c.socket.send(t), 5);
    runFor(w, 10_000);
    expect(srv.received).toEqual([]);
    expect(w.network.heldBy(held)).toBe(5);
    expect(w.network.release(held)).toBe(5);
    runFor(w, 20);
    expect(srv.received.map((r) => r.text)).toEqual(sent);
    expect(kinds(w.scheduler.trace.events, "frame.hold")).toHaveLength(5);
    const sends = kinds(w.scheduler.trace.events, "frame.send").filter((e) => e.data["packet"] === "frame");
    // n counts every packet on the direction; n=1 was the upgrade
    expect(sends.map((e) => [e.data["dir"], e.data["n"], e.data["text"], e.data["bytes"]])).toEqual(sent.map((t, i) => ["c2s", i + 2, t, 2]));
    expect(kinds(w.scheduler.trace.events, "frame.release")).toHaveLength(5);
    // the rule is gone: later frames flow
    c.socket.send("later");
    runFor(w, 20);
    expect(srv.received.at(-1)?.text).toBe("later");
  });

  it("partition: frames vanish both ways and new connects time out; healing restores both", () => {
    const w = world(1n, { connectTimeoutMs: 5_000 });
    const { srv, c, s } = openPair(w);
    const cut = w.network.partition("laptop", "gw");
    c.socket.send("lost up");
    s.send("lost down");
    const blocked = client(w, "laptop", "ws://gw:18789");
    const other = client(w, "phone", "ws://100.64.0.10:18789");
    runFor(w, 5_100);
    expect(srv.received).toEqual([]);
    expect(c.events).toEqual(["open"]);
    expect(blocked.events).toEqual(["error ETIMEDOUT connect ETIMEDOUT 192.0.2.10:18789", 'close 1006 "" unclean']);
    expect(other.events).toEqual(["open"]);

    cut.remove();
    c.socket.send("after heal");
    const fresh = client(w, "laptop", "ws://gw:18789");
    runFor(w, 20);
    expect(srv.received.map((r) => r.text)).toEqual(["after heal"]);
    expect(fresh.events).toEqual(["open"]);
  });

  it("reset at a virtual time: both ends report 1006 at that instant", () => {
    const w = world();
    const { srv, c } = openPair(w);
    w.network.at(500, () => w.network.reset(c.socket.connId));
    runFor(w, 1_000);
    expect(c.events).toEqual(["open", 'close 1006 "" unclean']);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1006 "" unclean`);
    const closes = kinds(w.scheduler.trace.events, "close");
    expect(closes.map((e) => e.atMs)).toEqual([500, 500]);
    expect(c.socket.send("x")).toEqual({ kind: "not-open", readyState: ReadyState.CLOSED });
  });

  it("reset rule: the first frame after the given time resets the connection and is lost", () => {
    const w = world();
    const { srv, c } = openPair(w);
    w.network.addRule(reset({ connId: c.socket.connId, atMs: 200 }));
    c.socket.send("before");
    runFor(w, 100);
    expect(srv.received.map((r) => r.text)).toEqual(["before"]);
    c.socket.send("trigger");
    runFor(w, 20);
    expect(srv.received.map((r) => r.text)).toEqual(["before"]);
    expect(c.events.at(-1)).toBe('close 1006 "" unclean');
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1006 "" unclean`);
  });

  it("slow close: the closer never gets the echo and times out; the peer never learns until release", () => {
    const w = world();
    const { c, s } = openPair(w);
    const stuck = w.network.addRule(slowClose({ fromHost: "gw" }));
    s.close(1008, "pairing required");
    runFor(w, 29_000);
    expect(s.readyState).toBe(ReadyState.CLOSING);
    runFor(w, 2_000);
    expect(s.readyState).toBe(ReadyState.CLOSED);
    const serverClose = kinds(w.scheduler.trace.events, "close").find((e) => e.data["side"] === "server");
    expect(serverClose?.data).toMatchObject({ code: 1006, wasClean: false });
    runFor(w, 60_000);
    expect(c.socket.readyState).toBe(ReadyState.OPEN);
    expect(c.events).toEqual(["open"]);
    stuck.remove();
    runFor(w, 20);
    expect(c.events).toEqual(["open", 'close 1008 "pairing required" clean']);
  });

  it("latency: base LAN latency is 1–3 ms; a latency rule adds its range and keeps FIFO", () => {
    const w = world(3n);
    const { srv, c } = openPair(w);
    sendAll((t) => c.socket.send(t), 30);
    runFor(w, 10);
    const base = frameDelays(w.scheduler.trace.events);
    expect(base).toHaveLength(30);
    for (const d of base) expect(d).toBeGreaterThanOrEqual(1);
    // FIFO may hold a frame behind a slower one, but never beyond the slowest draw
    for (const d of base) expect(d).toBeLessThanOrEqual(3);

    const w2 = world(3n);
    const pair = openPair(w2);
    w2.network.addRule(latency({ minMs: 100, maxMs: 200 }));
    const sent = sendAll((t) => pair.c.socket.send(t), 30);
    runFor(w2, 500);
    const slowed = frameDelays(w2.scheduler.trace.events);
    expect(slowed).toHaveLength(30);
    for (const d of slowed) {
      expect(d).toBeGreaterThanOrEqual(101);
      expect(d).toBeLessThanOrEqual(203);
    }
    expect(pair.srv.received.map((r) => r.text)).toEqual(sent);
    expect(srv.received).toHaveLength(30);
  });

  it("the first non-pass verdict wins: a latency rule ahead of a drop rule hides it", () => {
    const w = world();
    const { srv, c } = openPair(w);
    w.network.addRule(latency({ minMs: 5, maxMs: 5 }));
    w.network.addRule(drop({ ratio: always }));
    sendAll((t) => c.socket.send(t), 3);
    runFor(w, 50);
    expect(srv.received).toHaveLength(3);
    const faults = kinds(w.scheduler.trace.events, "fault").filter((e) => e.data["verdict"] !== undefined);
    expect(faults.map((e) => [e.data["rule"], e.data["verdict"], e.data["ms"]])).toEqual([
      ["latency 5-5ms", "delay", 5],
      ["latency 5-5ms", "delay", 5],
      ["latency 5-5ms", "delay", 5],
    ]);
  });

  it("partitioned upgrades never reach the server; a dropped 101 leaves the server open until the client gives up", () => {
    const w = world(1n, { connectTimeoutMs: 2_000 });
    const srv = server(w);
    w.network.addRule(drop({ ratio: always, match: { kinds: ["upgrade-response"] } }));
    const c = client(w, "laptop", "ws://gw:18789");
    runFor(w, 100);
    expect(srv.events).toEqual([`open ${c.socket.connId}`]);
    runFor(w, 2_000);
    expect(c.events).toEqual(["error ETIMEDOUT connect ETIMEDOUT 192.0.2.10:18789", 'close 1006 "" unclean']);
    expect(srv.events.at(-1)).toBe(`close ${c.socket.connId} 1006 "" unclean`);
  });
});
