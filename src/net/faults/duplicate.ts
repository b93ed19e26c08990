// Fault model: duplication. A matching packet is delivered twice, back to back, with probability `ratio`.
// By default only data frames are duplicated (a duplicated close or upgrade is ignored by the receiver).
import { formatRatio, type Prng, type Ratio } from "../../kernel/index.ts";
import { duplicateVerdict, matchesPacket, pass, type PacketMatch, type Rule } from "../rules.ts";

export interface DuplicateFaultOptions {
  ratio: Ratio;
  match?: PacketMatch;
  /** PRNG stream name; default "net:fault:duplicate". */
  stream?: string;
}

export const duplicateStreamDefault = "net:fault:duplicate";

export function shouldDuplicate(prng: Prng, options: DuplicateFaultOptions): boolean {
  return prng.chance(options.ratio);
}

export function duplicate(options: DuplicateFaultOptions): Rule {
  const match = options.match ?? { kinds: ["frame"] };
  const stream = options.stream ?? duplicateStreamDefault;
  return {
    name: `duplicate ${formatRatio(options.ratio)}`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return shouldDuplicate(context.stream(stream), options) ? duplicateVerdict : pass;
    },
  };
}
