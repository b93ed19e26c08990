// "What changed" between two runs: the traces are walked side by side, event by event, each event reduced to
// its alignment key (virtual time, actor, kind, and the one-line description with ids shortened); the first
// position where the keys differ is the first divergent event. After it, a summary: how many events of each
// kind each side still has, and the first few lines of each. `run.start` is compared by kind only (it names
// the profile and seed, which differ by design). A pure function of two RunResults; it runs nothing.
import type { TraceEvent } from "../kernel/index.ts";
import type { RunResult } from "../scenario/result.ts";
import { describeEvent, type EventLine } from "./describe.ts";
import { formatEventLine } from "./findings-view.ts";
import { buildTraceView, type TraceView } from "./trace-view.ts";

/** Lines of each side shown after the first divergence. */
export const diffLinesAfterMax = 12;
/** Kinds listed in the after-divergence count table at most. */
const diffKindsMax = 16;

export type DiffField = "time" | "actor" | "kind" | "detail" | "missing";

export interface DiffSide {
  readonly scenario: string;
  readonly profile: string;
  readonly seed: string;
  readonly verdict: string;
  readonly findings: readonly string[];
  readonly traceHash: string;
  readonly eventCount: number;
  /** The side's event at the divergence, undefined when this side had ended. */
  readonly event?: EventLine;
  /** Notable lines from the divergence on. */
  readonly after: readonly string[];
}

export interface KindCount {
  readonly kind: string;
  readonly a: number;
  readonly b: number;
}

export interface TraceDiff {
  readonly identical: boolean;
  /** Events the two runs share before they part (the index of the first divergent event). */
  readonly commonPrefix: number;
  /** What differs at the first divergent event. */
  readonly fields: readonly DiffField[];
  readonly a: DiffSide;
  readonly b: DiffSide;
  /** Event counts by kind from the divergence on, where the sides differ. */
  readonly kindCounts: readonly KindCount[];
}

interface Keyed {
  readonly event: TraceEvent;
  readonly line: EventLine;
}

function keyed(view: TraceView): Keyed[] {
  return view.events.map((event) => ({ event, line: describeEvent(view, event) }));
}

function differences(x: Keyed | undefined, y: Keyed | undefined): DiffField[] {
  if (!x || !y) return ["missing"];
  const out: DiffField[] = [];
  if (x.event.atMs !== y.event.atMs) out.push("time");
  if (x.event.actor !== y.event.actor) out.push("actor");
  if (x.event.kind !== y.event.kind) out.push("kind");
  if (x.event.kind !== "run.start" && x.line.what !== y.line.what) out.push("detail");
  return out;
}

function countKinds(events: readonly Keyed[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { event } of events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return counts;
}

function side(result: RunResult, events: readonly Keyed[], from: number): DiffSide {
  const rest = events.slice(from);
  return {
    scenario: String(result.scenario),
    profile: String(result.profile),
    seed: String(result.seed),
    verdict: String(result.verdict),
    findings: (result.findings ?? []).map((f) => `${f.kind} [${f.invariant}] ${f.message}`),
    traceHash: String(result.traceHash),
    eventCount: events.length,
    ...(rest[0] ? { event: rest[0].line } : {}),
    after: rest.filter((k) => k.line.notable).slice(0, diffLinesAfterMax).map((k) => formatEventLine(k.line)),
  };
}

export function diffRuns(a: RunResult, b: RunResult): TraceDiff {
  const ka = keyed(buildTraceView(a));
  const kb = keyed(buildTraceView(b));
  const shared = Math.min(ka.length, kb.length);
  let k = 0;
  while (k < shared && differences(ka[k], kb[k]).length === 0) k++;
  const identical = k === ka.length && k === kb.length;
  const ca = countKinds(ka.slice(k));
  const cb = countKinds(kb.slice(k));
  const kinds = [...new Set([...ca.keys(), ...cb.keys()])].sort();
  const kindCounts = kinds
    .map((kind) => ({ kind, a: ca.get(kind) ?? 0, b: cb.get(kind) ?? 0 }))
    .filter((c) => c.a !== c.b)
    .slice(0, diffKindsMax);
  return {
    identical,
    commonPrefix: k,
    fields: identical ? [] : differences(ka[k], kb[k]),
    a: side(a, ka, k),
    b: side(b, kb, k),
    kindCounts,
  };
}

/** `#36 00:01.003 gateway: …`, or why there is no event on this side. */
export function divergentEventText(s: DiffSide): string {
  return s.event ? formatEventLine(s.event) : `(no event: the run ended after ${s.eventCount} events)`;
}

/** One sentence: where the runs part and in what. */
export function diffHeadline(diff: TraceDiff): string {
  if (diff.identical) return `identical: the same ${diff.a.eventCount} events (trace ${diff.a.traceHash.slice(0, 16)})`;
  const what = diff.fields.includes("missing") ? "one run ended" : `they differ in ${diff.fields.join(", ")}`;
  return `the runs part at event #${diff.commonPrefix} after ${diff.commonPrefix} shared event(s); ${what}`;
}

function label(s: DiffSide): string {
  return `${s.scenario} under ${s.profile} (seed ${s.seed}, ${s.verdict})`;
}

/** Plain text for the console. */
export function renderDiffText(diff: TraceDiff): string {
  const lines = [`A: ${label(diff.a)}`, `B: ${label(diff.b)}`, diffHeadline(diff)];
  if (!diff.identical) {
    lines.push("first divergent event:", `  A ${divergentEventText(diff.a)}`, `  B ${divergentEventText(diff.b)}`);
    lines.push(...afterText(diff));
  }
  return `${lines.join("\n")}\n`;
}

function afterText(diff: TraceDiff): string[] {
  const lines: string[] = ["after it:"];
  for (const c of diff.kindCounts) lines.push(`  ${c.kind.padEnd(16)} A ${String(c.a).padStart(5)}  B ${String(c.b).padStart(5)}`);
  for (const [name, s] of [["A", diff.a], ["B", diff.b]] as const) {
    lines.push(`  findings of ${name}: ${s.findings.length}`);
    for (const finding of s.findings) lines.push(`    ${short(finding)}`);
  }
  return lines;
}

function short(finding: string): string {
  return finding.length > 100 ? `${finding.slice(0, 99)}…` : finding;
}
