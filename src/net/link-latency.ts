// Base one-way latency of each kind of link, drawn per packet and per hop from the "network" stream.
// Fault rules add to it (faults/latency.ts); they never make a link faster.
import { assert, type Ms, type Prng } from "../kernel/index.ts";
import type { AddressKind } from "./address.ts";
import type { Hop } from "./packet.ts";

export interface LatencyRange {
  readonly minMs: Ms;
  readonly maxMs: Ms;
}

export type LinkLatencies = Readonly<Record<AddressKind, LatencyRange>>;

export const linkLatenciesDefault: LinkLatencies = {
  loopback: { minMs: 0, maxMs: 1 },
  lan: { minMs: 1, maxMs: 3 },
  tailnet: { minMs: 5, maxMs: 20 },
  remote: { minMs: 20, maxMs: 80 },
};

/** No link is slower than this; keeps a mis-typed option from parking packets past every budget. */
export const linkLatencyMsMax: Ms = 60_000;

export function checkLinkLatencies(latencies: LinkLatencies): void {
  for (const [kind, range] of Object.entries(latencies)) {
    assert(Number.isInteger(range.minMs) && range.minMs >= 0, `${kind} minMs must be a non-negative integer`);
    assert(Number.isInteger(range.maxMs) && range.maxMs >= range.minMs, `${kind} maxMs must be ≥ minMs`);
    assert(range.maxMs <= linkLatencyMsMax, `${kind} maxMs above ${linkLatencyMsMax}`);
  }
}

/** Sum of one draw per hop. */
export function routeLatencyMs(prng: Prng, latencies: LinkLatencies, hops: readonly Hop[]): Ms {
  let total = 0;
  for (const hop of hops) {
    const range = latencies[hop.link];
    total += prng.int(range.minMs, range.maxMs);
  }
  return total;
}
