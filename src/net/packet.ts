// What travels on a simulated link: the upgrade request and its answer, data frames, close frames and the
// socket teardown (`fin`: a TCP FIN/RST, after which the peer reports 1006). Rules see a packet through
// `PacketView`, which carries no payload object, only its size and text.
import type { AddressKind } from "./address.ts";

export type Side = "client" | "server";
/** c2s: client to server; s2c: server to client. */
export type Direction = "c2s" | "s2c";
export type PacketKind = "upgrade" | "upgrade-response" | "frame" | "close" | "fin";
export const packetKinds: readonly PacketKind[] = ["upgrade", "upgrade-response", "frame", "close", "fin"];

/** One hop of a route between two hosts. The link kind is the kind of the address dialled on that hop. */
export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly link: AddressKind;
}

export interface PacketView {
  readonly connId: string;
  readonly direction: Direction;
  readonly kind: PacketKind;
  /** Sequence number within its direction over every packet kind (the upgrade is c2s 1); a duplicate keeps it. */
  readonly n: number;
  /** Sending and receiving hosts (the two ends; a proxy in between shows up in `hops`). */
  readonly from: string;
  readonly to: string;
  readonly hops: readonly Hop[];
  readonly sizeBytes: number;
}

export type UpgradeOutcome =
  | { readonly kind: "accept"; readonly protocol?: string }
  | { readonly kind: "refuse"; readonly status: number; readonly body: string }
  /** Nothing listens at the address (the host answered with a RST). */
  | { readonly kind: "no-listener" }
  /** A TCP forwarder accepted the connection, then closed it: its own dial found nothing listening. */
  | { readonly kind: "reset" };

export type PacketBody<P> =
  | { readonly kind: "upgrade" }
  | { readonly kind: "upgrade-response"; readonly outcome: UpgradeOutcome }
  | { readonly kind: "frame"; readonly payload: P; readonly sizeBytes: number; readonly text: string }
  /** `code` undefined: an empty close frame (the receiver reports 1005). */
  | { readonly kind: "close"; readonly code: number | undefined; readonly reason: string }
  | { readonly kind: "fin" };

export interface Packet<P> {
  readonly view: PacketView;
  readonly body: PacketBody<P>;
  /**
   * The frame.send event's data, recorded again by frame.deliver: both are `packetAndBodyTraceData(view, body)`,
   * so one object serves both (trace data is never written after it is recorded).
   */
  readonly traceData?: Record<string, unknown>;
}

export function directionFrom(side: Side): Direction {
  return side === "client" ? "c2s" : "s2c";
}

export function receiverOf(direction: Direction): Side {
  return direction === "c2s" ? "server" : "client";
}

export function otherSide(side: Side): Side {
  return side === "client" ? "server" : "client";
}

/** Frame text kept in a trace event; longer frames (junk above any protocol limit) are cut, and say so. */
export const traceTextCharsMax = 65_536;

/** Small, reference-free trace data describing a packet body. */
export function bodyTraceData<P>(body: PacketBody<P>): Record<string, unknown> {
  switch (body.kind) {
    case "frame":
      if (body.text.length > traceTextCharsMax) return { bytes: body.sizeBytes, text: body.text.slice(0, traceTextCharsMax), textCut: true };
      return { bytes: body.sizeBytes, text: body.text };
    case "close":
      return { code: body.code ?? null, reason: body.reason };
    case "upgrade-response":
      return body.outcome.kind === "refuse" ? { status: body.outcome.status } : { outcome: body.outcome.kind };
    case "upgrade":
    case "fin":
      return {};
  }
}
