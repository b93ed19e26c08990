// The table `pnpm sim gate` prints: one row per (scenario, profile) run with the expected and actual verdict,
// the finding count and the trace hash; a row whose verdict differs from its expectation is flagged. Text
// only; the gate's exit code is the CLI's business (see `gateUnexpectedCount`).
import type { Verdict } from "../scenario/result.ts";
import { paint } from "./ansi.ts";
import { oneLine, truncate } from "./fields.ts";

export interface GateRow {
  readonly scenario: string;
  readonly profile: string;
  /** Undefined when the scenario declares no verdict for this profile. */
  readonly expected: Verdict | undefined;
  readonly actual: Verdict;
  readonly findings: number;
  readonly traceHash: string;
}

export interface GateTableOptions {
  readonly color: boolean;
}

/** Characters of the trace hash shown (enough to tell runs apart at a glance). */
export const gateHashChars = 12;
const cellCharsMax = 40;

export type GateFlag = "ok" | "UNEXPECTED" | "no expectation";

export function gateFlag(row: Pick<GateRow, "expected" | "actual">): GateFlag {
  if (row.expected === undefined) return "no expectation";
  return row.expected === row.actual ? "ok" : "UNEXPECTED";
}

export function gateUnexpectedCount(rows: readonly GateRow[]): number {
  return rows.filter((row) => gateFlag(row) === "UNEXPECTED").length;
}

export function renderGateTable(rows: readonly GateRow[], options: GateTableOptions): string {
  const p = paint(options.color);
  const header = ["scenario", "profile", "expected", "actual", "findings", "trace hash", "check"];
  const cells = rows.map((row) => [
    cell(row.scenario),
    cell(row.profile),
    row.expected ?? "-",
    String(row.actual),
    String(row.findings),
    cell(String(row.traceHash)).slice(0, gateHashChars),
    gateFlag(row),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => (r[c] ?? "").length)));
  const format = (r: readonly string[]): string => r.map((v, c) => v.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
  const lines = [p.bold(format(header)), p.dim(widths.map((w) => "-".repeat(w)).join("  "))];
  cells.forEach((r, k) => {
    const row = rows[k];
    const flag = row ? gateFlag(row) : "ok";
    const line = format(r);
    lines.push(flag === "UNEXPECTED" ? p.bold(p.red(line)) : flag === "ok" ? line : p.yellow(line));
  });
  const unexpected = gateUnexpectedCount(rows);
  const summary = `${rows.length} run(s), ${unexpected} unexpected verdict(s)`;
  lines.push(unexpected > 0 ? p.red(summary) : p.green(summary));
  return `${lines.join("\n")}\n`;
}

function cell(value: string): string {
  return truncate(oneLine(String(value)), cellCharsMax);
}
