// FakeTimerBinding (src/kernel/fake-timers.ts): code that reads ambient timers, Date, Math.random and
// crypto.randomUUID runs on the kernel's virtual time and seeded streams while entered, and sees the real ones
// after. Needs no network: these run even when the real client package cannot be installed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AssertionFailure, FakeTimerBinding, NodeClock, Scheduler } from "../../src/kernel/index.ts";

function setup(seed = 1n) {
  const scheduler = new Scheduler(seed);
  const wall = new NodeClock(scheduler.clock);
  const binding = new FakeTimerBinding({ scheduler, wallClock: wall, actor: "code", random: scheduler.stream("random"), uuid: scheduler.stream("uuid") });
  return { scheduler, wall, binding, epoch: scheduler.clock.epochMs };
}

/** Runs `start` as a kernel event and the async loop for `ms`, entered. */
async function run(s: ReturnType<typeof setup>, ms: number, start: () => void): Promise<void> {
  s.scheduler.schedule(0, { actor: "test", label: "start" }, start);
  s.binding.enter();
  try {
    await s.scheduler.runUntilAsync(s.scheduler.nowMs() + ms);
  } finally {
    s.binding.exit();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("FakeTimerBinding", () => {
  it("an async loop of sleeps wakes at virtual 1, 3, 7 s with Date.now in step, and leaves no timer behind", async () => {
    const s = setup();
    const woke: number[] = [];
    await run(s, 60_000, () => {
      void (async () => {
        for (const ms of [1_000, 2_000, 4_000]) {
          await sleep(ms);
          woke.push(Date.now() - s.epoch);
        }
      })();
    });
    expect(woke).toEqual([1_000, 3_000, 7_000]);
    expect(s.binding.pendingTimers()).toBe(0);
    expect(s.scheduler.trace.events.filter((e) => e.kind === "timer.fire" && e.data["label"] === "fake-timers").map((e) => e.atMs)).toEqual([1_000, 3_000, 7_000]);
  });

  it("setInterval ticks on virtual time until cleared", async () => {
    const s = setup();
    const ticks: number[] = [];
    await run(s, 10_000, () => {
      const id = setInterval(() => {
        ticks.push(Date.now() - s.epoch);
        if (ticks.length === 3) clearInterval(id);
      }, 1_500);
    });
    expect(ticks).toEqual([1_500, 3_000, 4_500]);
  });

  it("a host clock jump moves Date but not a pending timer", async () => {
    const s = setup();
    let firedAtVirtual = -1;
    let dateAtFire = -1;
    await run(s, 10_000, () => {
      setTimeout(() => {
        firedAtVirtual = s.scheduler.nowMs();
        dateAtFire = Date.now() - s.epoch;
      }, 5_000);
      s.scheduler.schedule(1_000, { actor: "test", label: "jump" }, () => s.wall.jump(3_600_000));
    });
    expect(firedAtVirtual).toBe(5_000);
    expect(dateAtFire).toBe(5_000 + 3_600_000);
  });

  it("Math.random and crypto.randomUUID draw from the seed while entered, and are the real ones after", async () => {
    const draws = async (seed: bigint) => {
      const s = setup(seed);
      let got: [number, string] = [0, ""];
      await run(s, 1, () => {
        got = [Math.random(), randomUUID()];
      });
      return got;
    };
    const a = await draws(5n);
    expect(await draws(5n)).toEqual(a);
    expect((await draws(6n))[0]).not.toBe(a[0]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[0]).toBeLessThan(1);
    expect(a[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUUID()).not.toBe(a[1]);
  });

  it("exit restores the real globals", async () => {
    const before = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, Date: globalThis.Date, random: Math.random };
    const s = setup();
    await run(s, 1, () => {
      expect(globalThis.setTimeout).not.toBe(before.setTimeout);
      expect(globalThis.Date).not.toBe(before.Date);
    });
    expect({ setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, Date: globalThis.Date, random: Math.random }).toEqual(before);
  });

  it("a fake timer that comes due outside an entered async run is a crash, not a silent real timer", async () => {
    const s = setup();
    await run(s, 1, () => {
      setTimeout(() => undefined, 100);
    });
    await expect(s.scheduler.runUntilAsync(1_000)).rejects.toThrow(AssertionFailure);
  });

  it("only one binding may be entered at a time", () => {
    const a = setup();
    const b = setup();
    a.binding.enter();
    try {
      expect(() => b.binding.enter()).toThrow(AssertionFailure);
    } finally {
      a.binding.exit();
    }
  });
});
