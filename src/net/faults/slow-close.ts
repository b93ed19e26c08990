// Fault model: slow close / half-open. Close frames and socket teardowns (`fin`) sent from one host (or on
// one direction of a connection) are held, so the peer never learns the connection ended while the closer
// waits for the echo and times out (1006 after the close timeout). Releasing the rule delivers them late.
import { hold } from "./hold.ts";
import type { Direction } from "../packet.ts";
import type { PacketMatch, Rule } from "../rules.ts";

export interface SlowCloseFaultOptions {
  connId?: string;
  /** The closing host whose close frames are held. */
  fromHost?: string;
  direction?: Direction;
}

export function slowClose(options: SlowCloseFaultOptions = {}): Rule {
  const match: PacketMatch = { kinds: ["close", "fin"] };
  if (options.connId !== undefined) match.connId = options.connId;
  if (options.fromHost !== undefined) match.fromHost = options.fromHost;
  if (options.direction !== undefined) match.direction = options.direction;
  const what = options.connId ?? options.fromHost ?? "*";
  return hold(match, `slow-close ${what}${options.direction ? ` ${options.direction}` : ""}`);
}
