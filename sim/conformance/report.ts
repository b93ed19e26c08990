// Formats a conformance result: the divergence table (group, count, field, real, model, shrunk attempt as one
// JSON line) and the totals, as console text and as Markdown. Pure functions of the result value.
import type { Attempt } from "../oracle/attempt.ts";
import type { DivergenceGroup } from "./shrink.ts";

export interface ShrunkGroup extends DivergenceGroup {
  /** The smallest attempt found that still shows the divergence (or the smallest original one, see `note`). */
  readonly example: Attempt;
  /** Checks spent and parts dropped while shrinking; null when it was not shrunk. */
  readonly shrink: { readonly checks: number; readonly steps: number; readonly budgetExhausted: boolean } | null;
  /** Why the example is not a shrunk reproduction, when it is not. */
  readonly note?: string;
}

export interface ConformanceResult {
  readonly against: string;
  readonly profile: string;
  readonly profileNote?: string;
  readonly seed: bigint;
  readonly attempts: number;
  /** Reset probes run after failed attempts (on each side). */
  readonly resets: number;
  readonly divergentAttempts: number;
  readonly divergences: number;
  readonly groups: readonly ShrunkGroup[];
  readonly wallMs: { readonly start: number; readonly run: number; readonly shrink: number; readonly total: number };
}

const valueCharsMax = 120;

function cell(value: unknown): string {
  const text = value === undefined ? "—" : JSON.stringify(value);
  const short = text.length > valueCharsMax ? `${text.slice(0, valueCharsMax - 1)}…` : text;
  return short.replaceAll("|", "\\|");
}

/** The example as one JSON line, without its generated name. */
export function exampleJson(attempt: Attempt): string {
  const { name: _name, ...rest } = attempt;
  return JSON.stringify(rest);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function summaryLines(result: ConformanceResult): string[] {
  const w = result.wallMs;
  return [
    `attempts ${result.attempts} (+ ${result.resets} reset probes)  divergent attempts ${result.divergentAttempts}  divergences ${result.divergences} in ${result.groups.length} groups`,
    `wall time ${seconds(w.total)} (gateway start ${seconds(w.start)}, attempts ${seconds(w.run)}, shrinking ${seconds(w.shrink)})`,
  ];
}

/** The divergence table as Markdown (also what the console prints). */
export function divergenceTable(groups: readonly ShrunkGroup[]): string[] {
  if (groups.length === 0) return ["no divergence"];
  const lines = ["| group | count | field | real | model | shrunk attempt |", "| --- | --- | --- | --- | --- | --- |"];
  groups.forEach((g, i) => {
    const example = `\`${exampleJson(g.example).replaceAll("|", "\\|")}\`${g.note !== undefined ? ` (${g.note})` : ""}`;
    lines.push(`| ${i + 1} | ${g.count} | ${g.field} | ${cell(g.real)} | ${cell(g.model)} | ${example} |`);
  });
  return lines;
}

export function markdownReport(result: ConformanceResult): string {
  return [
    `# Conformance: ${result.against} vs the model`,
    "",
    `- profile: ${result.profile}${result.profileNote !== undefined ? ` (${result.profileNote})` : ""}`,
    `- seed: ${result.seed}`,
    ...summaryLines(result).map((l) => `- ${l}`),
    `- replay: \`pnpm sim conformance --against ${result.against} --attempts ${result.attempts} --seed ${result.seed}\``,
    "",
    ...divergenceTable(result.groups),
    "",
    "First divergent attempts per group:",
    "",
    ...result.groups.map((g, i) => `${i + 1}. ${g.attempts.slice(0, 8).join(", ")}${g.attempts.length > 8 ? ", …" : ""}`),
    "",
  ].join("\n");
}
