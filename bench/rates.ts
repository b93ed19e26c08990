// Handshake rates against the crypto floor, measured side by side with tinybench: each round benches the floor
// and the harness tasks back to back (same process, same load), the floor before and after every harness task, and
// the ratio is taken within the round against the floor around the task.
import { Bench } from "tinybench";
import { cryptoFloor } from "./crypto-floor.ts";
import { handshakeWorld } from "./handshake.ts";

export const roundsDefault = 7;
const taskTimeMs = 300;
const warmupTimeMs = 50;
/**
 * Before the first round, every task runs this long unmeasured. The floor is native code; the harness is JavaScript
 * that V8 is still compiling (tiering up on a background thread, slow on a loaded machine) during the first
 * rounds, which then measured compilation rather than handshakes (rounds 1–2 well below rounds 3–5).
 */
const warmUpMs = 1_000;

export interface RateRound {
  cryptoBoundPerSecond: number;
  deviceSignedPerSecond: Record<string, number>;
  deviceLessPerSecond: number;
  /** Per paired count: the mean of the floor measured just before and just after that task (the ratio's divisor). */
  floorAround: Record<string, number>;
}

export interface RateSummary {
  rounds: number;
  pairedDevices: readonly number[];
  /** Medians over rounds of each task's median throughput (handshakes or sign+verify pairs per second). */
  cryptoBoundPerSecond: number;
  deviceSignedPerSecond: Record<string, number>;
  deviceLessPerSecond: number;
  /** Median over rounds of (device-signed rate / the floor around it), at the smallest paired count. */
  deviceSignedVsCryptoBound: number;
  /** The same ratio at each paired-device count (flat = the harness does not slow as the store grows). */
  deviceSignedVsCryptoBoundByPaired: Record<string, number>;
  perRound: RateRound[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function throughputMedian(bench: Bench, name: string): number {
  const result = bench.getTask(name)?.result;
  if (!result || !("throughput" in result)) throw new Error(`bench task ${name} did not complete`);
  return result.throughput.p50;
}

export function measureRates(options: { rounds: number; pairedDevices: readonly number[]; deviceLess?: boolean }): RateSummary {
  const floor = cryptoFloor();
  const signed = options.pairedDevices.map((paired) => ({ paired, world: handshakeWorld({ paired, withDevice: true }) }));
  const deviceLess = options.deviceLess === false ? undefined : handshakeWorld({ paired: 100, withDevice: false });
  const harness: [string, () => void][] = [...signed.map((s): [string, () => void] => [`device-signed/${s.paired}`, () => s.world.handshake()]), ...(deviceLess ? [["device-less", () => deviceLess.handshake()] as [string, () => void]] : [])];
  const floorRun = () => floor.signAndVerify();
  for (const [, run] of [["crypto-bound", floorRun] as const, ...harness]) {
    const until = performance.now() + warmUpMs;
    while (performance.now() < until) for (let i = 0; i < 50; i++) run();
  }
  const perRound: RateRound[] = [];
  for (let r = 0; r < options.rounds; r++) {
    // The floor is measured before the first harness task and after each one: a task's ratio divides by the mean of
    // the floor just before and just after it, so a drift of this VM's core speed within the round cancels out.
    const bench = new Bench({ time: taskTimeMs, warmupTime: warmupTimeMs });
    bench.add("crypto-bound#0", floorRun);
    harness.forEach(([name, run], i) => {
      bench.add(name, run);
      bench.add(`crypto-bound#${i + 1}`, floorRun);
    });
    bench.runSync();
    const floors = Array.from({ length: harness.length + 1 }, (_, i) => throughputMedian(bench, `crypto-bound#${i}`));
    const around = (i: number) => (floors[i]! + floors[i + 1]!) / 2;
    const at = (name: string) => harness.findIndex(([n]) => n === name);
    perRound.push({
      cryptoBoundPerSecond: median(floors),
      deviceSignedPerSecond: Object.fromEntries(signed.map((s) => [String(s.paired), throughputMedian(bench, `device-signed/${s.paired}`)])),
      deviceLessPerSecond: deviceLess ? throughputMedian(bench, "device-less") : Number.NaN,
      floorAround: Object.fromEntries(signed.map((s) => [String(s.paired), around(at(`device-signed/${s.paired}`))])),
    });
  }
  const key = (p: number) => String(p);
  const ratioAt = (p: number) => median(perRound.map((r) => r.deviceSignedPerSecond[key(p)]! / r.floorAround[key(p)]!));
  return {
    rounds: options.rounds,
    pairedDevices: options.pairedDevices,
    cryptoBoundPerSecond: Math.round(median(perRound.map((r) => r.cryptoBoundPerSecond))),
    deviceSignedPerSecond: Object.fromEntries(options.pairedDevices.map((p) => [key(p), Math.round(median(perRound.map((r) => r.deviceSignedPerSecond[key(p)]!)))])),
    deviceLessPerSecond: deviceLess ? Math.round(median(perRound.map((r) => r.deviceLessPerSecond))) : Number.NaN,
    deviceSignedVsCryptoBound: Number(ratioAt(options.pairedDevices[0]!).toFixed(3)),
    deviceSignedVsCryptoBoundByPaired: Object.fromEntries(options.pairedDevices.map((p) => [key(p), Number(ratioAt(p).toFixed(3))])),
    perRound,
  };
}

/**
 * The rates of several processes in one summary: each paired count measured in a process of its own (its floor
 * measured around it there), the first one with the device-less task. The headline ratio is the first count's.
 */
export function mergeRates(parts: readonly RateSummary[]): RateSummary {
  const first = parts[0]!;
  const union = <T>(pick: (r: RateSummary) => Record<string, T>) => Object.assign({}, ...parts.map(pick)) as Record<string, T>;
  return {
    rounds: first.rounds,
    pairedDevices: parts.flatMap((p) => p.pairedDevices),
    cryptoBoundPerSecond: Math.round(median(parts.map((p) => p.cryptoBoundPerSecond))),
    deviceSignedPerSecond: union((p) => p.deviceSignedPerSecond),
    deviceLessPerSecond: first.deviceLessPerSecond,
    deviceSignedVsCryptoBound: first.deviceSignedVsCryptoBound,
    deviceSignedVsCryptoBoundByPaired: union((p) => p.deviceSignedVsCryptoBoundByPaired),
    perRound: parts.flatMap((p) => p.perRound),
  };
}
