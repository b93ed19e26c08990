// Fault model: reordering. With probability `ratio` a matching packet is held back a random extra
// [minExtraMs, maxExtraMs] outside its direction's FIFO order, so packets sent after it can overtake it.
// (Real WebSocket runs over TCP and never reorders; this models a broken middlebox or a buggy relay.)
import { assert, formatRatio, type Ms, type Prng, type Ratio } from "../../kernel/index.ts";
import { matchesPacket, pass, reorderVerdict, type PacketMatch, type Rule } from "../rules.ts";

export interface ReorderFaultOptions {
  ratio: Ratio;
  minExtraMs?: Ms;
  maxExtraMs: Ms;
  match?: PacketMatch;
  /** PRNG stream name; default "net:fault:reorder". */
  stream?: string;
}

export const reorderStreamDefault = "net:fault:reorder";

/** The extra delay for this packet, or undefined when it keeps its place. */
export function reorderDelayMs(prng: Prng, options: ReorderFaultOptions): Ms | undefined {
  if (!prng.chance(options.ratio)) return undefined;
  return prng.int(options.minExtraMs ?? 1, options.maxExtraMs);
}

export function reorder(options: ReorderFaultOptions): Rule {
  const minExtraMs = options.minExtraMs ?? 1;
  assert(Number.isInteger(minExtraMs) && minExtraMs >= 0, "reorder minExtraMs must be a non-negative integer");
  assert(Number.isInteger(options.maxExtraMs) && options.maxExtraMs >= minExtraMs, "reorder maxExtraMs must be ≥ minExtraMs");
  const match = options.match ?? { kinds: ["frame"] };
  const stream = options.stream ?? reorderStreamDefault;
  return {
    name: `reorder ${formatRatio(options.ratio)} ≤${options.maxExtraMs}ms`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      const ms = reorderDelayMs(context.stream(stream), options);
      return ms === undefined ? pass : reorderVerdict(ms);
    },
  };
}
