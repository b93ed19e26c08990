// The reproduction report as ONE self-contained HTML file: the Markdown's summary as a header, then a timeline
// with one lane per actor on a virtual-time axis (frames as arrows coloured by ok/error, closes marked with
// their code, fault rules and downtime as bands, findings in red at their first offending event), and a side
// panel showing the JSON of whatever is hovered or clicked. Inline CSS/JS/SVG only; a CSP forbids loading
// anything else. Every piece of trace text is escaped.
import type { RunResult } from "../scenario/result.ts";
import { oneLine, safeJson } from "./fields.ts";
import { firstEventText } from "./findings-view.ts";
import { reportCss, reportScript } from "./html-assets.ts";
import { layoutTimeline, type Layout } from "./html-layout.ts";
import { escapeXml, renderSvg } from "./html-svg.ts";
import { changedTitle, replayFromTraceCommand } from "./markdown.ts";
import { diffRuns } from "./diff.ts";
import { renderDiffSection } from "./diff-view.ts";
import type { ReportOptions } from "./report-options.ts";
import { summaryRows, verdictText } from "./summary.ts";
import { buildTraceView, type TraceView } from "./trace-view.ts";

const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function renderHtml(result: RunResult, options: ReportOptions = {}): string {
  const view = buildTraceView(result);
  const layout = layoutTimeline(view);
  const title = `clawsim: ${String(result.scenario)} — ${verdictText(result)}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${reportCss}</style>`,
    "</head>",
    "<body>",
    header(view),
    options.passingRun ? renderDiffSection(diffRuns(options.passingRun, result), changedTitle(options.passingRun)) : "",
    "<main>",
    diagram(layout),
    detailPanel(),
    "</main>",
    `<script type="application/json" id="trace-data">${embeddedJson(view, layout)}</script>`,
    `<script>${reportScript}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function header(view: TraceView): string {
  const result = view.result;
  const verdictClass = result.verdict === "pass" ? "verdict-pass" : "verdict-fail";
  const rows = summaryRows(result)
    .map((row) => `<tr><td>${escapeXml(row.label)}</td><td class="mono">${escapeXml(row.value)}</td></tr>`)
    .join("");
  return [
    "<header>",
    `<h1>clawsim: ${escapeXml(String(result.scenario))} — <span class="${verdictClass}">${escapeXml(verdictText(result, true))}</span></h1>`,
    `<table class="summary">${rows}</table>`,
    "<h2>What was simulated</h2>",
    `<p>${escapeXml(oneLine(String(result.description ?? ""))) || "<em>(no description)</em>"}</p>`,
    `<p><strong>Actors:</strong> ${view.lanes.map((lane) => `<code>${escapeXml(lane)}</code>`).join(", ") || "<em>(none)</em>"}</p>`,
    findingsList(view),
    "<h2>Reproduce</h2>",
    `<pre class="replay">${escapeXml(oneLine(String(result.replayCommand ?? "")))}\n${escapeXml(replayFromTraceCommand)}</pre>`,
    legend(),
    "</header>",
  ].join("\n");
}

function findingsList(view: TraceView): string {
  const findings = view.result.findings ?? [];
  if (findings.length === 0) return `<h2>Findings (0)</h2><p>None: every invariant held and the run converged within its budgets.</p>`;
  const items = findings.map((finding, k) => {
    const first = firstEventText(view, finding);
    const link = first ? ` <a data-goto-finding="${k}" href="#finding-${k}">first offending event</a>: <code>${escapeXml(first)}</code>` : "";
    return `<li><span class="kind">${escapeXml(String(finding.kind))}</span> <code>${escapeXml(String(finding.invariant))}</code>: ${escapeXml(oneLine(String(finding.message)))}${link}</li>`;
  });
  return `<h2>Findings (${findings.length})</h2><ol class="findings">${items.join("")}</ol>`;
}

function legend(): string {
  return [
    '<div class="legend">',
    '<span class="l-ok">ok answer</span>',
    '<span class="l-error">error answer / refusal</span>',
    '<span class="l-warn">close, drop, fault verdict</span>',
    '<span class="l-fault">fault rule active</span>',
    '<span class="l-down">gateway down</span>',
    '<span class="l-finding">finding (first offending event)</span>',
    "</div>",
  ].join("");
}

function diagram(layout: Layout): string {
  const heads = layout.lanes.map((lane) => `<div class="lane-name" style="left:${lane.x}px" title="${escapeXml(lane.name)}">${escapeXml(lane.name)}</div>`).join("");
  const before = layout.leftOutBefore > 0 ? `<div class="note">… ${layout.leftOutBefore} earlier event(s) not drawn (window around the first offending event); see trace.json.</div>` : "";
  const after = layout.leftOutAfter > 0 ? `<div class="note">… ${layout.leftOutAfter} later event(s) not drawn; see trace.json.</div>` : "";
  return [
    '<section class="diagram">',
    `<div class="lane-head" style="width:${layout.width}px">${heads}</div>`,
    before,
    renderSvg(layout),
    after,
    "</section>",
  ].join("\n");
}

function detailPanel(): string {
  return [
    "<aside>",
    '<h2 id="detail-title">Event details</h2>',
    '<p class="hint">Hover an arrow, marker or band to see its trace event as JSON; click to pin it.</p>',
    '<pre id="detail-json"></pre>',
    "</aside>",
  ].join("\n");
}

/** JSON that is safe inside a <script> element: no `<`, `>`, `&` or line separators left raw. */
export function scriptSafeJson(value: unknown): string {
  return safeJson(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function embeddedJson(view: TraceView, layout: Layout): string {
  return scriptSafeJson({ events: layout.drawn, findings: view.result.findings ?? [], lanes: view.lanes });
}
