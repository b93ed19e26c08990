// retries-bounded: after a failure only an operator can fix (a connect-error whose code is in `codes`), a
// client makes at most `attemptsMax` connect attempts within `windowMs` — until its configuration changes
// (credentials-changed, resumed), it connects (hello), or an operator acts (an `operator` event or a gateway
// config change). It watches client events only; it does not judge which failures a release pauses on. An
// attempt that follows a close 1013 (try again later: the gateway was starting and asked for it) is the
// gateway's retry, not the client's, and does not count (2026-12-04: a token-mismatch answer held late by a
// chaos delay fault arrived just after a gateway restart; the client's one device-token retry met the new
// process's start-up window and was retried twice at the gateway's `retryAfterMs`, light seed 13).
import { assert, type TraceEvent } from "../kernel/index.ts";
import { connectErrorCode, OPERATOR_ACTION_CODES } from "./failure-code.ts";
import { FindingList, formatMs, refOf, type EventRef } from "./findings.ts";
import type { Invariant, InvariantFinding } from "./invariant.ts";
import { TraceReader } from "./trace-reader.ts";

export const retriesBoundedName = "retries-bounded";
export const retriesAttemptsMaxDefault = 3;
export const retriesWindowMsDefault = 60_000;
/** WebSocket close 1013, Try Again Later: the gateway's "starting, retry after" answer. */
const tryAgainLaterCode = 1013;

export interface RetriesBoundedOptions {
  /** Detail codes after which retrying cannot help (default: the §7.5 pause codes + both token mismatches). */
  readonly codes?: readonly string[];
  /** Connect attempts allowed within the window after such a failure (K). */
  readonly attemptsMax?: number;
  /** The window after the failure, in virtual ms (W). */
  readonly windowMs?: number;
  /** Read the code from the error message when the gateway sent no detail code (S-Feb). Default true. */
  readonly inferCodeFromMessage?: boolean;
  /** Only these clients (trace actor names); default every client. */
  readonly clients?: readonly string[];
  /** Client events that end the episode (default credentials-changed, resumed, hello). */
  readonly resetClientEvents?: readonly string[];
  /** Gateway log events that count as an operator fixing config (default gateway.shared-secret-changed). */
  readonly resetGatewayEvents?: readonly string[];
}

interface Episode {
  readonly client: string;
  readonly code: string;
  readonly endMs: number;
  readonly attempts: EventRef[];
}

class RetriesBounded implements Invariant {
  readonly name = retriesBoundedName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(retriesBoundedName);
  private readonly episodes = new Map<string, Episode>();
  /** Clients whose last socket the gateway closed with 1013 (try again later). */
  private readonly askedToRetry = new Set<string>();
  private readonly codes: ReadonlySet<string>;
  private readonly attemptsMax: number;
  private readonly windowMs: number;
  private readonly resetClientEvents: ReadonlySet<string>;
  private readonly resetGatewayEvents: ReadonlySet<string>;

  constructor(private readonly options: RetriesBoundedOptions) {
    this.codes = new Set(options.codes ?? OPERATOR_ACTION_CODES);
    this.attemptsMax = options.attemptsMax ?? retriesAttemptsMaxDefault;
    this.windowMs = options.windowMs ?? retriesWindowMsDefault;
    this.resetClientEvents = new Set(options.resetClientEvents ?? ["credentials-changed", "resumed", "hello"]);
    this.resetGatewayEvents = new Set(options.resetGatewayEvents ?? ["gateway.shared-secret-changed"]);
    assert(Number.isInteger(this.attemptsMax) && this.attemptsMax >= 0, `${this.name}: attemptsMax must be a whole number ≥ 0`);
    assert(this.windowMs > 0, `${this.name}: windowMs must be positive`);
  }

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      if (o.kind === "operator" || (o.kind === "gateway-log" && this.resetGatewayEvents.has(o.name))) {
        for (const client of [...this.episodes.keys()]) this.end(client);
      } else if (o.kind === "client" && (this.options.clients?.includes(o.client) ?? true)) {
        this.clientEvent(event, o.client, o.name);
      }
    }
  }

  private clientEvent(event: TraceEvent, client: string, name: string): void {
    const open = this.episodes.get(client);
    if (open && event.atMs > open.endMs) this.end(client);
    if (this.resetClientEvents.has(name)) return this.end(client);
    if (name === "closed") {
      if (event.data["code"] === tryAgainLaterCode) this.askedToRetry.add(client);
      else this.askedToRetry.delete(client);
    }
    const episode = this.episodes.get(client);
    if (name === "connect-attempt") {
      const askedFor = this.askedToRetry.delete(client);
      if (episode && !askedFor) episode.attempts.push(refOf(event));
    }
    if (name !== "connect-error" || episode) return;
    const code = connectErrorCode(event.data, { inferFromMessage: this.options.inferCodeFromMessage ?? true });
    if (code !== undefined && this.codes.has(code)) this.episodes.set(client, { client, code, endMs: event.atMs + this.windowMs, attempts: [] });
  }

  private end(client: string): void {
    const episode = this.episodes.get(client);
    if (!episode) return;
    this.episodes.delete(client);
    const offending = episode.attempts[this.attemptsMax];
    if (offending === undefined) return;
    const n = episode.attempts.length;
    this.findings.add(
      "correctness",
      `client ${client} made ${n} connect attempts in ${formatMs(this.windowMs)} after ${episode.code} (limit ${this.attemptsMax})`,
      offending,
    );
  }

  finish(): InvariantFinding[] {
    for (const client of [...this.episodes.keys()]) this.end(client);
    return this.findings.list();
  }
}

export function retriesBounded(options: RetriesBoundedOptions = {}): Invariant {
  return new RetriesBounded(options);
}
