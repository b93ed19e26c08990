import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IndexedQueue, KeyHeap, NodeClock, Scheduler, Trace, VirtualClock, canonicalJson, queueLengthMax, traceHash } from "../../src/kernel/index.ts";

describe("indexed queue and key heap", () => {
  const key = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 }));
  it("an indexed queue pops the entries not removed in (time, tie-break, sequence) order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 200 }), (items) => {
        const q = new IndexedQueue<{ atMs: number; tieBreak: number; seq: number; heapIndex: number }>();
        const entries = items.map(([[atMs, tieBreak]], seq) => ({ atMs, tieBreak, seq, heapIndex: -1 }));
        for (const e of entries) q.push(e);
        items.forEach(([, removed], i) => removed && q.remove(entries[i]!));
        const out: number[] = [];
        for (let e = q.pop(); e; e = q.pop()) out.push(e.seq);
        const kept = entries.filter((_, i) => !items[i]![1]).sort((a, b) => a.atMs - b.atMs || a.tieBreak - b.tieBreak || a.seq - b.seq);
        return JSON.stringify(out) === JSON.stringify(kept.map((e) => e.seq));
      }),
    );
  });

  it("a key heap drops exactly the keys before a bound", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.tuple(fc.constant("push" as const), key), fc.tuple(fc.constant("drop" as const), key)), { maxLength: 300 }), (ops) => {
        const h = new KeyHeap();
        let model: [number, number, number][] = [];
        ops.forEach(([op, [atMs, tieBreak]], seq) => {
          if (op === "push") {
            h.push({ atMs, tieBreak, seq });
            model.push([atMs, tieBreak, seq]);
          } else {
            h.dropBefore({ atMs, tieBreak, seq });
            model = model.filter(([a, t, s]) => !(a < atMs || (a === atMs && (t < tieBreak || (t === tieBreak && s < seq)))));
          }
        });
        const before = h.length === model.length;
        h.dropBefore(undefined);
        return before && h.length === 0;
      }),
    );
  });
});

describe("scheduler", () => {
  it("runs events in virtual time and never reads the wall clock", () => {
    const s = new Scheduler(1n);
    const seen: number[] = [];
    s.schedule(500, { actor: "a", label: "x" }, () => void seen.push(s.nowMs()));
    s.schedule(100, { actor: "a", label: "y" }, () => void seen.push(s.nowMs()));
    const outcome = s.run();
    expect(seen).toEqual([100, 500]);
    expect(outcome).toEqual({ kind: "quiescent", steps: 2, atMs: 500 });
  });

  it("orders same-instant events by the seeded tie-break, so seeds choose interleavings", () => {
    const orders = new Set<string>();
    for (let seed = 0n; seed < 20n; seed++) {
      const s = new Scheduler(seed);
      const order: string[] = [];
      for (const name of ["a", "b", "c"]) s.schedule(10, { actor: name, label: name }, () => void order.push(name));
      s.run();
      orders.add(order.join(""));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("cancelled events do not run", () => {
    const s = new Scheduler(1n);
    let ran = false;
    const id = s.schedule(10, { actor: "a", label: "x" }, () => void (ran = true));
    s.cancel(id);
    expect(s.run().kind).toBe("quiescent");
    expect(ran).toBe(false);
  });

  it("reports a step budget overrun instead of hanging on an endless loop", () => {
    const s = new Scheduler(1n, { budgets: { stepsMax: 1000 } });
    const loop = () => void s.schedule(0, { actor: "loop", label: "again" }, loop);
    loop();
    expect(s.run()).toMatchObject({ kind: "budget-exceeded", budget: "steps", steps: 1000 });
  });

  it("reports a virtual-time budget overrun for a timer that keeps re-arming", () => {
    const s = new Scheduler(1n, { budgets: { virtualTimeMsMax: 60_000 } });
    const tick = () => void s.schedule(1000, { actor: "t", label: "tick" }, tick);
    tick();
    const outcome = s.run();
    expect(outcome).toMatchObject({ kind: "budget-exceeded", budget: "virtual-time" });
    expect(outcome.atMs).toBeLessThanOrEqual(60_000);
  });

  it("runUntil stops at the given instant and leaves later events queued", () => {
    const s = new Scheduler(1n);
    const seen: number[] = [];
    for (const t of [100, 200, 300]) s.schedule(t, { actor: "a", label: "x" }, () => void seen.push(t));
    expect(s.runUntil(250)).toMatchObject({ kind: "reached", atMs: 250 });
    expect(seen).toEqual([100, 200]);
    expect(s.nextAtMs()).toBe(300);
  });

  it("async mode lets promise callbacks settle between events, deterministically", async () => {
    const run = async () => {
      const s = new Scheduler(3n);
      const log: string[] = [];
      s.schedule(10, { actor: "p", label: "p" }, async () => {
        await Promise.resolve();
        log.push(`p@${s.nowMs()}`);
        s.schedule(5, { actor: "q", label: "q" }, () => void log.push(`q@${s.nowMs()}`));
      });
      await s.runAsync();
      return log;
    };
    expect(await run()).toEqual(["p@10", "q@15"]);
    expect(await run()).toEqual(await run());
  });
});

describe("clocks", () => {
  it("node clocks apply offset, drift and jumps", () => {
    const vc = new VirtualClock(1_000_000);
    const c = new NodeClock(vc, { offsetMs: -300, driftPpm: 1000 });
    expect(c.nowMs()).toBe(1_000_000 - 300);
    vc.advanceTo(10_000);
    expect(c.nowMs()).toBe(1_000_000 + 10_000 - 300 + 10);
    c.jump(5_000);
    expect(c.skewMs()).toBe(-300 + 10 + 5_000);
  });

  it("virtual time never goes back", () => {
    const vc = new VirtualClock();
    vc.advanceTo(10);
    expect(() => vc.advanceTo(5)).toThrow(/cannot go back/);
  });
});

describe("trace", () => {
  it("serialises canonically (sorted keys) and hashes the same data the same way", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    const t1 = new Trace();
    const t2 = new Trace();
    t1.record(0, "x", "note", { b: 1, a: 2 });
    t2.record(0, "x", "note", { a: 2, b: 1 });
    expect(t1.hash()).toBe(t2.hash());
    t2.record(1, "x", "note", {});
    expect(traceHash(t1.events)).not.toBe(t2.hash());
  });
});

describe("event-queue limit", () => {
  it("a run that queues more than queueLengthMax events ends with a queue-length budget outcome, not a crash", () => {
    const s = new Scheduler(1n);
    s.schedule(0, { actor: "flood", label: "flood" }, () => {
      for (let i = 0; i <= queueLengthMax; i++) s.schedule(1_000, { actor: "flood", label: "x" }, () => {});
    });
    expect(s.run()).toMatchObject({ kind: "budget-exceeded", budget: "queue-length", steps: 1 });
  });

  it("cancelled events count until nothing live is before them (as a queue keeping them until they reach its head)", () => {
    // Cancelled after a live event: still counted, so the budget ends the run.
    const late = new Scheduler(1n);
    late.schedule(0, { actor: "flood", label: "flood" }, () => {
      late.schedule(500, { actor: "flood", label: "live" }, () => {});
      for (let i = 0; i <= queueLengthMax; i++) late.cancel(late.schedule(1_000, { actor: "flood", label: "x" }, () => {}));
    });
    expect(late.run()).toMatchObject({ kind: "budget-exceeded", budget: "queue-length", steps: 1 });
    // Cancelled before every live event: dropped before the count, so the run goes on.
    const early = new Scheduler(1n);
    early.schedule(0, { actor: "flood", label: "flood" }, () => {
      early.schedule(500, { actor: "flood", label: "live" }, () => {});
      for (let i = 0; i <= queueLengthMax; i++) early.cancel(early.schedule(100, { actor: "flood", label: "x" }, () => {}));
    });
    expect(early.run()).toMatchObject({ kind: "quiescent", steps: 2 });
  });
});
