// Prints a run result: console timeline (colour on a TTY) or JSON summary, optional report files
// (report.md, trace.json, report.html), and the trace hash last when asked.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderConsole, renderHtml, renderJsonSummary, renderMarkdown, renderTraceJson, type RunResult } from "../src/index.ts";
import type { SimArgs } from "./args.ts";

export function useColor(args: SimArgs): boolean {
  return args.color ?? (process.stdout.isTTY === true && !process.env["NO_COLOR"]);
}

export function writeReports(result: RunResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ["report.md", renderMarkdown(result)],
    ["trace.json", renderTraceJson(result)],
    ["report.html", renderHtml(result)],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}

export async function printResult(result: RunResult, args: SimArgs, wallMs: number): Promise<void> {
  const written = args.reportDir ? writeReports(result, resolve(args.reportDir)) : [];
  if (args.json) {
    console.log(renderJsonSummary(result));
  } else {
    console.log(renderConsole(result, { color: useColor(args), width: process.stdout.columns }));
    console.log(`(${Math.round(wallMs)} ms wall for ${result.stats.virtualMs} virtual ms)`);
    for (const file of written) console.log(`wrote ${file}`);
  }
  if (args.traceHash) console.log(result.traceHash);
}
