// Reporters: Markdown (issue text), the JSON trace file, the self-contained HTML timeline, console output and
// the gate table. Every one is a pure function of a RunResult (and its trace); none re-runs anything.
export { renderMarkdown, replayFromTraceCommand } from "./markdown.ts";
export { renderTraceJson, parseTraceJson, traceFileFormat, traceFormatVersion, type TraceFileParse } from "./json.ts";
export { renderHtml } from "./html.ts";
export {
  renderConsole,
  headerText,
  renderProgress,
  renderJsonSummary,
  consoleWidthDefault,
  timelineLinesMax,
  type ConsoleOptions,
  type Progress,
} from "./console.ts";
export { renderGateTable, gateFlag, gateUnexpectedCount, type GateRow, type GateTableOptions, type GateFlag } from "./gate-table.ts";
export { renderMermaid, diagramMessagesMax, type Diagram } from "./mermaid.ts";
export { buildTraceView } from "./trace-view.ts";
export {
  verdictMatch,
  verdictText,
  reproductionOf,
  reproductionLine,
  reproductionWords,
  type VerdictMatch,
  type Reproduction,
} from "./summary.ts";
export { wrapWords, cutAtWord } from "./wrap.ts";
export { stripAnsi } from "./ansi.ts";
export { diffRuns, diffHeadline, divergentEventText, renderDiffText, diffLinesAfterMax, type TraceDiff, type DiffSide, type KindCount } from "./diff.ts";
export { renderDiffMarkdown, renderDiffHtml, renderDiffSection } from "./diff-view.ts";
export type { ReportOptions } from "./report-options.ts";
