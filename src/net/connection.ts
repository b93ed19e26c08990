// One simulated WebSocket connection with the semantics of the `ws` library on both ends: ready states, the
// opening handshake's outcomes, the close handshake (closer goes CLOSING, the peer reports and echoes, the
// closer reports on the echo), the close timeout, terminate/teardown as 1006, and maxPayload as 1009.
// Callbacks run inside scheduler events; a callback caused by the caller's own action (terminate, abort) is
// deferred to a 0 ms event so user code is never re-entered. Not here: routing, listeners, fault rules.
import { assert, assertionFailed, type Ms, type Scheduler, type TimerId } from "../kernel/index.ts";
import { closeReasonBytesMax, CloseCode, isSendableCloseCode, utf8ByteLength } from "./close-codes.ts";
import {
  ReadyState,
  type ClientCallbacks,
  type NetError,
  type SendOutcome,
  type ServerListener,
  type ServerSocket,
  type SocketEnd,
  type UpgradeRequest,
} from "./endpoint.ts";
import { receiverOf, type Packet, type PacketBody, type Side, type UpgradeOutcome } from "./packet.ts";
import { packetAndBodyTraceData, packetTraceData } from "./transport.ts";

export interface UpgradeDecision<P> {
  readonly outcome: UpgradeOutcome;
  readonly listener?: ServerListener<P>;
  readonly maxPayloadBytes?: number;
}

/** What a connection needs from the network around it. */
export interface ConnectionEnv<P> {
  readonly scheduler: Scheduler;
  readonly closeTimeoutMs: Ms;
  transmit(connId: string, from: Side, body: PacketBody<P>, sizeBytes?: number): void;
  /** Finds the listener for the upgrade and asks it. */
  upgrade(conn: Connection<P>): UpgradeDecision<P>;
  sizeOf(payload: P): number;
  textOf(payload: P): string;
}

interface EndState {
  readyState: ReadyState;
  maxPayloadBytes: number;
  closeTimer: TimerId | undefined;
  /** The socket is gone (terminated, reset, timed out): nothing more is read or written. */
  destroyed: boolean;
  /** A frame broke maxPayload: frames are no longer read (ws stops its receiver). */
  receiveFailed: boolean;
  /** The close callback ran (or, for a refused server end, never will). */
  reported: boolean;
  /** A teardown (`fin`) was sent to the peer. */
  finSent: boolean;
}

export interface ConnectionInit<P> {
  readonly id: string;
  readonly request: UpgradeRequest;
  /** False when the dial never got a route (unknown name, unreachable address): nothing is transmitted. */
  readonly wired: boolean;
  readonly callbacks: ClientCallbacks<P>;
  readonly clientMaxPayloadBytes: number;
  /** Where a refused connection was aimed, for ECONNREFUSED / ETIMEDOUT messages. */
  readonly target: string;
}

export class Connection<P> {
  readonly id: string;
  readonly request: UpgradeRequest;
  readonly clientSocket: SocketEnd<P>;
  readonly serverSocket: ServerSocket<P>;
  private readonly ends: Record<Side, EndState>;
  private listener: ServerListener<P> | undefined;
  /** The client's callbacks; dropped once none can run again (see releaseIfDone). */
  private callbacks: ClientCallbacks<P>;
  /** Deferred callbacks (`later`) scheduled and not yet run. */
  private laters = 0;
  private connectTimer: TimerId | undefined;
  private torn = false;
  /** From the init (which is not kept, so its callbacks can be dropped). */
  private readonly wired: boolean;
  private readonly target: string;

  constructor(
    private readonly env: ConnectionEnv<P>,
    init: ConnectionInit<P>,
  ) {
    this.id = init.id;
    this.request = init.request;
    this.callbacks = init.callbacks;
    this.wired = init.wired;
    this.target = init.target;
    const end = (maxPayloadBytes: number): EndState => ({
      readyState: ReadyState.CONNECTING,
      maxPayloadBytes,
      closeTimer: undefined,
      destroyed: false,
      receiveFailed: false,
      reported: false,
      finSent: false,
    });
    this.ends = { client: end(init.clientMaxPayloadBytes), server: end(0) };
    if (!init.wired) this.ends.server.reported = true;
    this.clientSocket = this.socketFor("client");
    this.serverSocket = this.socketFor("server");
  }

  readyState(side: Side): ReadyState {
    return this.ends[side].readyState;
  }

  /** True once both ends have reported their close (or can no longer report one). */
  get finished(): boolean {
    return this.ends.client.reported && this.ends.server.reported;
  }

  /**
   * Nothing can happen on it any more from its own side: both ends reported, and no deferred callback, connect
   * timer or close timer is pending. (Packets still on the wire are the transport's to tell.) Every later call
   * through a socket handle is a no-op, and a reset only marks it torn.
   */
  get inert(): boolean {
    return this.finished && this.laters === 0 && this.connectTimer === undefined && this.ends.client.closeTimer === undefined && this.ends.server.closeTimer === undefined;
  }

  // ---- actions by the code on either end -------------------------------------------------------------------

  send(side: Side, payload: P): SendOutcome {
    const end = this.ends[side];
    if (end.readyState !== ReadyState.OPEN || end.destroyed) return { kind: "not-open", readyState: end.readyState };
    const sizeBytes = this.env.sizeOf(payload);
    this.env.transmit(this.id, side, { kind: "frame", payload, sizeBytes, text: this.env.textOf(payload) }, sizeBytes);
    return { kind: "sent" };
  }

  /** Like ws, the code and reason are only checked when a close frame is actually sent (state OPEN). */
  close(side: Side, code?: number, reason = ""): void {
    const end = this.ends[side];
    if (end.destroyed || end.readyState === ReadyState.CLOSED || end.readyState === ReadyState.CLOSING) return;
    if (end.readyState === ReadyState.CONNECTING) return this.abort(side);
    if (code !== undefined && !isSendableCloseCode(code)) assertionFailed(`close code ${code} cannot be sent`);
    if (utf8ByteLength(reason) > closeReasonBytesMax) assertionFailed(`close reason above ${closeReasonBytesMax} bytes (truncate it first)`);
    end.readyState = ReadyState.CLOSING;
    this.env.transmit(this.id, side, { kind: "close", code, reason: code === undefined ? "" : reason });
    this.startCloseTimer(side);
  }

  terminate(side: Side): void {
    const end = this.ends[side];
    if (end.destroyed || end.readyState === ReadyState.CLOSED) return;
    if (end.readyState === ReadyState.CONNECTING) return this.abort(side);
    this.destroy(side);
    this.later(() => this.report(side, CloseCode.abnormal, "", false));
  }

  setMaxPayload(side: Side, bytes: number): void {
    assert(Number.isInteger(bytes) && bytes > 0, `maxPayload must be a positive integer, got ${bytes}`);
    this.ends[side].maxPayloadBytes = bytes;
  }

  // ---- events from the network ----------------------------------------------------------------------------

  /** Client gives up after `ms` if the upgrade has not been answered. */
  startConnectTimer(ms: Ms, error: NetError): void {
    this.connectTimer = this.env.scheduler.schedule(ms, { actor: this.id, label: "net:connect-timeout" }, () => {
      this.connectTimer = undefined;
      const client = this.ends.client;
      if (client.readyState !== ReadyState.CONNECTING || client.destroyed) return;
      this.destroy("client");
      this.failDial(error);
    });
  }

  /** A dial that failed before anything was sent (unknown name). */
  failSoon(error: NetError): void {
    this.ends.client.destroyed = true;
    this.ends.server.reported = true;
    this.later(() => this.failDial(error));
  }

  /** Reset by the network (a reset verdict or `network.reset`): both ends report 1006. */
  reset(): void {
    if (this.torn) return;
    this.torn = true;
    this.clearConnectTimer();
    for (const side of ["client", "server"] as const) {
      const end = this.ends[side];
      // an end already torn down has its report done or on its way
      if (end.reported || end.destroyed) continue;
      const wasConnecting = end.readyState === ReadyState.CONNECTING;
      end.destroyed = true;
      end.readyState = ReadyState.CLOSING;
      this.clearCloseTimer(side);
      if (side === "server" && (wasConnecting || !this.listener)) {
        end.reported = true;
        continue;
      }
      this.later(() => {
        if (wasConnecting) this.failDial({ code: "ECONNRESET", message: "read ECONNRESET" });
        else this.report(side, CloseCode.abnormal, "", false);
      });
    }
  }

  /** The listener went away (unlisten, process crash): the server end vanishes without callbacks. */
  serverGone(): void {
    const server = this.ends.server;
    if (server.reported || server.destroyed) return;
    this.destroy("server");
    server.reported = true;
    server.readyState = ReadyState.CLOSED;
    this.env.scheduler.record(this.id, "close", {
      connId: this.id,
      side: "server",
      code: CloseCode.abnormal,
      reason: "",
      wasClean: false,
      cause: "listener-gone",
    });
  }

  arrive(packet: Packet<P>): void {
    if (this.torn) return this.discard(packet, "reset");
    const body = packet.body;
    const receiver = receiverOf(packet.view.direction);
    switch (body.kind) {
      case "upgrade":
        return this.onUpgrade(packet);
      case "upgrade-response":
        return this.onUpgradeResponse(packet, body.outcome);
      case "frame":
        return this.onFrame(receiver, packet, body.payload, body.sizeBytes);
      case "close":
        return this.onCloseFrame(receiver, packet, body.code, body.reason);
      case "fin":
        return this.onFin(receiver, packet);
    }
  }

  // ---- arrivals -------------------------------------------------------------------------------------------

  private onUpgrade(packet: Packet<P>): void {
    const server = this.ends.server;
    if (server.readyState !== ReadyState.CONNECTING || server.destroyed || server.reported) return this.discard(packet, "duplicate");
    this.delivered(packet);
    const { outcome, listener, maxPayloadBytes } = this.env.upgrade(this);
    if (outcome.kind !== "accept" || !listener) {
      server.destroyed = true;
      server.reported = true;
      server.readyState = ReadyState.CLOSED;
      this.env.scheduler.record(this.id, "conn.refused", refusalTraceData(this.id, outcome, this.target));
      this.env.transmit(this.id, "server", { kind: "upgrade-response", outcome });
      return;
    }
    this.listener = listener;
    server.readyState = ReadyState.OPEN;
    server.maxPayloadBytes = maxPayloadBytes ?? server.maxPayloadBytes;
    this.env.scheduler.record(this.id, "conn.accept", { connId: this.id, side: "server", protocol: outcome.protocol });
    this.env.transmit(this.id, "server", { kind: "upgrade-response", outcome });
    listener.onOpen?.(this.serverSocket);
  }

  private onUpgradeResponse(packet: Packet<P>, outcome: UpgradeOutcome): void {
    const client = this.ends.client;
    if (client.readyState !== ReadyState.CONNECTING || client.destroyed) {
      this.discard(packet, "closed");
      if (outcome.kind === "accept") this.sendFin("client");
      return;
    }
    this.delivered(packet);
    this.clearConnectTimer();
    switch (outcome.kind) {
      case "accept":
        client.readyState = ReadyState.OPEN;
        this.env.scheduler.record(this.id, "conn.accept", { connId: this.id, side: "client", protocol: outcome.protocol });
        this.callbacks.onOpen?.();
        return;
      case "refuse":
        client.destroyed = true;
        this.callbacks.onUnexpectedResponse?.(outcome.status, outcome.body);
        return this.report("client", CloseCode.abnormal, "", false);
      case "no-listener":
        client.destroyed = true;
        this.emitError("client", { code: "ECONNREFUSED", message: `connect ECONNREFUSED ${this.target}` });
        return this.report("client", CloseCode.abnormal, "", false);
      case "reset":
        client.destroyed = true;
        this.emitError("client", { code: "ECONNRESET", message: "socket hang up" });
        return this.report("client", CloseCode.abnormal, "", false);
    }
  }

  private onFrame(receiver: Side, packet: Packet<P>, payload: P, sizeBytes: number): void {
    const end = this.ends[receiver];
    if (end.destroyed || end.readyState === ReadyState.CLOSED) {
      this.discard(packet, "closed");
      return this.sendFin(receiver);
    }
    if (end.readyState === ReadyState.CONNECTING) return this.discard(packet, "not-open");
    if (end.receiveFailed) return this.discard(packet, "receiver-failed");
    if (sizeBytes > end.maxPayloadBytes) {
      this.discard(packet, "max-payload", { limit: end.maxPayloadBytes });
      return this.failReceive(receiver);
    }
    this.delivered(packet);
    if (receiver === "client") this.callbacks.onMessage?.(payload);
    else this.listener?.onMessage?.(this.serverSocket, payload);
  }

  private onCloseFrame(receiver: Side, packet: Packet<P>, code: number | undefined, reason: string): void {
    const end = this.ends[receiver];
    if (end.destroyed || end.readyState === ReadyState.CLOSED || end.readyState === ReadyState.CONNECTING) {
      return this.discard(packet, "closed");
    }
    this.delivered(packet);
    if (end.receiveFailed) return this.report(receiver, CloseCode.abnormal, "", false);
    if (end.readyState === ReadyState.OPEN) {
      end.readyState = ReadyState.CLOSING;
      this.env.transmit(this.id, receiver, { kind: "close", code, reason });
    }
    this.report(receiver, code ?? CloseCode.noStatus, reason, true);
  }

  private onFin(receiver: Side, packet: Packet<P>): void {
    const end = this.ends[receiver];
    if (end.destroyed || end.reported) return this.discard(packet, "closed");
    this.delivered(packet);
    const wasConnecting = end.readyState === ReadyState.CONNECTING;
    end.destroyed = true;
    end.finSent = true;
    if (receiver === "server" && wasConnecting) {
      end.reported = true;
      end.readyState = ReadyState.CLOSED;
      return;
    }
    if (wasConnecting) {
      this.clearConnectTimer();
      return this.failDial({ code: "ECONNRESET", message: "socket hang up" });
    }
    this.report(receiver, CloseCode.abnormal, "", false);
  }

  /** ws: a frame above maxPayload → close 1009 (empty reason), emit the error, end the socket. */
  private failReceive(side: Side): void {
    const end = this.ends[side];
    end.receiveFailed = true;
    if (end.readyState === ReadyState.OPEN) {
      end.readyState = ReadyState.CLOSING;
      this.env.transmit(this.id, side, { kind: "close", code: CloseCode.messageTooBig, reason: "" });
      this.startCloseTimer(side);
    }
    this.sendFin(side);
    this.emitError(side, { code: "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH", message: "Max payload size exceeded" });
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private abort(side: Side): void {
    assert(side === "client", "only a client end is ever handed out while CONNECTING");
    this.destroy("client");
    this.clearConnectTimer();
    this.later(() => this.failDial({ code: "ABORTED", message: "WebSocket was closed before the connection was established" }));
  }

  private failDial(error: NetError): void {
    const target = this.target;
    this.env.scheduler.record(this.id, "conn.refused", { connId: this.id, side: "client", error: error.code, target });
    this.emitError("client", error);
    this.report("client", CloseCode.abnormal, "", false);
  }

  private destroy(side: Side): void {
    const end = this.ends[side];
    end.destroyed = true;
    if (end.readyState !== ReadyState.CLOSED) end.readyState = ReadyState.CLOSING;
    this.clearCloseTimer(side);
    this.sendFin(side);
  }

  private sendFin(side: Side): void {
    const end = this.ends[side];
    if (end.finSent || !this.wired) return;
    end.finSent = true;
    this.env.transmit(this.id, side, { kind: "fin" });
  }

  private startCloseTimer(side: Side): void {
    this.clearCloseTimer(side);
    const options = { actor: this.id, label: "net:close-timeout" };
    this.ends[side].closeTimer = this.env.scheduler.schedule(this.env.closeTimeoutMs, options, () => {
      const end = this.ends[side];
      end.closeTimer = undefined;
      if (end.readyState !== ReadyState.CLOSING || end.reported) return;
      this.destroy(side);
      this.report(side, CloseCode.abnormal, "", false);
    });
  }

  private clearCloseTimer(side: Side): void {
    const timer = this.ends[side].closeTimer;
    if (timer !== undefined) this.env.scheduler.cancel(timer);
    this.ends[side].closeTimer = undefined;
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) this.env.scheduler.cancel(this.connectTimer);
    this.connectTimer = undefined;
  }

  private report(side: Side, code: number, reason: string, wasClean: boolean): void {
    const end = this.ends[side];
    if (end.reported) return;
    end.reported = true;
    end.readyState = ReadyState.CLOSED;
    this.clearCloseTimer(side);
    this.env.scheduler.record(this.id, "close", { connId: this.id, side, code, reason, wasClean });
    if (side === "client") this.callbacks.onClose?.(code, reason, wasClean);
    else this.listener?.onClose?.(this.serverSocket, code, reason, wasClean);
    this.releaseIfDone();
  }

  private emitError(side: Side, error: NetError): void {
    if (side === "client") this.callbacks.onError?.(error);
    else this.listener?.onError?.(this.serverSocket, error);
  }

  private later(run: () => void): void {
    this.laters++;
    this.env.scheduler.schedule(0, { actor: this.id, label: "net:report" }, () => {
      this.laters--;
      run();
      this.releaseIfDone();
    });
  }

  /**
   * A finished connection stays in the network's table until it is inert and swept; its client callbacks (and whatever
   * the client's closures hold) need not. Every path to a client callback first checks that the client end
   * has not reported, except a deferred one already queued (`later`), so once both ends have reported and
   * no deferred callback is queued, none can run again and they are dropped.
   */
  private releaseIfDone(): void {
    if (this.laters === 0 && this.finished) this.callbacks = releasedCallbacks;
  }

  private delivered(packet: Packet<P>): void {
    this.env.scheduler.record(this.id, "frame.deliver", packet.traceData ?? packetAndBodyTraceData(packet.view, packet.body));
  }

  private discard(packet: Packet<P>, reason: string, extra: Record<string, unknown> = {}): void {
    this.env.scheduler.record(this.id, "frame.drop", { ...packetTraceData(packet.view), reason, ...extra });
  }

  private socketFor(side: Side): ServerSocket<P> {
    return new SocketHandle(this, side);
  }
}

/** One end's handle (what `socketFor` hands out): methods on a prototype, not four closures per socket. */
class SocketHandle<P> implements ServerSocket<P> {
  readonly connId: string;
  readonly request: UpgradeRequest;

  constructor(
    private readonly conn: Connection<P>,
    readonly side: Side,
  ) {
    this.connId = conn.id;
    this.request = conn.request;
  }

  get readyState(): ReadyState {
    return this.conn.readyState(this.side);
  }

  send(payload: P): SendOutcome {
    return this.conn.send(this.side, payload);
  }

  close(code?: number, reason?: string): void {
    this.conn.close(this.side, code, reason);
  }

  terminate(): void {
    this.conn.terminate(this.side);
  }

  setMaxPayload(bytes: number): void {
    this.conn.setMaxPayload(this.side, bytes);
  }
}

const releasedCallbacks: ClientCallbacks<never> = Object.freeze({});

function refusalTraceData(connId: string, outcome: UpgradeOutcome, target: string): Record<string, unknown> {
  switch (outcome.kind) {
    case "refuse":
      return { connId, side: "server", status: outcome.status, body: outcome.body };
    case "no-listener":
      return { connId, side: "server", error: "ECONNREFUSED", target };
    case "reset":
      return { connId, side: "server", error: "ECONNRESET", target };
    case "accept":
      return { connId, side: "server", error: "no-listener", target };
  }
}
