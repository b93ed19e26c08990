// Terminal output for `pnpm sim`: a compact timeline (one line per notable event: time, actor, what), the
// verdict line and the findings; a progress line for long runs; and the `--json` summary. Colour only when
// asked (`color: true`); widths in characters. Pure functions of the RunResult.
import type { RunResult } from "../scenario/result.ts";
import { paint, type Paint } from "./ansi.ts";
import { describeEvent, type EventLine } from "./describe.ts";
import { oneLine, truncate } from "./fields.ts";
import { earliestFindingEventIndex, firstEventOf, firstEventText } from "./findings-view.ts";
import { outcomeText, reproductionLine, reproductionOf, sourceText, verdictMatch, verdictText } from "./summary.ts";
import { wrapWords } from "./wrap.ts";
import { formatClock, formatDuration } from "./time-format.ts";
import { buildTraceView, type TraceView } from "./trace-view.ts";

export interface ConsoleOptions {
  readonly color: boolean;
  /** Terminal width in characters; longer lines wrap onto indented continuation lines. */
  readonly width?: number;
  /** Print the seed/scenario/profile header (off when the CLI printed it before the run). */
  readonly header?: boolean;
}

export const consoleWidthDefault = 120;
/** Narrowest width honoured (a smaller one is raised to this). */
const consoleWidthMin = 40;
/** Timeline lines printed at most; longer timelines show the window around the first offending event. */
export const timelineLinesMax = 200;
const timelineLinesBeforeFinding = 150;
const laneCharsMax = 16;

export function renderConsole(result: RunResult, options: ConsoleOptions): string {
  const view = buildTraceView(result);
  const p = paint(options.color);
  const width = Math.max(consoleWidthMin, Math.floor(options.width ?? consoleWidthDefault));
  const out = options.header === false ? [] : [p.bold(headerText(result))];
  out.push(...timeline(view, p, width), ...verdictLines(result, p, width), ...findingLines(view, p, width));
  out.push(...wrapped(`replay: ${oneLine(String(result.replayCommand ?? ""))}`, width, 4).map(p.dim));
  const reproduction = reproductionLine(result);
  if (reproduction) out.push(...reproductionLines(result, reproduction, p, width));
  return `${out.join("\n")}\n`;
}

/** The one header line: printed by the CLI before a run starts (seed first), or by `renderConsole`. */
export function headerText(result: Pick<RunResult, "seed" | "scenario" | "profile" | "version" | "source">): string {
  return `seed ${result.seed} · ${result.scenario} · profile ${result.profile} · clawsim ${result.version} · ${sourceText(result as RunResult)}`;
}

/** `text` wrapped to `width`, continuation lines indented by `indent` spaces. */
function wrapped(text: string, width: number, indent: number): string[] {
  const lead = /^ */.exec(text)?.[0] ?? "";
  const [body = "", ...rest] = wrapWords(text.slice(lead.length), width - lead.length);
  const first = `${lead}${body}`;
  const more = rest.length === 0 ? [] : wrapWords(rest.join(" "), width - indent).map((line) => `${" ".repeat(indent)}${line}`);
  return [first, ...more];
}

function reproductionLines(result: RunResult, line: string, p: Paint, width: number): string[] {
  const good = reproductionOf(result) === "reproduced" || reproductionOf(result) === "passed-as-declared";
  return wrapped(line, width, 4).map((l) => p.bold(good ? p.green(l) : p.red(l)));
}

function timeline(view: TraceView, p: Paint, width: number): string[] {
  const findingEvents = new Set<number>();
  for (const finding of view.result.findings ?? []) {
    const event = firstEventOf(view, finding);
    if (event) findingEvents.add(event.i);
  }
  const lines = view.events.map((event) => describeEvent(view, event)).filter((line) => line.notable || findingEvents.has(line.i));
  const { start, end } = windowAround(lines, earliestFindingEventIndex(view));
  const laneWidth = Math.min(laneCharsMax, Math.max(5, ...lines.slice(start, end).map((l) => l.lane.length)));
  const out: string[] = [];
  if (start > 0) out.push(p.dim(`  … ${start} earlier line(s) left out`));
  for (const line of lines.slice(start, end)) out.push(...timelineLine(view, line, { p, width, laneWidth, marked: findingEvents.has(line.i) }));
  if (end < lines.length) out.push(p.dim(`  … ${lines.length - end} later line(s) left out`));
  return out;
}

function windowAround(lines: readonly EventLine[], anchorIndex: number | undefined): { start: number; end: number } {
  if (lines.length <= timelineLinesMax) return { start: 0, end: lines.length };
  const anchor = anchorIndex === undefined ? -1 : lines.findIndex((l) => l.i >= anchorIndex);
  if (anchor < 0) return { start: 0, end: timelineLinesMax };
  const start = Math.max(0, Math.min(anchor - timelineLinesBeforeFinding, lines.length - timelineLinesMax));
  return { start, end: start + timelineLinesMax };
}

interface LineStyle {
  readonly p: Paint;
  readonly width: number;
  readonly laneWidth: number;
  readonly marked: boolean;
}

function timelineLine(view: TraceView, line: EventLine, style: LineStyle): string[] {
  const { p, width, laneWidth, marked } = style;
  const time = formatClock(line.atMs).padStart(9);
  const lane = truncate(line.lane, laneWidth).padEnd(laneWidth);
  const prefix = `${marked ? "✖" : " "} ${time}  ${lane}  `;
  const [first = "", ...rest] = wrapWords(line.what, Math.max(20, width - prefix.length));
  const head = marked ? p.red("✖") : " ";
  const colour = (text: string): string => (marked ? p.bold(p.red(text)) : p.tone(line.tone, text));
  const out = [`${head} ${p.dim(time)}  ${p.cyan(lane)}  ${colour(first)}`];
  for (const more of rest) out.push(`${" ".repeat(prefix.length)}${colour(more)}`);
  if (marked) {
    for (const finding of view.result.findings ?? []) {
      if (finding.firstEventIndex !== line.i) continue;
      out.push(...wrapped(`    ↳ ${finding.kind} [${finding.invariant}] ${oneLine(String(finding.message))}`, width, 6).map(p.red));
    }
  }
  return out;
}

function verdictLines(result: RunResult, p: Paint, width: number): string[] {
  const verdict = String(result.verdict).toUpperCase();
  const match = verdictMatch(result);
  const coloured = result.verdict === "pass" ? p.green(verdict) : p.red(verdict);
  const expectation = `(${verdictText(result).slice(String(result.verdict).length + 3).trim()})`;
  const stats = result.stats;
  const facts = [
    `${result.findings?.length ?? 0} finding(s)`,
    stats ? `${stats.steps} steps` : undefined,
    stats ? `${formatDuration(stats.virtualMs)} virtual` : undefined,
    outcomeText(result),
    `trace ${String(result.traceHash).slice(0, 16)}`,
  ].filter((x) => x !== undefined);
  const expectationText = match === "unexpected" ? p.bold(p.red(expectation)) : p.dim(expectation);
  const rest = wrapped(`${facts.join(" · ")}`, width - 4, 0).map((l) => `    ${l}`);
  return [`${p.bold(coloured)}  ${result.scenario} under ${result.profile} ${expectationText}`, ...rest];
}

function findingLines(view: TraceView, p: Paint, width: number): string[] {
  const out: string[] = [];
  (view.result.findings ?? []).forEach((finding, k) => {
    const colour = finding.kind === "crash" || finding.kind === "correctness" ? p.red : p.yellow;
    out.push(...wrapped(`  ${k + 1}. ${finding.kind} [${finding.invariant}] ${oneLine(String(finding.message))}`, width, 5).map(colour));
    const first = firstEventText(view, finding);
    if (first) out.push(...wrapped(`     first offending event: ${first}`, width, 7).map(p.dim));
  });
  return out;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label?: string;
}

const progressBarChars = 24;

/** `[##########..............]  42%  420/1000 label` — plain text; the caller adds `\r` or a newline. */
export function renderProgress(progress: Progress): string {
  const total = Number.isFinite(progress.total) && progress.total > 0 ? Math.floor(progress.total) : 0;
  const done = Math.min(Math.max(0, Math.floor(Number.isFinite(progress.done) ? progress.done : 0)), total);
  const ratio = total === 0 ? 0 : done / total;
  const filled = Math.round(ratio * progressBarChars);
  const bar = `${"#".repeat(filled)}${".".repeat(progressBarChars - filled)}`;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const label = progress.label ? ` ${oneLine(progress.label)}` : "";
  return `[${bar}] ${percent}  ${done}/${total}${label}`;
}

/** One JSON line for `--json`: everything but the event list, plus the trace hash. */
export function renderJsonSummary(result: RunResult): string {
  const summary = {
    format: "clawsim-summary",
    formatVersion: 1,
    scenario: result.scenario,
    profile: result.profile,
    seed: result.seed,
    version: result.version,
    verdict: result.verdict,
    expected: result.expected ?? null,
    asExpected: verdictMatch(result) === "no-expectation" ? null : verdictMatch(result) === "as-expected",
    outcome: result.outcome,
    findings: result.findings,
    stats: result.stats,
    actors: result.actors,
    eventCount: Array.isArray(result.events) ? result.events.length : 0,
    traceHash: result.traceHash,
    replayCommand: result.replayCommand,
    source: result.source,
  };
  return JSON.stringify(summary, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
