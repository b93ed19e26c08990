// The "what changed" view of a TraceDiff as Markdown (a section of a failing report, or `pnpm sim diff`'s
// diff.md) and as HTML (a section of report.html, or diff.html on its own). Pure functions of the diff.
import { diffHeadline, divergentEventText, type DiffSide, type TraceDiff } from "./diff.ts";
import { escapeXml } from "./html-svg.ts";
import { mdCode } from "./md-text.ts";

function sideLabel(s: DiffSide): string {
  return `${s.scenario} under ${s.profile}, seed ${s.seed}: ${s.verdict}`;
}

/** `### What changed` … with `title` as the heading. */
export function renderDiffMarkdown(diff: TraceDiff, title = "What changed"): string {
  const lines = [`### ${title}`, "", `- **A:** ${mdCode(sideLabel(diff.a))}`, `- **B:** ${mdCode(sideLabel(diff.b))}`, "", diffHeadline(diff)];
  if (diff.identical) return lines.join("\n");
  lines.push("", "| | first divergent event |", "|---|---|");
  lines.push(`| A | ${mdCode(divergentEventText(diff.a), true)} |`, `| B | ${mdCode(divergentEventText(diff.b), true)} |`);
  if (diff.kindCounts.length > 0) {
    lines.push("", "After it, events by kind:", "", "| kind | A | B |", "|---|---|---|");
    for (const c of diff.kindCounts) lines.push(`| ${mdCode(c.kind, true)} | ${c.a} | ${c.b} |`);
  }
  lines.push("", `Findings: A ${diff.a.findings.length}, B ${diff.b.findings.length}.`);
  for (const [name, s] of [["A", diff.a], ["B", diff.b]] as const) {
    if (s.after.length === 0) continue;
    lines.push("", `<details><summary>${name} from the divergence on</summary>`, "", "```text", ...s.after.map(fenceSafe), "```", "", "</details>");
  }
  return lines.join("\n");
}

function fenceSafe(line: string): string {
  return line.replace(/```/g, "'''");
}

/** An HTML `<section>` for the diff. */
export function renderDiffSection(diff: TraceDiff, title = "What changed"): string {
  const row = (name: string, s: DiffSide): string =>
    `<tr><td>${name}</td><td class="mono">${escapeXml(sideLabel(s))}</td><td class="mono">${escapeXml(divergentEventText(s))}</td></tr>`;
  const parts = [
    `<section class="diff"><h2>${escapeXml(title)}</h2>`,
    `<p>${escapeXml(diffHeadline(diff))}</p>`,
  ];
  if (!diff.identical) {
    parts.push(`<table class="summary"><tr><th></th><th>run</th><th>first divergent event</th></tr>${row("A", diff.a)}${row("B", diff.b)}</table>`);
    if (diff.kindCounts.length > 0) {
      const counts = diff.kindCounts.map((c) => `<tr><td class="mono">${escapeXml(c.kind)}</td><td>${c.a}</td><td>${c.b}</td></tr>`).join("");
      parts.push(`<h3>After it, events by kind</h3><table class="summary"><tr><th>kind</th><th>A</th><th>B</th></tr>${counts}</table>`);
    }
    for (const [name, s] of [["A", diff.a], ["B", diff.b]] as const) {
      parts.push(`<h3>${name} from the divergence on</h3><pre class="replay">${escapeXml(s.after.join("\n")) || "(nothing notable)"}</pre>`);
    }
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** A whole page for `pnpm sim diff --report`. */
export function renderDiffHtml(diff: TraceDiff): string {
  const style = "body{font:14px system-ui,sans-serif;margin:24px;max-width:1200px}.mono,pre{font-family:ui-monospace,monospace}" +
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}pre{background:#f6f8fa;padding:8px;overflow:auto}";
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>clawsim diff</title><style>${style}</style></head><body>`,
    renderDiffSection(diff, "clawsim diff: what changed"),
    "</body></html>",
    "",
  ].join("\n");
}
