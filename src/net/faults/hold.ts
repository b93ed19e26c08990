// Fault model: hold. Every matching packet is kept by the network until the rule is released
// (`network.release(handle)` or `handle.remove()`), then delivered in the order it was held.
import { holdVerdict, matchesPacket, pass, type PacketMatch, type Rule } from "../rules.ts";

export function hold(match: PacketMatch = {}, name = "hold"): Rule {
  return {
    name,
    decide(packet, context) {
      return matchesPacket(match, packet, context.nowMs) ? holdVerdict : pass;
    },
  };
}
