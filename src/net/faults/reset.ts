// Fault model: connection reset (a middlebox RST). The first matching packet at or after `atMs` is lost and
// the connection is reset: both ends report 1006. To reset an idle connection at a time, use
// `network.at(ms, () => network.reset(connId))` instead: a rule only acts when a packet passes.
import type { Ms } from "../../kernel/index.ts";
import { matchesPacket, pass, resetVerdict, type PacketMatch, type Rule } from "../rules.ts";

export interface ResetFaultOptions {
  connId?: string;
  atMs?: Ms;
  match?: PacketMatch;
  /** Reset only once (default) or every matching packet. */
  once?: boolean;
}

export function reset(options: ResetFaultOptions): Rule {
  const match: PacketMatch = { ...options.match, connId: options.connId ?? options.match?.connId };
  if (options.atMs !== undefined) match.fromMs = options.atMs;
  const once = options.once ?? true;
  let fired = false;
  return {
    name: `reset ${options.connId ?? "*"}${options.atMs !== undefined ? ` @${options.atMs}ms` : ""}`,
    decide(packet, context) {
      if (once && fired) return pass;
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      fired = true;
      return resetVerdict;
    },
  };
}
