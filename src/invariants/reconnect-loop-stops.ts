// reconnect-loop-stops: once a client reports `paused` it sends nothing more — no connect attempt, no new
// socket, no data frame — until its configuration changes (credentials-changed or resumed) or the process stops. New sockets are
// tied to a client through its connect-attempt event (trace-reader.ts); the offending event is the earliest
// one, usually the new connection's conn.open. It does not judge whether the pause itself was right.
import type { TraceEvent } from "../kernel/index.ts";
import { earliest, FindingList, formatMs, refOf, type EventRef } from "./findings.ts";
import type { Invariant, InvariantFinding } from "./invariant.ts";
import { TraceReader } from "./trace-reader.ts";

export const reconnectLoopStopsName = "reconnect-loop-stops";

export interface ReconnectLoopStopsOptions {
  /** Only these clients (trace actor names); default every client. */
  readonly clients?: readonly string[];
  /** Client events that lift the pause (default credentials-changed, resumed, and stopped: a process started
   *  again under the same name afterwards is a relaunch, not the paused process reconnecting). */
  readonly resumeEvents?: readonly string[];
}

interface Pause {
  readonly at: EventRef;
  readonly detailCode: string;
  offence: EventRef | undefined;
  attempts: number;
}

class ReconnectLoopStops implements Invariant {
  readonly name = reconnectLoopStopsName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(reconnectLoopStopsName);
  private readonly paused = new Map<string, Pause>();
  private readonly resumeEvents: ReadonlySet<string>;

  constructor(private readonly options: ReconnectLoopStopsOptions) {
    this.resumeEvents = new Set(options.resumeEvents ?? ["credentials-changed", "resumed", "stopped"]);
  }

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      switch (o.kind) {
        case "client":
          if (this.options.clients?.includes(o.client) ?? true) this.clientEvent(event, o.client, o.name);
          break;
        case "conn-owned":
          this.sentFromPause(o.owner, o.conn.openEvent ?? event);
          break;
        case "client-packet":
          this.sentFromPause(o.owner, event);
          break;
        default:
          break;
      }
    }
  }

  private clientEvent(event: TraceEvent, client: string, name: string): void {
    if (this.resumeEvents.has(name)) return this.end(client);
    if (name === "paused" && !this.paused.has(client)) {
      const detailCode = typeof event.data["detailCode"] === "string" ? event.data["detailCode"] : "an operator-action failure";
      this.paused.set(client, { at: refOf(event), detailCode, offence: undefined, attempts: 0 });
      return;
    }
    const pause = this.paused.get(client);
    if (pause && name === "connect-attempt") {
      pause.attempts++;
      pause.offence = earliest(pause.offence, refOf(event));
    }
  }

  /** Something the client sent (or the socket it opened) — an offence when it came after the pause. */
  private sentFromPause(client: string, event: TraceEvent): void {
    const pause = this.paused.get(client);
    if (!pause || event.i <= pause.at.i) return;
    pause.offence = earliest(pause.offence, refOf(event));
  }

  private end(client: string): void {
    const pause = this.paused.get(client);
    if (!pause) return;
    this.paused.delete(client);
    if (pause.offence === undefined) return;
    const after = formatMs(pause.offence.atMs - pause.at.atMs);
    const attempts = pause.attempts === 1 ? "1 connect attempt" : `${pause.attempts} connect attempts`;
    const what = pause.attempts > 0 ? `kept reconnecting (${attempts})` : "kept sending";
    this.findings.add(
      "correctness",
      `client ${client} ${what} after it paused on ${pause.detailCode} at ${formatMs(pause.at.atMs)}, with no configuration change; the first offence came ${after} after the pause`,
      pause.offence,
    );
  }

  finish(): InvariantFinding[] {
    for (const client of [...this.paused.keys()]) this.end(client);
    return this.findings.list();
  }
}

export function reconnectLoopStops(options: ReconnectLoopStopsOptions = {}): Invariant {
  return new ReconnectLoopStops(options);
}
