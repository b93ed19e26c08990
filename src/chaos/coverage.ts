// Coverage of a chaos sweep: which gateway decisions (its trace `what`s), error and detail codes (of every error
// answer delivered, to clients, probes and attacks), chaos step
// kinds, fault kinds and attacks the runs reached, as counts; merged across seeds, workers and shards.
// Pure functions of the trace; `unreached` lists the detail codes no run produced.
import { parseJsonObject, type TraceEvent } from "../kernel/index.ts";
import { ConnectErrorDetailCodes } from "../protocol/index.ts";
import type { TimedStep } from "./steps.ts";

/** "decision:connect.hello" → times seen. Keys: decision:, code:, detail:, step:, fault:, attack:. */
export type CoverageCounts = Readonly<Record<string, number>>;

function bump(out: Record<string, number>, key: string): void {
  out[key] = (out[key] ?? 0) + 1;
}

function detailOf(data: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof data["detailCode"] === "string") return data["detailCode"];
  const details = data["details"];
  if (details && typeof details === "object" && typeof (details as Record<string, unknown>)["code"] === "string") return (details as Record<string, string>)["code"];
  return undefined;
}

/** The `error` of a delivered response frame that failed, else undefined (parsed only when it can be one). */
function errorOfFrame(text: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof text !== "string" || !text.includes('"ok":false')) return undefined;
  const frame = parseJsonObject(text);
  if (frame?.["type"] !== "res" || frame["ok"] !== false || !frame["error"] || typeof frame["error"] !== "object") return undefined;
  return frame["error"] as Record<string, unknown>;
}

function stepKeys(out: Record<string, number>, step: unknown): void {
  if (!step || typeof step !== "object") return;
  const s = step as { kind?: unknown; fault?: { kind?: unknown }; attack?: { kind?: unknown } };
  if (typeof s.kind === "string") bump(out, `step:${s.kind}`);
  if (typeof s.fault?.kind === "string") bump(out, `fault:${s.fault.kind}`);
  if (typeof s.attack?.kind === "string") bump(out, `attack:${s.attack.kind}`);
}

/**
 * Coverage of one run. With `steps` (the plan that ran: chaos runs every step of its timeline) the step, fault
 * and attack keys come from the plan, as the step-language path leaves no chaos step notes; else from the notes.
 */
export function coverageOf(events: readonly TraceEvent[], steps?: readonly TimedStep[]): CoverageCounts {
  const out: Record<string, number> = {};
  for (const s of steps ?? []) stepKeys(out, s.step);
  for (const e of events) {
    if (e.kind === "gateway" && typeof e.data["event"] === "string") bump(out, `decision:${e.data["event"]}`);
    // Error answers as delivered, to clients and to probes and attacks alike (each once, at its recipient).
    if (e.kind === "frame.deliver" && e.data["dir"] === "s2c") {
      const error = errorOfFrame(e.data["text"]);
      if (error) {
        if (typeof error["code"] === "string") bump(out, `code:${error["code"]}`);
        const detail = detailOf(error);
        if (detail) bump(out, `detail:${detail}`);
      }
    }
    if (e.kind === "client" && e.data["event"] === "paused") bump(out, "decision:client.paused");
    if (!steps && e.kind === "note" && e.data["chaos"] === "step") stepKeys(out, e.data["step"]);
    if (e.kind === "fault" && typeof e.data["what"] === "string") bump(out, `fault:${e.data["what"]}`);
  }
  return out;
}

export function mergeCoverage(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Connect detail codes (spec §5.1) no run reached. */
export function unreachedDetailCodes(coverage: CoverageCounts): string[] {
  return Object.values(ConnectErrorDetailCodes).filter((code) => !(`detail:${code}` in coverage));
}

/** Share of the connect detail codes reached, in whole percent. */
export function detailCoveragePercent(coverage: CoverageCounts): number {
  const all = Object.values(ConnectErrorDetailCodes);
  return Math.floor((100 * (all.length - unreachedDetailCodes(coverage).length)) / all.length);
}
