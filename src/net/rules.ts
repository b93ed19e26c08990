// The fault rule chain. A rule looks at one packet on its route at a virtual instant and returns a verdict;
// rules are asked in the order they were added and the first verdict that is not `pass` decides. The chain
// only decides: carrying a verdict out (delaying, holding, resetting) is the transport's job.
// Note the consequence of "first non-pass wins": a latency rule added before a drop rule hides the drop rule
// for every packet it delays, so add latency rules last.
import { assert, type Ms, type Prng } from "../kernel/index.ts";
import type { Direction, PacketKind, PacketView } from "./packet.ts";

export type Verdict =
  | { readonly kind: "pass" }
  /** Deliver `ms` later than the link would; FIFO order on the direction still holds (head-of-line blocking). */
  | { readonly kind: "delay"; readonly ms: Ms }
  /** Deliver `ms` later than the link would, ignoring FIFO: later packets may overtake this one. */
  | { readonly kind: "reorder"; readonly ms: Ms }
  | { readonly kind: "drop" }
  /** Deliver the packet twice, back to back. */
  | { readonly kind: "duplicate" }
  /** Keep the packet until the rule is released or removed. */
  | { readonly kind: "hold" }
  /** Reset the connection: the packet is lost and both ends report 1006. */
  | { readonly kind: "reset" };

export type VerdictKind = Verdict["kind"];

export const pass: Verdict = { kind: "pass" };
export const dropVerdict: Verdict = { kind: "drop" };
export const duplicateVerdict: Verdict = { kind: "duplicate" };
export const holdVerdict: Verdict = { kind: "hold" };
export const resetVerdict: Verdict = { kind: "reset" };

export function delayVerdict(ms: Ms): Verdict {
  assert(Number.isInteger(ms) && ms >= 0, `delay must be a non-negative integer, got ${ms}`);
  return { kind: "delay", ms };
}

export function reorderVerdict(ms: Ms): Verdict {
  assert(Number.isInteger(ms) && ms >= 0, `reorder delay must be a non-negative integer, got ${ms}`);
  return { kind: "reorder", ms };
}

export interface RuleContext {
  readonly nowMs: Ms;
  /** A named PRNG stream of the run (each fault model draws from its own). */
  stream(name: string): Prng;
}

export interface Rule {
  /** Shown in `fault` trace events, e.g. "drop 1/10". */
  readonly name: string;
  decide(packet: PacketView, context: RuleContext): Verdict;
}

/** Which packets a fault applies to. Every field given must match; an empty match matches everything. */
export interface PacketMatch {
  connId?: string;
  direction?: Direction;
  kinds?: readonly PacketKind[];
  /** The sending end's host. */
  fromHost?: string;
  /** The receiving end's host. */
  toHost?: string;
  /** Some hop of the route joins these two hosts (either way round). */
  link?: readonly [string, string];
  /** Time window [fromMs, untilMs) in virtual time. */
  fromMs?: Ms;
  untilMs?: Ms;
  where?: (packet: PacketView) => boolean;
}

export function matchesPacket(match: PacketMatch, packet: PacketView, nowMs: Ms): boolean {
  if (match.connId !== undefined && packet.connId !== match.connId) return false;
  if (match.direction !== undefined && packet.direction !== match.direction) return false;
  if (match.kinds !== undefined && !match.kinds.includes(packet.kind)) return false;
  if (match.fromHost !== undefined && packet.from !== match.fromHost) return false;
  if (match.toHost !== undefined && packet.to !== match.toHost) return false;
  if (match.link !== undefined && !routeJoins(packet, match.link[0], match.link[1])) return false;
  if (match.fromMs !== undefined && nowMs < match.fromMs) return false;
  if (match.untilMs !== undefined && nowMs >= match.untilMs) return false;
  return match.where === undefined || match.where(packet);
}

export function routeJoins(packet: PacketView, hostA: string, hostB: string): boolean {
  return packet.hops.some((h) => (h.from === hostA && h.to === hostB) || (h.from === hostB && h.to === hostA));
}

export type RuleId = number;

export interface Decision {
  readonly verdict: Verdict;
  /** The rule that decided; undefined when every rule passed. */
  readonly ruleId?: RuleId;
  readonly ruleName?: string;
}

/** Rules installed at once. */
export const rulesMax = 1_000;

/** What `decide` answers when no rule acts (shared: decisions are read, never written). */
const passDecision: Decision = Object.freeze({ verdict: pass });

export class RuleChain {
  private readonly rules = new Map<RuleId, Rule>();
  private nextId: RuleId = 1;

  add(rule: Rule): RuleId {
    assert(this.rules.size < rulesMax, "too many fault rules installed");
    const id = this.nextId++;
    this.rules.set(id, rule);
    return id;
  }

  remove(id: RuleId): boolean {
    return this.rules.delete(id);
  }

  has(id: RuleId): boolean {
    return this.rules.has(id);
  }

  nameOf(id: RuleId): string | undefined {
    return this.rules.get(id)?.name;
  }

  get size(): number {
    return this.rules.size;
  }

  decide(packet: PacketView, context: RuleContext): Decision {
    for (const [ruleId, rule] of this.rules) {
      const verdict = rule.decide(packet, context);
      if (verdict.kind !== "pass") return { verdict, ruleId, ruleName: rule.name };
    }
    return passDecision;
  }
}
