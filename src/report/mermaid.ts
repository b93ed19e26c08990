// A Mermaid `sequenceDiagram` of the frames that matter in a run: connection opens, connect requests and
// answers (ok / error code / details.code), closes, pairing and other gateway events, operator commands,
// faults and the findings at their first offending event. Ticks, FIN packets and timers are left out; at most
// `diagramMessagesMax` lines, preferring the window around the first offending event.
import type { TraceEvent } from "../kernel/index.ts";
import { str, oneLine } from "./fields.ts";
import { cutAtWord, wrapWords } from "./wrap.ts";
import type { Finding } from "../scenario/result.ts";
import { describeEvent, packetLabel } from "./describe.ts";
import { firstEventOf, findingLane } from "./findings-view.ts";
import { laneOf, packetEnds, type TraceView } from "./trace-view.ts";

/** Lines drawn at most (notes about left-out lines not counted). */
export const diagramMessagesMax = 60;
/** Of those, how many come before the first offending event when the window is cut. */
const diagramLinesBeforeFinding = 40;
/** A message or note is wrapped (`<br/>`) at this many characters a line … */
const lineCharsMax = 64;
/** … and shortened, at a word, beyond this many in all. */
const textCharsMax = 256;

type Arrow = "->>" | "-->>" | "-x";

type Item =
  | { readonly kind: "message"; readonly order: number; readonly from: string; readonly to: string; readonly arrow: Arrow; readonly text: string }
  | { readonly kind: "note"; readonly order: number; readonly over: readonly string[]; readonly text: string };

export interface Diagram {
  readonly text: string;
  readonly shown: number;
  readonly leftOut: number;
}

export function renderMermaid(view: TraceView): Diagram {
  const items = diagramItems(view);
  const { start, end } = windowOf(items);
  const shown = items.slice(start, end);
  const endNotes = openSessionItems(view);
  const used = (lane: string): boolean =>
    [...shown, ...endNotes].some((item) => (item.kind === "message" ? item.from === lane || item.to === lane : item.over.includes(lane)));
  const lanes = groupedByHost(view, view.lanes.filter(used));
  const ids = new Map(lanes.map((lane, k) => [lane, `p${k}`] as const));
  const id = (lane: string): string => ids.get(lane) ?? "p0";
  const span = lanes.length > 1 ? `${id(lanes[0]!)},${id(lanes[lanes.length - 1]!)}` : "p0";
  const lines = ["sequenceDiagram", ...participantLines(view, lanes, id)];
  if (lanes.length === 0) lines.push("  participant p0 as (no actors)");
  if (start > 0) lines.push(`  Note over ${span}: … ${start} earlier line(s) left out`);
  for (const item of shown) {
    if (item.kind === "message") lines.push(`  ${id(item.from)}${item.arrow}${id(item.to)}: ${mermaidText(item.text)}`);
    else lines.push(`  Note over ${item.over.length > 1 ? item.over.map(id).join(",") : id(item.over[0] ?? "")}: ${mermaidText(item.text)}`);
  }
  if (end < items.length) lines.push(`  Note over ${span}: … ${items.length - end} later line(s) left out`);
  for (const item of endNotes) if (item.kind === "note") lines.push(`  Note over ${item.over.map(id).join(",")}: ${mermaidText(item.text)}`);
  return { text: lines.join("\n"), shown: shown.length, leftOut: items.length - shown.length };
}

/** Lanes reordered so that lanes on one host are adjacent (a `box` needs its participants together). */
function groupedByHost(view: TraceView, lanes: readonly string[]): string[] {
  const out: string[] = [];
  for (const lane of lanes) {
    if (out.includes(lane)) continue;
    const host = view.hostOfLane.get(lane);
    if (host === undefined) out.push(lane);
    else out.push(...lanes.filter((l) => view.hostOfLane.get(l) === host && !out.includes(l)));
  }
  return out;
}

/** `participant` lines, each host's lanes inside a `box` named after the host. */
function participantLines(view: TraceView, lanes: readonly string[], id: (lane: string) => string): string[] {
  const lines: string[] = [];
  let openHost: string | undefined;
  for (const lane of lanes) {
    const host = view.hostOfLane.get(lane);
    if (host !== openHost) {
      if (openHost !== undefined) lines.push("  end");
      if (host !== undefined) lines.push(`  box rgba(127,127,127,0.08) host ${participantLabel(host)}`);
      openHost = host;
    }
    lines.push(`  ${openHost !== undefined ? "  " : ""}participant ${id(lane)} as ${participantLabel(lane)}`);
  }
  if (openHost !== undefined) lines.push("  end");
  return lines;
}

/** Notes after the last line: every session still open when the run ended. */
function openSessionItems(view: TraceView): Item[] {
  return view.openAtEnd.map((conn) => ({
    kind: "note" as const,
    order: Number.POSITIVE_INFINITY,
    over: conn.client === conn.server ? [conn.client] : [conn.client, conn.server],
    text: `still open when the run ended: session ${conn.connId}`,
  }));
}

function windowOf(items: readonly Item[]): { start: number; end: number } {
  if (items.length <= diagramMessagesMax) return { start: 0, end: items.length };
  const anchor = items.findIndex((item) => item.kind === "note" && item.text.startsWith("FINDING") && Number.isFinite(item.order));
  if (anchor < 0) return { start: 0, end: diagramMessagesMax };
  const start = Math.max(0, Math.min(anchor - diagramLinesBeforeFinding, items.length - diagramMessagesMax));
  return { start, end: start + diagramMessagesMax };
}

function diagramItems(view: TraceView): Item[] {
  const items: Item[] = [];
  const closeShown = new Set<string>();
  const allLanes = view.lanes;
  for (const event of view.events) {
    const item = itemOf(view, event, closeShown, allLanes);
    if (item) items.push(item);
  }
  for (const finding of view.result.findings ?? []) {
    const lane = finding.client !== undefined && allLanes.includes(finding.client) ? finding.client : (findingLane(view, finding) ?? allLanes[0] ?? "run");
    const text = `FINDING ${finding.kind} ${finding.invariant}: ${finding.message}`;
    items.push({ kind: "note", order: brokeOrder(view, finding), over: [lane], text });
  }
  return items.sort((a, b) => a.order - b.order);
}

/** Where a finding's note goes: after the last event at or before the moment it broke. */
function brokeOrder(view: TraceView, finding: Finding): number {
  const event = firstEventOf(view, finding);
  const first = event ? event.i + 0.5 : Number.POSITIVE_INFINITY;
  if (finding.brokeAtMs === undefined) return first;
  let last: number | undefined;
  for (const e of view.events) {
    if (e.atMs > finding.brokeAtMs) break;
    last = e.i;
  }
  return last === undefined ? first : Math.max(first, last + 0.5);
}

function itemOf(view: TraceView, event: TraceEvent, closeShown: Set<string>, allLanes: readonly string[]): Item | undefined {
  const order = event.i;
  const lane = laneOf(view, event);
  const note = (text: string, over: readonly string[] = [lane]): Item => ({ kind: "note", order, over, text });
  const d = event.data;
  switch (event.kind) {
    case "conn.open": {
      const conn = view.conns.get(str(d, "connId") ?? event.actor);
      return conn ? { kind: "message", order, from: conn.client, to: conn.server, arrow: "-->>", text: `open ${conn.connId}` } : undefined;
    }
    case "conn.refused":
    case "timer.fire":
      return describeEvent(view, event).notable ? note(describeEvent(view, event).what) : undefined;
    case "frame.deliver":
    case "frame.drop":
    case "frame.hold":
      return packetItem(view, event, closeShown);
    case "close":
      return d["wasClean"] === false ? note(describeEvent(view, event).what) : undefined;
    case "fault": {
      const line = describeEvent(view, event);
      if (str(d, "action") === "add" || str(d, "action") === "remove") return note(line.what, spanOf(allLanes));
      return str(d, "what") === "clock.jump" ? note(line.what) : undefined;
    }
    case "gateway":
    case "client":
    case "operator": {
      const line = describeEvent(view, event);
      return line.notable ? note(line.what) : undefined;
    }
    default:
      return undefined;
  }
}

function packetItem(view: TraceView, event: TraceEvent, closeShown: Set<string>): Item | undefined {
  const d = event.data;
  const ends = packetEnds(view, event);
  const packet = str(d, "packet") ?? "frame";
  if (!ends || (packet !== "frame" && packet !== "close")) return undefined;
  const frame = view.frames.get(event.i);
  if (frame?.frameClass === "tick") return undefined;
  const connId = str(d, "connId") ?? event.actor;
  const label = `${frame?.label ?? packetLabel(packet, d)} (${connId})`;
  const order = event.i;
  switch (event.kind) {
    case "frame.deliver": {
      if (packet === "close") {
        if (closeShown.has(connId)) return undefined;
        closeShown.add(connId);
      }
      return { kind: "message", order, from: ends.from, to: ends.to, arrow: "->>", text: label };
    }
    case "frame.drop": {
      const reason = str(d, "reason") ?? "?";
      if (reason !== "fault" && reason !== "reset") return undefined;
      return { kind: "message", order, from: ends.from, to: ends.to, arrow: "-x", text: `${label} dropped (${reason})` };
    }
    default:
      return { kind: "note", order, over: [ends.from], text: `held by ${str(d, "rule") ?? "a rule"}: ${label}` };
  }
}

function spanOf(lanes: readonly string[]): readonly string[] {
  if (lanes.length <= 1) return lanes;
  return [lanes[0]!, lanes[lanes.length - 1]!];
}

const entities: Readonly<Record<string, string>> = { "#": "#35;", ";": "#59;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "'", "%": "#37;", "\\": "/" };

/**
 * Message or note text that Mermaid shows literally: no statement breaks, no entity or HTML surprises; long
 * text wraps onto lines joined by `<br/>` (the only markup let through) and is never cut inside a word.
 */
export function mermaidText(text: string): string {
  const cut = cutAtWord(oneLine(text), textCharsMax);
  const escape = (line: string): string => line.replace(/[#;"<>`%\\]/g, (ch) => entities[ch] ?? "_");
  return wrapWords(cut, lineCharsMax).map(escape).join("<br/>") || " ";
}

/** Participant names: a conservative character set (aliases do not all honour entity codes). */
function participantLabel(lane: string): string {
  return cutAtWord(lane, 40).replace(/[^A-Za-z0-9 ._:@/()+-]/g, "_") || "_";
}
