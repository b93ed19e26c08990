// Handshake rates against the crypto floor, measured side by side with tinybench: each round benches the floor
// and the harness tasks back to back (same process, same load), and the ratio is taken within the round.
import { Bench } from "tinybench";
import { cryptoFloor } from "./crypto-floor.ts";
import { handshakeWorld } from "./handshake.ts";

export const roundsDefault = 5;
const taskTimeMs = 400;
const warmupTimeMs = 100;

export interface RateRound {
  cryptoBoundPerSecond: number;
  deviceSignedPerSecond: Record<string, number>;
  deviceLessPerSecond: number;
}

export interface RateSummary {
  rounds: number;
  pairedDevices: readonly number[];
  /** Medians over rounds of each task's median throughput (handshakes or sign+verify pairs per second). */
  cryptoBoundPerSecond: number;
  deviceSignedPerSecond: Record<string, number>;
  deviceLessPerSecond: number;
  /** Median over rounds of (device-signed rate / crypto-bound rate), at the smallest paired count. */
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

export function measureRates(options: { rounds: number; pairedDevices: readonly number[] }): RateSummary {
  const floor = cryptoFloor();
  const signed = options.pairedDevices.map((paired) => ({ paired, world: handshakeWorld({ paired, withDevice: true }) }));
  const deviceLess = handshakeWorld({ paired: 100, withDevice: false });
  const perRound: RateRound[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const bench = new Bench({ time: taskTimeMs, warmupTime: warmupTimeMs });
    bench.add("crypto-bound", () => floor.signAndVerify());
    for (const s of signed) bench.add(`device-signed/${s.paired}`, () => s.world.handshake());
    bench.add("device-less", () => deviceLess.handshake());
    bench.runSync();
    perRound.push({
      cryptoBoundPerSecond: throughputMedian(bench, "crypto-bound"),
      deviceSignedPerSecond: Object.fromEntries(signed.map((s) => [String(s.paired), throughputMedian(bench, `device-signed/${s.paired}`)])),
      deviceLessPerSecond: throughputMedian(bench, "device-less"),
    });
  }
  const key = (p: number) => String(p);
  const ratioAt = (p: number) => median(perRound.map((r) => r.deviceSignedPerSecond[key(p)]! / r.cryptoBoundPerSecond));
  return {
    rounds: options.rounds,
    pairedDevices: options.pairedDevices,
    cryptoBoundPerSecond: Math.round(median(perRound.map((r) => r.cryptoBoundPerSecond))),
    deviceSignedPerSecond: Object.fromEntries(options.pairedDevices.map((p) => [key(p), Math.round(median(perRound.map((r) => r.deviceSignedPerSecond[key(p)]!)))])),
    deviceLessPerSecond: Math.round(median(perRound.map((r) => r.deviceLessPerSecond))),
    deviceSignedVsCryptoBound: Number(ratioAt(options.pairedDevices[0]!).toFixed(3)),
    deviceSignedVsCryptoBoundByPaired: Object.fromEntries(options.pairedDevices.map((p) => [key(p), Number(ratioAt(p).toFixed(3))])),
    perRound,
  };
}
