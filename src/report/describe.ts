// One trace event as one line a maintainer can read: the lane it happened on, what happened, a tone, and
// whether a compact timeline should show it. Unknown kinds and missing fields fall back to a generic line.
import type { TraceEvent } from "../kernel/index.ts";
import { bool, num, rec, shortId, shortValue, str, strings, oneLine, truncate, isRecord } from "./fields.ts";
import type { Tone } from "./frame-summary.ts";
import { laneOf, packetEnds, type TraceView } from "./trace-view.ts";

export interface EventLine {
  readonly i: number;
  readonly atMs: number;
  readonly lane: string;
  readonly what: string;
  readonly tone: Tone;
  /** Shown in the compact console timeline. */
  readonly notable: boolean;
}

type Described = { what: string; tone: Tone; notable: boolean };

const whatCharsMax = 600;
/** Gateway log events that repeat what a frame already shows. */
const quietGatewayEvents = new Set(["connect.hello", "gateway.start", "gateway.ready"]);
/** Client events that repeat what a frame already shows. */
const quietClientEvents = new Set(["connect-attempt", "hello", "rpc-result", "gateway-event", "closed"]);

export function describeEvent(view: TraceView, event: TraceEvent): EventLine {
  let described: Described;
  try {
    described = describeKind(view, event);
  } catch {
    described = { what: `${String(event.kind)} ${shortValue(event.data, 80)}`, tone: "info", notable: true };
  }
  const atMs = typeof event.atMs === "number" ? event.atMs : Number.NaN;
  return { i: event.i, atMs, lane: laneOf(view, event), ...described, what: truncate(oneLine(described.what), whatCharsMax) };
}

function describeKind(view: TraceView, event: TraceEvent): Described {
  const d = event.data;
  switch (event.kind) {
    case "run.start":
      return { what: `run start: seed ${str(d, "seed") ?? "?"}, profile ${str(d, "profile") ?? "?"}`, tone: "info", notable: true };
    case "conn.open":
      return describeOpen(view, event);
    case "conn.accept":
      return { what: `${connOf(event)} open (${str(d, "side") ?? "?"} side)`, tone: "muted", notable: false };
    case "conn.refused":
      return describeRefused(event);
    case "frame.send":
    case "frame.deliver":
    case "frame.drop":
    case "frame.duplicate":
    case "frame.hold":
    case "frame.release":
      return describePacket(view, event);
    case "close":
      return describeClose(event);
    case "fault":
      return describeFault(event);
    case "timer.set":
    case "timer.cancel":
      return { what: `${event.kind} ${str(d, "label") ?? str(d, "key") ?? ""}`, tone: "muted", notable: false };
    case "timer.fire": {
      const label = str(d, "label") ?? "?";
      return { what: `timer ${label}`, tone: "muted", notable: !label.startsWith("net:") && label !== "tick" };
    }
    case "gateway":
      return describeLog(event, quietGatewayEvents);
    case "client":
      return describeLog(event, quietClientEvents);
    case "operator":
      return { what: `$ ${str(d, "command") ?? str(d, "action") ?? fieldsText(d, [])}`, tone: "info", notable: true };
    case "host":
    case "note":
      return describeHostNote(event);
    case "check":
      return describeCheck(event);
    case "verdict":
      return { what: `verdict ${str(d, "verdict") ?? "?"} ${fieldsText(d, ["verdict"])}`.trim(), tone: str(d, "verdict") === "fail" ? "error" : "info", notable: true };
    default:
      return { what: `${String(event.kind)} ${fieldsText(d, [])}`, tone: "info", notable: true };
  }
}

function connOf(event: TraceEvent): string {
  return str(event.data, "connId") ?? event.actor;
}

function describeOpen(view: TraceView, event: TraceEvent): Described {
  const connId = connOf(event);
  const conn = view.conns.get(connId);
  const url = str(event.data, "url") ?? "?";
  const dial = str(event.data, "dial");
  const failed = dial !== undefined && dial !== "route" ? ` (${dial})` : "";
  return { what: `${connId} dial ${url} → ${conn?.server ?? "?"}${failed}`, tone: failed ? "warn" : "info", notable: true };
}

function describeRefused(event: TraceEvent): Described {
  const status = num(event.data, "status");
  const error = str(event.data, "error");
  const cause = status !== undefined ? `HTTP ${status}${str(event.data, "body") ? ` ${str(event.data, "body")}` : ""}` : (error ?? "?");
  return { what: `${connOf(event)} refused: ${cause}`, tone: "error", notable: true };
}

function describePacket(view: TraceView, event: TraceEvent): Described {
  const d = event.data;
  const ends = packetEnds(view, event);
  const route = ends ? `${ends.from} → ${ends.to}` : (str(d, "dir") ?? "?");
  const packet = str(d, "packet") ?? "frame";
  const frame = view.frames.get(event.i);
  const label = frame?.label ?? packetLabel(packet, d);
  const connId = connOf(event);
  const isTick = frame?.frameClass === "tick";
  const isPayload = packet === "frame";
  switch (event.kind) {
    case "frame.send":
      return { what: `${route} ${label} sent [${connId}]`, tone: "muted", notable: false };
    case "frame.deliver":
      return { what: `${route} ${label} [${connId}]`, tone: frame?.tone ?? "muted", notable: isPayload && !isTick };
    case "frame.drop": {
      const reason = str(d, "reason") ?? "?";
      const byFault = reason === "fault" || reason === "reset";
      return { what: `${route} ${label} dropped (${reason}) [${connId}]`, tone: byFault ? "warn" : "muted", notable: byFault || (isPayload && !isTick) };
    }
    case "frame.duplicate":
      return { what: `${route} ${label} duplicated [${connId}]`, tone: "warn", notable: true };
    case "frame.hold":
      return { what: `${route} ${label} held by ${str(d, "rule") ?? "a rule"} [${connId}]`, tone: "warn", notable: true };
    default:
      return { what: `${route} ${label} released by ${str(d, "rule") ?? "a rule"} [${connId}]`, tone: "warn", notable: true };
  }
}

/** Labels for packets without frame text (upgrade, close, fin). */
export function packetLabel(packet: string, d: Readonly<Record<string, unknown>>): string {
  switch (packet) {
    case "upgrade":
      return "HTTP upgrade";
    case "upgrade-response": {
      const status = num(d, "status");
      return status !== undefined ? `HTTP ${status}` : `upgrade ${str(d, "outcome") ?? "answer"}`;
    }
    case "close": {
      const code = num(d, "code");
      const reason = str(d, "reason");
      return `close ${code ?? "(no code)"}${reason ? ` "${reason}"` : ""}`;
    }
    case "fin":
      return "FIN";
    default:
      return packet;
  }
}

function describeClose(event: TraceEvent): Described {
  const d = event.data;
  const code = num(d, "code");
  const reason = str(d, "reason");
  const clean = bool(d, "wasClean");
  const cause = str(d, "cause");
  const tone: Tone = code === 1000 || code === 1005 ? "info" : code === 1006 || code === 1012 || code === 1001 ? "warn" : "error";
  const parts = [`${connOf(event)} closed ${code ?? "?"}`];
  if (reason) parts.push(`"${reason}"`);
  parts.push(`(${str(d, "side") ?? "?"} side${clean === false ? ", unclean" : ""}${cause ? `, ${cause}` : ""})`);
  return { what: parts.join(" "), tone, notable: true };
}

function describeFault(event: TraceEvent): Described {
  const d = event.data;
  const what = str(d, "what");
  if (what === "clock.jump") return { what: `clock jump ${signed(num(d, "deltaMs"))}ms`, tone: "warn", notable: true };
  const rule = str(d, "rule") ?? str(d, "link") ?? "fault";
  const action = str(d, "action");
  if (action === "add") return { what: `fault ${rule} on`, tone: "warn", notable: true };
  if (action === "remove") {
    const released = num(d, "released");
    return { what: `fault ${rule} off${released ? ` (released ${released})` : ""}`, tone: "warn", notable: true };
  }
  const verdict = str(d, "verdict") ?? what ?? "?";
  const ms = num(d, "ms");
  const packet = str(d, "packet");
  const dir = str(d, "dir");
  const target = [packet, dir, str(d, "connId")].filter((x) => x !== undefined).join(" ");
  return { what: `fault ${rule}: ${verdict}${ms !== undefined ? ` ${ms}ms` : ""}${target ? ` (${target})` : ""}`, tone: "warn", notable: packet !== "fin" };
}

function signed(value: number | undefined): string {
  if (value === undefined) return "?";
  return value >= 0 ? `+${value}` : `${value}`;
}

function describeLog(event: TraceEvent, quiet: ReadonlySet<string>): Described {
  const d = event.data;
  const name = str(d, "event") ?? str(d, "name") ?? "?";
  const tone = logTone(name);
  return { what: `${name}${detailText(d)}`, tone, notable: !quiet.has(name) };
}

function logTone(name: string): Tone {
  if (/crash|invalid|unauthorized|mismatch|error|refused|denied|rejected/.test(name)) return "error";
  if (/pairing|paused|stopped|timeout|shutdown|reconnect|rate/.test(name)) return "warn";
  if (name === "hello" || name === "connect.hello") return "ok";
  return "info";
}

/** The interesting fields of a log event, in a stable order, ids shortened. */
function detailText(d: Readonly<Record<string, unknown>>): string {
  const text = fieldsText(d, ["event", "name"]);
  return text ? ` ${text}` : "";
}

/** `key=value` pairs, long ids shortened, nested values as short JSON. */
export function fieldsText(d: unknown, skip: readonly string[]): string {
  if (!isRecord(d)) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (skip.includes(key) || value === undefined || value === null) continue;
    if (typeof value === "string") parts.push(`${key}=${/Id$|^id$|nonce|token|requestId/i.test(key) ? shortId(value) : truncate(value, 48)}`);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) parts.push(`${key}=${truncate(value.join(","), 48)}`);
    else parts.push(`${key}=${shortValue(value, 48)}`);
  }
  return parts.join(" ");
}

function describeHostNote(event: TraceEvent): Described {
  const what = str(event.data, "what") ?? "";
  const setup = what.startsWith("net.");
  return { what: `${what || event.kind} ${fieldsText(event.data, ["what"])}`.trim(), tone: setup ? "muted" : "info", notable: !setup };
}

function describeCheck(event: TraceEvent): Described {
  const d = event.data;
  const ok = bool(d, "ok");
  const passed = bool(d, "passed") ?? bool(d, "pass");
  const failed = passed === false || ok === false;
  const name = str(d, "what") ?? str(d, "invariant") ?? str(d, "name") ?? "check";
  const subject = str(d, "attempt");
  const close = rec(d, "close");
  const closeText = close ? ` close ${num(close, "code") ?? "?"}` : "";
  const scopes = strings(d, "scopes");
  const extra = scopes ? ` scopes ${scopes.join(",")}` : "";
  const verdictText = passed !== undefined ? (passed ? "passed" : "failed") : ok === undefined ? "" : ok ? "ok" : "not ok";
  return { what: `${name}${subject ? ` ${subject}` : ""} ${verdictText}${closeText}${extra}`.trim(), tone: failed ? "warn" : "info", notable: true };
}
