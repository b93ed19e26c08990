// Fault model: extra latency with jitter. Every matching packet waits a further [minMs, maxMs] (uniform, from
// its own stream), keeping FIFO order on its direction. Not the links' base latency (see link-latency.ts).
import { assert, type Ms, type Prng } from "../../kernel/index.ts";
import { delayVerdict, matchesPacket, pass, type PacketMatch, type Rule } from "../rules.ts";

export interface LatencyFaultOptions {
  minMs: Ms;
  maxMs: Ms;
  match?: PacketMatch;
  /** PRNG stream name; default "net:fault:latency". */
  stream?: string;
}

export const latencyStreamDefault = "net:fault:latency";

export function extraLatencyMs(prng: Prng, options: LatencyFaultOptions): Ms {
  return prng.int(options.minMs, options.maxMs);
}

export function latency(options: LatencyFaultOptions): Rule {
  assert(Number.isInteger(options.minMs) && options.minMs >= 0, "latency minMs must be a non-negative integer");
  assert(Number.isInteger(options.maxMs) && options.maxMs >= options.minMs, "latency maxMs must be ≥ minMs");
  const match = options.match ?? {};
  const stream = options.stream ?? latencyStreamDefault;
  return {
    name: `latency ${options.minMs}-${options.maxMs}ms`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return delayVerdict(extraLatencyMs(context.stream(stream), options));
    },
  };
}

/** Every frame the server end sends (not the upgrade answer, not closes) waits `ms` more: a challenge arrives late. */
export function gatewayFramesLate(ms: Ms): Rule {
  return latency({ minMs: ms, maxMs: ms, match: { direction: "s2c", kinds: ["frame"] } });
}
