// Fault model: partition between two hosts, both directions. Every packet whose route crosses the pair is
// dropped: frames vanish, close frames never arrive, and new connections time out because their upgrade is
// lost. Removing the rule heals the partition. (TCP would retransmit rather than lose frames; a partition that
// keeps frames until healing is `hold({ link: [a, b] })`.)
import { assert } from "../../kernel/index.ts";
import { dropVerdict, pass, routeJoins, type Rule } from "../rules.ts";

export function partition(hostA: string, hostB: string): Rule {
  assert(hostA !== hostB, "a host cannot be partitioned from itself");
  return {
    name: `partition ${hostA}|${hostB}`,
    decide(packet) {
      return routeJoins(packet, hostA, hostB) ? dropVerdict : pass;
    },
  };
}
