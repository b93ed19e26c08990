// The reproduction report as GitHub-flavoured Markdown, ready to paste into an issue: summary table, what was
// simulated, findings with their first offending event, a Mermaid sequence diagram, and the replay commands.
// A pure function of the RunResult; it does not re-run anything.
import type { RunResult } from "../scenario/result.ts";
import { oneLine } from "./fields.ts";
import { firstEventText } from "./findings-view.ts";
import { renderMermaid } from "./mermaid.ts";
import { mdCell, mdCode, mdText } from "./md-text.ts";
import { diffRuns } from "./diff.ts";
import { renderDiffMarkdown } from "./diff-view.ts";
import type { ReportOptions } from "./report-options.ts";
export { mdCode } from "./md-text.ts";
import { outcomeText, summaryRows, verdictText } from "./summary.ts";
import { buildTraceView, type TraceView } from "./trace-view.ts";

/** The command that replays a trace file written next to the report. */
export const replayFromTraceCommand = "pnpm sim replay trace.json";

export function renderMarkdown(result: RunResult, options: ReportOptions = {}): string {
  const view = buildTraceView(result);
  const changed = options.passingRun ? renderDiffMarkdown(diffRuns(options.passingRun, result), changedTitle(options.passingRun)) : undefined;
  const sections = [
    `## clawsim: ${mdText(String(result.scenario))} — ${mdText(verdictText(result, true))}`,
    summaryTable(result),
    simulatedSection(view),
    findingsSection(view),
    sequenceSection(view),
    ...(changed ? [changed] : []),
    replaySection(result),
  ];
  return `${sections.join("\n\n")}\n`;
}

function summaryTable(result: RunResult): string {
  const codeLabels = new Set(["seed", "clawsim version", "trace hash", "scenario", "profile"]);
  const rows = summaryRows(result).map((row) => `| ${row.label} | ${codeLabels.has(row.label) ? mdCode(row.value, true) : mdCell(row.value)} |`);
  return ["| | |", "|---|---|", ...rows].join("\n");
}

function simulatedSection(view: TraceView): string {
  const result = view.result;
  const description = mdText(oneLine(String(result.description ?? ""))) || "_(no description)_";
  const actors = view.lanes.length > 0 ? view.lanes.map((lane) => mdCode(lane)).join(", ") : "_(none)_";
  const stats = result.stats;
  const shape = stats ? `${stats.connects} connection attempt(s), ${stats.frames} frame(s), ${stats.steps} step(s); the run ended: ${outcomeText(result)}.` : "";
  return ["### What was simulated", "", description, "", `**Actors:** ${actors}`, "", shape].join("\n").trimEnd();
}

function findingsSection(view: TraceView): string {
  const findings = view.result.findings ?? [];
  const lines = [`### Findings (${findings.length})`, ""];
  if (findings.length === 0) lines.push("None: every invariant held and the run converged within its budgets.");
  findings.forEach((finding, k) => {
    lines.push(`${k + 1}. **${mdText(String(finding.kind))}** — invariant ${mdCode(String(finding.invariant))}: ${mdText(oneLine(String(finding.message)))}`);
    const first = firstEventText(view, finding);
    if (first) lines.push(`   - first offending event: ${mdCode(first)}`);
    else if (typeof finding.atMs === "number") lines.push(`   - at ${finding.atMs} ms virtual time${finding.actor ? ` (${mdCode(finding.actor)})` : ""}, no single offending event`);
  });
  return lines.join("\n");
}

function sequenceSection(view: TraceView): string {
  const diagram = renderMermaid(view);
  const note =
    diagram.leftOut > 0
      ? `_${diagram.shown} of ${diagram.shown + diagram.leftOut} lines shown (window around the first offending event); the full trace is in \`trace.json\` and \`report.html\`._`
      : "_Ticks, FIN packets and timers are left out; the full trace is in `trace.json` and `report.html`._";
  return ["### Sequence", "", "```mermaid", diagram.text, "```", "", note].join("\n");
}

function replaySection(result: RunResult): string {
  return [
    "### Reproduce",
    "",
    "```sh",
    oneLine(String(result.replayCommand ?? "")),
    "```",
    "",
    "or replay the trace file attached to this report (checks that the run still produces the same trace hash):",
    "",
    "```sh",
    replayFromTraceCommand,
    "```",
  ].join("\n");
}

/** The heading of the "what changed" section: against which passing run. */
export function changedTitle(passing: RunResult): string {
  return `What changed from the passing run under ${passing.profile}`;
}
