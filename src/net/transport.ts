// The packet path: a packet sent on a connection is numbered, judged by the rule chain, and then delivered
// after the route's latency (FIFO per direction), delayed, reordered, dropped, duplicated, held or turned into
// a connection reset. Every delivery is a scheduler event with the connection id as actor. The transport
// knows nothing of WebSocket states: it hands arriving packets to `arrive` and resets to `reset`.
import { assert, assertionFailed, IdTable, type Ms, type Prng, type Scheduler } from "../kernel/index.ts";
import { routeLatencyMs, type LinkLatencies } from "./link-latency.ts";
import { bodyTraceData, traceTextCharsMax, type Direction, type Hop, type Packet, type PacketBody, type PacketView } from "./packet.ts";
import type { RuleChain, RuleContext, RuleId, Verdict } from "./rules.ts";

/** What the transport needs to know about a connection. */
export interface Wire {
  readonly connId: string;
  readonly clientHost: string;
  readonly serverHost: string;
  /** Client-to-server order. */
  readonly hops: readonly Hop[];
}

export interface TransportHooks<P> {
  arrive(wire: Wire, packet: Packet<P>): void;
  reset(wire: Wire, cause: PacketView): void;
}

/** Packets kept by hold rules at once. */
export const heldPacketsMax = 100_000;

interface Queued<P> {
  readonly atMs: Ms;
  readonly packet: Packet<P>;
}

/** One direction of one connection: FIFO, so deliverAt = max(now + latency, last deliverAt). */
class Lane<P> {
  lastDeliverAtMs: Ms = 0;
  readonly queue: Queued<P>[] = [];
  /** The lane's delivery event, built once: every enqueue schedules the same drain. */
  drain: () => void = () => {};
}

interface WireState<P> {
  readonly wire: Wire;
  readonly sent: Record<Direction, number>;
  readonly lanes: Record<Direction, Lane<P>>;
  /** The route in each direction (s2c is the c2s hops reversed), built once per connection. */
  readonly hops: Record<Direction, readonly Hop[]>;
  /** Schedule options of this connection's deliveries (shared by every delivery event). */
  readonly deliverOptions: { readonly actor: string; readonly label: string };
  /** Packets queued, scheduled out of order or held, not yet arrived. */
  inFlight: number;
}

interface Held<P> {
  readonly state: WireState<P>;
  readonly packet: Packet<P>;
}

export class Transport<P> {
  /** By connSerial (see there). */
  private readonly wires = new IdTable<WireState<P>>();
  private readonly held = new Map<RuleId, Held<P>[]>();
  private heldCount = 0;
  private readonly context: RuleContext;
  private networkStream: Prng | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rules: RuleChain,
    private readonly latencies: LinkLatencies,
    private readonly hooks: TransportHooks<P>,
  ) {
    const s = scheduler;
    this.context = {
      get nowMs() {
        return s.nowMs();
      },
      stream: (name) => s.stream(name),
    };
  }

  open(wire: Wire): void {
    const serial = connSerial(wire.connId);
    if (serial === 0 || this.wires.has(serial)) assertionFailed(`connection ${wire.connId} already on the wire, or not a network connection id`);
    const s2cHops: Hop[] = [];
    for (let i = wire.hops.length - 1; i >= 0; i--) {
      const h = wire.hops[i]!;
      s2cHops.push({ from: h.to, to: h.from, link: h.link });
    }
    const c2s = new Lane<P>();
    const s2c = new Lane<P>();
    const state: WireState<P> = {
      wire,
      sent: { c2s: 0, s2c: 0 },
      lanes: { c2s, s2c },
      hops: { c2s: wire.hops, s2c: s2cHops },
      deliverOptions: { actor: wire.connId, label: "net:deliver" },
      inFlight: 0,
    };
    c2s.drain = () => this.drain(state, c2s);
    s2c.drain = () => this.drain(state, s2c);
    this.wires.set(serial, state);
  }

  /** True when no packet of the connection is queued, scheduled or held (or it was never on the wire). */
  idle(connId: string): boolean {
    return (this.wires.get(connSerial(connId))?.inFlight ?? 0) === 0;
  }

  /** Drops an idle connection's wire state (nothing of it can arrive any more). */
  forget(connId: string): void {
    if (!this.idle(connId)) assertionFailed(`connection ${connId} still has packets on the wire`);
    this.wires.delete(connSerial(connId));
  }

  /** The "network" stream (the same object `scheduler.stream` returns; looked up once). */
  private network(): Prng {
    return (this.networkStream ??= this.scheduler.stream("network"));
  }

  /** Sends one packet; `sizeBytes` is the frame size (0 for control packets). */
  transmit(connId: string, direction: Direction, body: PacketBody<P>, sizeBytes = 0): void {
    const state = this.wires.get(connSerial(connId));
    if (!state) assertionFailed(`transmit on unknown connection ${connId}`);
    const n = ++state.sent[direction];
    const { wire } = state;
    const hops = state.hops[direction];
    const from = direction === "c2s" ? wire.clientHost : wire.serverHost;
    const to = direction === "c2s" ? wire.serverHost : wire.clientHost;
    const view: PacketView = { connId, direction, kind: body.kind, n, from, to, hops, sizeBytes };
    const traceData = packetAndBodyTraceData(view, body);
    const packet: Packet<P> = { view, body, traceData };
    this.scheduler.record(connId, "frame.send", traceData);
    const decision = this.rules.decide(view, this.context);
    if (decision.verdict.kind !== "pass") {
      this.scheduler.record(connId, "fault", {
        rule: decision.ruleName,
        ...verdictTraceData(decision.verdict),
        ...packetTraceData(view),
        from,
        to,
      });
    }
    this.carryOut(state, packet, decision.verdict, decision.ruleId);
  }

  private carryOut(state: WireState<P>, packet: Packet<P>, verdict: Verdict, ruleId: RuleId | undefined): void {
    const view = packet.view;
    switch (verdict.kind) {
      case "pass":
        return this.enqueue(state, packet, 0);
      case "delay":
        return this.enqueue(state, packet, verdict.ms);
      case "reorder":
        return this.deliverOutOfOrder(state, packet, verdict.ms);
      case "drop":
        this.scheduler.record(view.connId, "frame.drop", { ...packetTraceData(view), reason: "fault" });
        return;
      case "duplicate":
        this.scheduler.record(view.connId, "frame.duplicate", packetTraceData(view));
        this.enqueue(state, packet, 0);
        return this.enqueue(state, packet, 0, true);
      case "hold":
        assert(ruleId !== undefined, "a hold verdict needs its rule");
        return this.hold(state, packet, ruleId);
      case "reset":
        this.scheduler.record(view.connId, "frame.drop", { ...packetTraceData(view), reason: "reset" });
        return this.hooks.reset(state.wire, view);
    }
  }

  private enqueue(state: WireState<P>, packet: Packet<P>, extraMs: Ms, sameInstantAsLast = false): void {
    const lane = state.lanes[packet.view.direction];
    const nowMs = this.scheduler.nowMs();
    const latencyMs = sameInstantAsLast ? 0 : routeLatencyMs(this.network(), this.latencies, packet.view.hops);
    const atMs = sameInstantAsLast ? lane.lastDeliverAtMs : Math.max(nowMs + latencyMs + extraMs, lane.lastDeliverAtMs);
    lane.lastDeliverAtMs = atMs;
    lane.queue.push({ atMs, packet });
    state.inFlight++;
    this.scheduler.scheduleAt(atMs, state.deliverOptions, lane.drain);
  }

  /** Delivers every due packet at the head of the lane, in order (events due at one instant may fire in any order). */
  private drain(state: WireState<P>, lane: Lane<P>): void {
    const nowMs = this.scheduler.nowMs();
    let due = 0;
    while (due < lane.queue.length && (lane.queue[due]?.atMs ?? Infinity) <= nowMs) due++;
    if (due === 1) {
      // The usual case, without a batch array: taken off the lane before it arrives, as a batch is.
      const item = lane.queue.shift()!;
      state.inFlight--;
      this.hooks.arrive(state.wire, item.packet);
      return;
    }
    const batch = lane.queue.splice(0, due);
    state.inFlight -= batch.length;
    for (const item of batch) this.hooks.arrive(state.wire, item.packet);
  }

  private deliverOutOfOrder(state: WireState<P>, packet: Packet<P>, extraMs: Ms): void {
    const latencyMs = routeLatencyMs(this.network(), this.latencies, packet.view.hops);
    state.inFlight++;
    this.scheduler.schedule(latencyMs + extraMs, { actor: state.wire.connId, label: "net:deliver" }, () => {
      state.inFlight--;
      this.hooks.arrive(state.wire, packet);
    });
  }

  private hold(state: WireState<P>, packet: Packet<P>, ruleId: RuleId): void {
    assert(this.heldCount < heldPacketsMax, "too many held packets");
    let bucket = this.held.get(ruleId);
    if (!bucket) {
      bucket = [];
      this.held.set(ruleId, bucket);
    }
    bucket.push({ state, packet });
    state.inFlight++;
    this.heldCount++;
    this.scheduler.record(packet.view.connId, "frame.hold", { ...packetTraceData(packet.view), rule: this.rules.nameOf(ruleId) });
  }

  heldBy(ruleId: RuleId): number {
    return this.held.get(ruleId)?.length ?? 0;
  }

  /** Sends every packet held by the rule on its way, in the order held, each with fresh link latency. */
  release(ruleId: RuleId, ruleName: string | undefined): number {
    const bucket = this.held.get(ruleId) ?? [];
    this.held.delete(ruleId);
    this.heldCount -= bucket.length;
    for (const { state, packet } of bucket) {
      state.inFlight--;
      this.scheduler.record(packet.view.connId, "frame.release", { ...packetTraceData(packet.view), rule: ruleName });
      this.enqueue(state, packet, 0);
    }
    return bucket.length;
  }
}

/**
 * The number in a network connection id (`c<n>`, n ≥ 1 without leading zeros), which keys the per-connection
 * tables (an IdTable, not a Map or a dictionary object: no string hashing or interning per look-up, and no
 * chain of retired Map tables keeping finished connections alive through scavenges); 0 for any other string.
 */
export function connSerial(connId: string): number {
  const length = connId.length;
  if (length < 2 || length > 16 || connId.charCodeAt(0) !== 99 /* c */ || connId.charCodeAt(1) === 48 /* 0 */) return 0;
  let n = 0;
  for (let i = 1; i < length; i++) {
    const digit = connId.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  return n;
}

export function packetTraceData(view: PacketView): Record<string, unknown> {
  return { connId: view.connId, dir: view.direction, n: view.n, packet: view.kind };
}

/** `{ ...packetTraceData(view), ...bodyTraceData(body) }` built as one object (same keys, same order). */
export function packetAndBodyTraceData<P>(view: PacketView, body: PacketBody<P>): Record<string, unknown> {
  const connId = view.connId;
  const dir = view.direction;
  const n = view.n;
  const packet = view.kind;
  switch (body.kind) {
    case "frame":
      if (body.text.length > traceTextCharsMax) return { ...packetTraceData(view), ...bodyTraceData(body) };
      return { connId, dir, n, packet, bytes: body.sizeBytes, text: body.text };
    case "close":
      return { connId, dir, n, packet, code: body.code ?? null, reason: body.reason };
    case "upgrade-response":
      return body.outcome.kind === "refuse"
        ? { connId, dir, n, packet, status: body.outcome.status }
        : { connId, dir, n, packet, outcome: body.outcome.kind };
    case "upgrade":
    case "fin":
      return { connId, dir, n, packet };
  }
}

function verdictTraceData(verdict: Verdict): Record<string, unknown> {
  switch (verdict.kind) {
    case "delay":
    case "reorder":
      return { verdict: verdict.kind, ms: verdict.ms };
    case "pass":
    case "drop":
    case "duplicate":
    case "hold":
    case "reset":
      return { verdict: verdict.kind };
  }
}
