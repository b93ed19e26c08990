// Fault model: packet loss. A matching packet is dropped with probability `ratio` (its own stream).
// By default only data frames are dropped; pass `match.kinds` to lose upgrades or close frames too.
import { formatRatio, type Prng, type Ratio } from "../../kernel/index.ts";
import { dropVerdict, matchesPacket, pass, type PacketMatch, type Rule } from "../rules.ts";

export interface DropFaultOptions {
  ratio: Ratio;
  match?: PacketMatch;
  /** PRNG stream name; default "net:fault:drop". */
  stream?: string;
}

export const dropStreamDefault = "net:fault:drop";

export function shouldDrop(prng: Prng, options: DropFaultOptions): boolean {
  return prng.chance(options.ratio);
}

export function drop(options: DropFaultOptions): Rule {
  const match = options.match ?? { kinds: ["frame"] };
  const stream = options.stream ?? dropStreamDefault;
  return {
    name: `drop ${formatRatio(options.ratio)}`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return shouldDrop(context.stream(stream), options) ? dropVerdict : pass;
    },
  };
}
