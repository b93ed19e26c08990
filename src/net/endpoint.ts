// The shapes code on either end of a simulated WebSocket sees: the upgrade request and verdict, the server's
// listener callbacks, the client's callbacks, socket handles and the errors a client can get. Types only,
// plus two verdict constructors.

export const ReadyState = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;
export type ReadyState = (typeof ReadyState)[keyof typeof ReadyState];

export interface UpgradeRequest {
  readonly connId: string;
  /** The URL the client dialled (a proxy in between does not change it). */
  readonly url: string;
  /** Path and query of the request line. */
  readonly path: string;
  /** Request headers as the server receives them, keys lowercased (a proxy's additions included). */
  readonly headers: Readonly<Record<string, string>>;
  /** The socket peer as the server sees it (the proxy's address when proxied). */
  readonly remoteAddress: string;
  /** The server-side address the connection arrived on. */
  readonly localAddress: string;
  readonly localPort: number;
  /** The server's own socket is TLS (false behind a TLS-terminating proxy). */
  readonly encrypted: boolean;
}

export type UpgradeVerdict =
  | { readonly kind: "accept"; readonly protocol?: string }
  | { readonly kind: "refuse"; readonly status: number; readonly body: string };

export function acceptUpgrade(protocol?: string): UpgradeVerdict {
  return protocol === undefined ? { kind: "accept" } : { kind: "accept", protocol };
}

/** e.g. refuseUpgrade(503, "Too many unauthenticated sockets"). */
export function refuseUpgrade(status: number, body = ""): UpgradeVerdict {
  return { kind: "refuse", status, body };
}

export type NetErrorCode =
  | "ECONNREFUSED"
  | "ETIMEDOUT"
  | "ENOTFOUND"
  | "ECONNRESET"
  /** ws: a frame above the receiver's maxPayload ("Max payload size exceeded"). */
  | "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
  /** ws: close()/terminate() while CONNECTING. */
  | "ABORTED"
  /** ws `handshakeTimeout` elapsed ("Opening handshake has timed out"). */
  | "HANDSHAKE_TIMEOUT";

export interface NetError {
  readonly code: NetErrorCode;
  /** The message Node / ws would put in the Error. */
  readonly message: string;
}

export type SendOutcome = { readonly kind: "sent" } | { readonly kind: "not-open"; readonly readyState: ReadyState };

/** One end of a connection, as the code on that end holds it. */
export interface SocketEnd<P> {
  readonly connId: string;
  readonly side: "client" | "server";
  readonly readyState: ReadyState;
  send(payload: P): SendOutcome;
  /** Starts the close handshake. `code` omitted: an empty close frame (the peer reports 1005). */
  close(code?: number, reason?: string): void;
  /** Destroys the socket: the peer reports 1006 with an empty reason once the teardown reaches it. */
  terminate(): void;
  /** Largest frame this end accepts; a bigger one makes it fail the connection with 1009, like `ws`. */
  setMaxPayload(bytes: number): void;
}

export interface ServerSocket<P> extends SocketEnd<P> {
  readonly request: UpgradeRequest;
}

export interface ServerListener<P> {
  onUpgrade(request: UpgradeRequest): UpgradeVerdict;
  onOpen?(socket: ServerSocket<P>): void;
  onMessage?(socket: ServerSocket<P>, payload: P): void;
  onClose?(socket: ServerSocket<P>, code: number, reason: string, wasClean: boolean): void;
  onError?(socket: ServerSocket<P>, error: NetError): void;
}

export interface ClientCallbacks<P> {
  onOpen?(): void;
  onMessage?(payload: P): void;
  onClose?(code: number, reason: string, wasClean: boolean): void;
  /** The server answered the upgrade with an HTTP status instead of 101; onClose(1006) follows. */
  onUnexpectedResponse?(status: number, body: string): void;
  /** A transport failure; onClose(1006) follows. */
  onError?(error: NetError): void;
}
