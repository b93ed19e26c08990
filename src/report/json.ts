// The trace file (`trace.json`): a format header, the whole RunResult, and the events in canonical order (one
// event per line, sorted keys, the same text the trace hash is computed over). `parseTraceJson` reads it back
// for `pnpm sim replay`, answering malformed input with a value ({ ok: false, message }), never a throw.
import { canonicalJson, traceHash, type TraceEvent, type TraceKind } from "../kernel/index.ts";
import type { Finding, FindingKind, RunResult, Verdict } from "../scenario/result.ts";
import { isRecord, safeJson, type Data } from "./fields.ts";

export const traceFileFormat = "clawsim-trace";
export const traceFormatVersion = 1;

export type TraceFileParse =
  | { readonly ok: true; readonly formatVersion: number; readonly result: RunResult }
  | { readonly ok: false; readonly message: string };

export function renderTraceJson(result: RunResult): string {
  const events = [...result.events].sort((a, b) => a.i - b.i);
  const header: Record<string, unknown> = {
    format: traceFileFormat,
    formatVersion: traceFormatVersion,
    scenario: result.scenario,
    description: result.description,
    profile: result.profile,
    seed: result.seed,
    version: result.version,
    source: result.source,
    replayCommand: result.replayCommand,
    traceHash: result.traceHash,
    verdict: result.verdict,
    expected: result.expected,
    outcome: result.outcome,
    findings: result.findings,
    stats: result.stats,
    actors: result.actors,
    ...(result.runSpec ? { runSpec: result.runSpec } : {}),
  };
  const head = safeJson(header, 2);
  const body = events.map((event) => `    ${canonicalJson(event)}`).join(",\n");
  return `${head.slice(0, -2)},\n  "events": [\n${body}${events.length > 0 ? "\n" : ""}  ]\n}\n`;
}

const traceKindList: Readonly<Record<TraceKind, true>> = {
  "run.start": true,
  "conn.open": true,
  "conn.accept": true,
  "conn.refused": true,
  "frame.send": true,
  "frame.deliver": true,
  "frame.drop": true,
  "frame.duplicate": true,
  "frame.hold": true,
  "frame.release": true,
  close: true,
  "timer.set": true,
  "timer.fire": true,
  "timer.cancel": true,
  fault: true,
  operator: true,
  host: true,
  client: true,
  gateway: true,
  check: true,
  verdict: true,
  note: true,
  step: true,
};
const findingKinds: readonly FindingKind[] = ["crash", "liveness", "correctness"];

class Malformed extends Error {}

function fail(message: string): never {
  throw new Malformed(message);
}

export function parseTraceJson(text: string): TraceFileParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `trace file is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return readTraceFile(value);
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, message: `malformed trace file: ${error.message}` };
    throw error;
  }
}

function readTraceFile(value: unknown): TraceFileParse {
  if (!isRecord(value)) fail("expected a JSON object at the top level");
  if (value["format"] !== traceFileFormat) fail(`"format" must be "${traceFileFormat}", got ${safeJson(value["format"])}`);
  const formatVersion = value["formatVersion"];
  if (typeof formatVersion !== "number" || !Number.isInteger(formatVersion) || formatVersion < 1) fail(`"formatVersion" must be a positive integer`);
  if (formatVersion > traceFormatVersion) fail(`formatVersion ${formatVersion} is newer than this clawsim reads (${traceFormatVersion}); upgrade clawsim`);
  const events = readEvents(value["events"]);
  const recordedHash = text(value, "traceHash");
  const actualHash = traceHash(events);
  if (recordedHash !== actualHash) fail(`"traceHash" ${recordedHash} does not match the events (they hash to ${actualHash}); the file was edited or truncated`);
  const result: RunResult = {
    scenario: text(value, "scenario"),
    description: optionalText(value, "description") ?? "",
    profile: text(value, "profile"),
    seed: seedText(value["seed"]),
    version: text(value, "version"),
    outcome: readOutcome(value["outcome"], events),
    verdict: readVerdict(value["verdict"], "verdict"),
    ...(value["expected"] === undefined ? {} : { expected: readVerdict(value["expected"], "expected") }),
    findings: readFindings(value["findings"]),
    traceHash: recordedHash,
    events,
    actors: readActors(value["actors"], events),
    stats: readStats(value["stats"], events),
    replayCommand: text(value, "replayCommand"),
    source: readSource(value["source"]),
    ...(isRecord(value["runSpec"]) ? { runSpec: value["runSpec"] as unknown as NonNullable<RunResult["runSpec"]> } : {}),
  };
  return { ok: true, formatVersion, result };
}

function text(record: Data, key: string): string {
  const value = record[key];
  if (typeof value !== "string" || value === "") fail(`"${key}" must be a non-empty string`);
  return value;
}

function optionalText(record: Data, key: string): string | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(`"${key}" must be a string`);
  return value;
}

function seedText(value: unknown): string {
  if (typeof value !== "string" || !/^\d+$/.test(value)) fail(`"seed" must be a decimal string, got ${safeJson(value)}`);
  return value;
}

function readVerdict(value: unknown, key: string): Verdict {
  if (value !== "pass" && value !== "fail") fail(`"${key}" must be "pass" or "fail", got ${safeJson(value)}`);
  return value;
}

function readEvents(value: unknown): TraceEvent[] {
  if (!Array.isArray(value)) fail(`"events" must be an array`);
  let lastAtMs = 0;
  return value.map((raw: unknown, position) => {
    if (!isRecord(raw)) fail(`event ${position} is not an object`);
    const { i, atMs, actor, kind, data } = raw;
    if (i !== position) fail(`event ${position} has "i" ${safeJson(i)}; events must be in canonical order, numbered from 0`);
    if (typeof atMs !== "number" || !Number.isInteger(atMs) || atMs < lastAtMs) fail(`event ${position}: "atMs" must be an integer that never decreases`);
    if (typeof actor !== "string") fail(`event ${position}: "actor" must be a string`);
    if (typeof kind !== "string" || !Object.hasOwn(traceKindList, kind)) fail(`event ${position}: unknown kind ${safeJson(kind)}`);
    if (!isRecord(data)) fail(`event ${position}: "data" must be an object`);
    lastAtMs = atMs;
    return { i: position, atMs, actor, kind: kind as TraceKind, data };
  });
}

function readFindings(value: unknown): Finding[] {
  if (!Array.isArray(value)) fail(`"findings" must be an array`);
  return value.map((raw: unknown, k) => {
    if (!isRecord(raw)) fail(`finding ${k} is not an object`);
    const kind = raw["kind"];
    if (typeof kind !== "string" || !findingKinds.includes(kind as FindingKind)) fail(`finding ${k}: "kind" must be one of ${findingKinds.join(", ")}`);
    const finding: Finding = {
      kind: kind as FindingKind,
      invariant: text(raw, "invariant"),
      message: text(raw, "message"),
      ...optionalNumber(raw, "firstEventIndex", k),
      ...optionalNumber(raw, "atMs", k),
      ...(typeof raw["actor"] === "string" ? { actor: raw["actor"] } : {}),
      ...optionalNumber(raw, "brokeAtMs", k),
      ...(typeof raw["client"] === "string" ? { client: raw["client"] } : {}),
    };
    return finding;
  });
}

function optionalNumber(raw: Data, key: string, k: number): Record<string, number> {
  const value = raw[key];
  if (value === undefined) return {};
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(`finding ${k}: "${key}" must be a non-negative integer`);
  return { [key]: value };
}

function lastAt(events: readonly TraceEvent[]): number {
  return events[events.length - 1]?.atMs ?? 0;
}

function readOutcome(value: unknown, events: readonly TraceEvent[]): RunResult["outcome"] {
  if (value === undefined) return { kind: "quiescent", steps: 0, atMs: lastAt(events) };
  if (!isRecord(value)) fail(`"outcome" must be an object`);
  const steps = value["steps"];
  const atMs = value["atMs"];
  if (typeof steps !== "number" || typeof atMs !== "number") fail(`"outcome" needs numeric "steps" and "atMs"`);
  switch (value["kind"]) {
    case "quiescent":
    case "reached":
      return { kind: value["kind"], steps, atMs };
    case "budget-exceeded": {
      const budget = value["budget"];
      if (budget !== "steps" && budget !== "virtual-time" && budget !== "queue-length" && budget !== "connections") fail(`"outcome.budget" must be "steps", "virtual-time", "queue-length" or "connections"`);
      return { kind: "budget-exceeded", budget, steps, atMs };
    }
    default:
      return fail(`"outcome.kind" must be quiescent, reached or budget-exceeded`);
  }
}

function readActors(value: unknown, events: readonly TraceEvent[]): string[] {
  if (value === undefined) return [...new Set(events.map((e) => e.actor))];
  if (!Array.isArray(value) || !value.every((a) => typeof a === "string")) fail(`"actors" must be an array of strings`);
  return value as string[];
}

function readStats(value: unknown, events: readonly TraceEvent[]): RunResult["stats"] {
  if (value === undefined) {
    const frames = events.filter((e) => e.kind === "frame.send" && e.data["packet"] === "frame").length;
    const connects = events.filter((e) => e.kind === "conn.open").length;
    return { steps: 0, virtualMs: lastAt(events), frames, connects };
  }
  if (!isRecord(value)) fail(`"stats" must be an object`);
  const read = (key: string): number => {
    const n = value[key];
    if (typeof n !== "number" || !Number.isFinite(n)) fail(`"stats.${key}" must be a number`);
    return n;
  };
  return { steps: read("steps"), virtualMs: read("virtualMs"), frames: read("frames"), connects: read("connects") };
}

function readSource(value: unknown): RunResult["source"] {
  if (value === undefined) return { kind: "library" };
  if (!isRecord(value)) fail(`"source" must be an object`);
  if (value["kind"] === "library") return { kind: "library" };
  if (value["kind"] === "file") return { kind: "file", path: text(value, "path") };
  return fail(`"source.kind" must be "library" or "file"`);
}
