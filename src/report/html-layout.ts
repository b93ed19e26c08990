// Geometry of the HTML timeline: one column (lane) per actor, one row per drawn event going down in virtual
// time (long quiet gaps shown as a short break), frames as arrows from the send row to the delivery row,
// fault rules and gateway downtime as shaded bands, findings as red rows under their first offending event.
// Pure data in pixels; html-svg.ts turns it into SVG.
import type { TraceEvent } from "../kernel/index.ts";
import { num, str } from "./fields.ts";
import { describeEvent, packetLabel } from "./describe.ts";
import { firstEventOf, findingLane, earliestFindingEventIndex } from "./findings-view.ts";
import type { Tone } from "./frame-summary.ts";
import { formatClock } from "./time-format.ts";
import { laneOf, packetEnds, type TraceView } from "./trace-view.ts";

export const laneWidthPx = 150;
export const gutterWidthPx = 96;
export const rowHeightPx = 22;
export const gapHeightPx = 18;
/** A jump in virtual time at least this long between two rows is drawn as a break. */
export const gapMsMin = 1000;
/** Room right of the last lane for its labels. */
export const labelMarginPx = 200;
/** Rows drawn at most; longer traces show the window around the first offending event. */
export const htmlRowsMax = 4000;
const rowsBeforeFinding = 3000;
const topPaddingPx = 16;

export type PointShape = "dot" | "close" | "fault" | "operator" | "send" | "refused";

export type LayoutItem =
  | { readonly kind: "arrow"; readonly i: number; readonly sendI?: number; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly label: string; readonly text: string; readonly tag: string; readonly tone: Tone; readonly dropped: boolean; readonly selfLoop: boolean }
  | { readonly kind: "point"; readonly i: number; readonly x: number; readonly y: number; readonly label: string; readonly tone: Tone; readonly shape: PointShape; readonly showLabel: boolean }
  | { readonly kind: "band"; readonly i: number; readonly x1: number; readonly x2: number; readonly y1: number; readonly y2: number; readonly label: string; readonly band: "fault" | "down" }
  | { readonly kind: "finding"; readonly i: number; readonly finding: number; readonly x: number; readonly y: number; readonly label: string };

export interface TimeMark {
  readonly y: number;
  readonly text: string;
  readonly gap: boolean;
}

export interface Layout {
  readonly lanes: readonly { readonly name: string; readonly x: number }[];
  readonly width: number;
  readonly height: number;
  readonly items: readonly LayoutItem[];
  readonly times: readonly TimeMark[];
  /** Events drawn (their JSON goes into the page). */
  readonly drawn: readonly TraceEvent[];
  readonly leftOutBefore: number;
  readonly leftOutAfter: number;
}

export function laneX(index: number): number {
  return gutterWidthPx + laneWidthPx * index + laneWidthPx / 2;
}

function drawable(event: TraceEvent): boolean {
  if (event.kind === "timer.set" || event.kind === "timer.cancel") return false;
  if (event.kind === "timer.fire") return !(str(event.data, "label") ?? "").startsWith("net:");
  return true;
}

function windowOf(view: TraceView, events: readonly TraceEvent[]): { start: number; end: number } {
  if (events.length <= htmlRowsMax) return { start: 0, end: events.length };
  const anchorIndex = earliestFindingEventIndex(view);
  const anchor = anchorIndex === undefined ? -1 : events.findIndex((e) => e.i >= anchorIndex);
  if (anchor < 0) return { start: 0, end: htmlRowsMax };
  const start = Math.max(0, Math.min(anchor - rowsBeforeFinding, events.length - htmlRowsMax));
  return { start, end: start + htmlRowsMax };
}

interface Rows {
  readonly rowOf: Map<number, number>;
  readonly findingRows: Map<number, number[]>;
  readonly times: TimeMark[];
  readonly height: number;
}

function placeRows(view: TraceView, events: readonly TraceEvent[]): Rows {
  const findingsAt = new Map<number, number[]>();
  (view.result.findings ?? []).forEach((finding, k) => {
    const event = firstEventOf(view, finding);
    if (event) findingsAt.set(event.i, [...(findingsAt.get(event.i) ?? []), k]);
  });
  const rowOf = new Map<number, number>();
  const findingRows = new Map<number, number[]>();
  const times: TimeMark[] = [];
  let y = topPaddingPx + rowHeightPx / 2;
  let previousAtMs: number | undefined;
  for (const event of events) {
    if (previousAtMs !== undefined && event.atMs - previousAtMs >= gapMsMin) {
      times.push({ y: y - rowHeightPx / 2 + gapHeightPx / 2, text: `⋯ +${formatGap(event.atMs - previousAtMs)}`, gap: true });
      y += gapHeightPx;
    }
    if (event.atMs !== previousAtMs) times.push({ y, text: formatClock(event.atMs), gap: false });
    previousAtMs = event.atMs;
    rowOf.set(event.i, y);
    y += rowHeightPx;
    for (const k of findingsAt.get(event.i) ?? []) {
      findingRows.set(k, [y]);
      y += rowHeightPx;
    }
  }
  return { rowOf, findingRows, times, height: y + topPaddingPx };
}

function formatGap(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)}min` : `${(ms / 1000).toFixed(1)}s`;
}


export function layoutTimeline(view: TraceView): Layout {
  const all = view.events.filter(drawable);
  const { start, end } = windowOf(view, all);
  const events = all.slice(start, end);
  const lanes = usedLanes(view, events);
  const laneIndex = new Map(lanes.map((lane, k) => [lane, k] as const));
  const xOf = (lane: string): number => laneX(laneIndex.get(lane) ?? 0);
  const rows = placeRows(view, events);
  const items: LayoutItem[] = [
    ...bands(view, events, rows, xOf, lanes.length),
    ...eventItems(view, events, rows, xOf),
    ...findingItems(view, rows, xOf),
  ];
  const width = gutterWidthPx + laneWidthPx * Math.max(1, lanes.length) + labelMarginPx;
  return {
    lanes: lanes.map((name, k) => ({ name, x: laneX(k) })),
    width,
    height: rows.height,
    items,
    times: rows.times,
    drawn: events,
    leftOutBefore: start,
    leftOutAfter: all.length - end,
  };
}

/** Lanes something is drawn on in this window (empty lanes take no room), in the view's order. */
function usedLanes(view: TraceView, events: readonly TraceEvent[]): string[] {
  const used = new Set<string>();
  for (const event of events) {
    const ends = packetEnds(view, event);
    if (ends && event.kind.startsWith("frame.")) {
      used.add(ends.from);
      used.add(ends.to);
    } else used.add(laneOf(view, event));
  }
  for (const finding of view.result.findings ?? []) {
    const lane = findingLane(view, finding);
    if (lane !== undefined) used.add(lane);
  }
  const lanes = view.lanes.filter((lane) => used.has(lane));
  return lanes.length > 0 ? lanes : view.lanes.slice(0, 1);
}

function eventItems(view: TraceView, events: readonly TraceEvent[], rows: Rows, xOf: (lane: string) => number): LayoutItem[] {
  const items: LayoutItem[] = [];
  const sends = new Map<string, TraceEvent>();
  for (const event of events) {
    const y = rows.rowOf.get(event.i) ?? 0;
    const line = describeEvent(view, event);
    const ends = packetEnds(view, event);
    const key = `${str(event.data, "connId") ?? event.actor}|${str(event.data, "dir") ?? ""}|${num(event.data, "n") ?? ""}`;
    if (event.kind === "frame.send" && ends) {
      if (!sends.has(key)) sends.set(key, event);
      items.push({ kind: "point", i: event.i, x: xOf(ends.from), y, label: line.what, tone: "muted", shape: "send", showLabel: false });
      continue;
    }
    if ((event.kind === "frame.deliver" || event.kind === "frame.drop") && ends) {
      items.push(arrowItem(view, event, { send: sends.get(key), ends, rows, xOf }));
      continue;
    }
    items.push({ kind: "point", i: event.i, x: xOf(laneOf(view, event)), y, label: line.what, tone: line.tone, shape: shapeOf(event), showLabel: true });
  }
  return items;
}

interface ArrowContext {
  readonly send: TraceEvent | undefined;
  readonly ends: { from: string; to: string };
  readonly rows: Rows;
  readonly xOf: (lane: string) => number;
}

function arrowItem(view: TraceView, event: TraceEvent, context: ArrowContext): LayoutItem {
  const { send, ends, rows, xOf } = context;
  const y2 = rows.rowOf.get(event.i) ?? 0;
  const y1 = send ? (rows.rowOf.get(send.i) ?? y2) : y2;
  const frame = view.frames.get(event.i);
  const connId = str(event.data, "connId") ?? event.actor;
  const dropped = event.kind === "frame.drop";
  const reason = str(event.data, "reason") ?? "?";
  const atSender = dropped && (reason === "fault" || reason === "reset");
  const x1 = xOf(ends.from);
  const xTo = xOf(ends.to);
  const x2 = atSender ? (x1 + xTo) / 2 : xTo;
  const text = `${frame?.label ?? packetLabel(str(event.data, "packet") ?? "frame", event.data)}${dropped ? ` ✕ ${reason}` : ""}`;
  const label = `${text} · ${connId}`;
  const packet = str(event.data, "packet");
  const tone: Tone = dropped ? "warn" : (frame?.tone ?? (packet === "close" ? "warn" : "muted"));
  return { kind: "arrow", i: event.i, ...(send ? { sendI: send.i } : {}), x1, y1, x2, y2, label, text, tag: connId, tone, dropped, selfLoop: x1 === xTo };
}

function shapeOf(event: TraceEvent): PointShape {
  switch (event.kind) {
    case "close":
      return "close";
    case "fault":
      return "fault";
    case "operator":
      return "operator";
    case "conn.refused":
      return "refused";
    default:
      return "dot";
  }
}

function bands(view: TraceView, events: readonly TraceEvent[], rows: Rows, xOf: (lane: string) => number, laneCount: number): LayoutItem[] {
  const out: LayoutItem[] = [];
  const openRules = new Map<string, TraceEvent>();
  const down = new Map<string, TraceEvent>();
  const left = gutterWidthPx;
  const right = gutterWidthPx + laneWidthPx * Math.max(1, laneCount);
  const yOf = (event: TraceEvent): number => rows.rowOf.get(event.i) ?? 0;
  const close = (start: TraceEvent, endY: number, band: "fault" | "down", label: string, span?: [number, number]): void => {
    const [x1, x2] = span ?? [left, right];
    out.push({ kind: "band", i: start.i, x1, x2, y1: yOf(start) - rowHeightPx / 2, y2: endY, label, band });
  };
  for (const event of events) {
    const action = str(event.data, "action");
    const ruleKey = String(event.data["ruleId"] ?? str(event.data, "rule") ?? "");
    if (event.kind === "fault" && action === "add") openRules.set(ruleKey, event);
    if (event.kind === "fault" && action === "remove") {
      const start = openRules.get(ruleKey);
      openRules.delete(ruleKey);
      if (start) close(start, yOf(event) + rowHeightPx / 2, "fault", `fault ${str(start.data, "rule") ?? "rule"}`);
    }
    const gatewayEvent = event.kind === "gateway" ? str(event.data, "event") : undefined;
    if (gatewayEvent === "process.crash") down.set(event.actor, event);
    if (gatewayEvent === "process.start" && down.has(event.actor)) {
      const start = down.get(event.actor)!;
      down.delete(event.actor);
      const x = xOf(laneOf(view, start));
      close(start, yOf(event) - rowHeightPx / 2, "down", `${event.actor} down`, [x - laneWidthPx / 2 + 4, x + laneWidthPx / 2 - 4]);
    }
  }
  for (const start of openRules.values()) close(start, rows.height, "fault", `fault ${str(start.data, "rule") ?? "rule"} (until the end)`);
  for (const start of down.values()) {
    const x = xOf(laneOf(view, start));
    close(start, rows.height, "down", `${start.actor} down (until the end)`, [x - laneWidthPx / 2 + 4, x + laneWidthPx / 2 - 4]);
  }
  return out;
}

function findingItems(view: TraceView, rows: Rows, xOf: (lane: string) => number): LayoutItem[] {
  const out: LayoutItem[] = [];
  (view.result.findings ?? []).forEach((finding, k) => {
    const y = rows.findingRows.get(k)?.[0];
    const event = firstEventOf(view, finding);
    if (y === undefined || !event) return;
    const lane = findingLane(view, finding) ?? view.lanes[0] ?? "";
    out.push({ kind: "finding", i: event.i, finding: k, x: xOf(lane), y, label: `✖ ${finding.kind} ${finding.invariant}: ${finding.message}` });
  });
  return out;
}
