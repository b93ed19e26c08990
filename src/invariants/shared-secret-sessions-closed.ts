// Shared-secret sessions close on rotation: where the release says so, every session opened with the shared
// secret (token/password) closes soon after the operator rotates it. Shadow model from hello logs, closes and
// operator commands only.
import type { TraceEvent } from "../kernel/index.ts";
import type { Invariant, InvariantFinding } from "./invariant.ts";

export const sharedSecretSessionsClosedName = "shared-secret-sessions-closed";
/** How long a shared-secret session may outlive the rotation (the config watcher's debounce is 300 ms). */
export const sharedSecretCloseWithinMsDefault = 5_000;
const sharedSecretMethods = new Set(["token", "password"]);
const rotationCommandPrefixes = ["openclaw config set gateway.auth.token", "openclaw config set gateway.auth.password"];

export interface SharedSecretSessionsClosedOptions {
  /** The release disconnects shared-secret sessions when the secret changes (sharedSecretRotationClosesSessions). */
  readonly closeLiveSessions: boolean;
  readonly closeWithinMs?: number;
}

class SharedSecretSessionsClosed implements Invariant {
  readonly name = sharedSecretSessionsClosedName;
  /** Connections whose session was opened with the shared secret and are not closed yet. */
  private readonly live = new Set<string>();
  private readonly awaiting = new Map<string, { readonly rotatedAtMs: number; readonly at: number; readonly deadlineMs: number }>();
  private readonly findings: InvariantFinding[] = [];
  private readonly closeWithinMs: number;

  constructor(private readonly options: SharedSecretSessionsClosedOptions) {
    this.closeWithinMs = options.closeWithinMs ?? sharedSecretCloseWithinMsDefault;
  }

  onEvent(event: TraceEvent): void {
    for (const [connId, wait] of [...this.awaiting]) if (event.atMs > wait.deadlineMs) this.notClosed(connId, wait, event.atMs);
    const data = event.data;
    const connId = typeof data["connId"] === "string" ? data["connId"] : undefined;
    if (event.kind === "gateway" && data["event"] === "connect.hello" && connId !== undefined && sharedSecretMethods.has(String(data["method"]))) {
      this.live.add(connId);
    } else if (connId !== undefined && (event.kind === "close" || isGatewayClose(event))) {
      this.live.delete(connId);
      this.awaiting.delete(connId);
    } else if (event.kind === "operator" && this.options.closeLiveSessions && isRotation(data["command"])) {
      for (const id of this.live) this.awaiting.set(id, { rotatedAtMs: event.atMs, at: event.i, deadlineMs: event.atMs + this.closeWithinMs });
    }
  }

  private notClosed(connId: string, wait: { rotatedAtMs: number; at: number; deadlineMs: number }, nowMs: number): void {
    this.awaiting.delete(connId);
    const how = nowMs > wait.deadlineMs ? `more than ${this.closeWithinMs} ms` : `${nowMs - wait.rotatedAtMs} ms, until the run ended,`;
    this.findings.push({
      kind: "correctness",
      invariant: this.name,
      message: `the shared-secret session on ${connId} stayed open ${how} after the shared secret was rotated at ${wait.rotatedAtMs} ms (limit ${this.closeWithinMs} ms)`,
      firstEventIndex: wait.at,
      atMs: wait.rotatedAtMs,
    });
  }

  finish(context: { nowMs: number }): InvariantFinding[] {
    for (const [connId, wait] of [...this.awaiting]) this.notClosed(connId, wait, context.nowMs);
    return [...this.findings];
  }
}

/**
 * The gateway sent its close: its decision to end the session, however long the network then takes to carry
 * it (as revoked-token-refused judges it). Until 2026-12-04 only a reported close counted, and gateway frames
 * held seconds late by a chaos delay fault made 2026.9 look slow (light seed 425131).
 */
function isGatewayClose(event: TraceEvent): boolean {
  return event.kind === "frame.send" && event.data["dir"] === "s2c" && event.data["packet"] === "close";
}

function isRotation(command: unknown): boolean {
  return typeof command === "string" && rotationCommandPrefixes.some((p) => command.startsWith(p));
}

/** Where the release says so, every session opened with the shared secret closes soon after the secret is rotated. */
export function sharedSecretSessionsClosed(options: SharedSecretSessionsClosedOptions): Invariant {
  return new SharedSecretSessionsClosed(options);
}
