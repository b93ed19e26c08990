// Prints a run result: console timeline (colour on a TTY) or JSON summary, optional report files
// (report.md, trace.json, report.html, each written atomically), and the trace hash last when asked.
// Also the run's exit code: the verdict, or with --check-verdict whether the declared verdict held.
import {
  headerText,
  renderConsole,
  renderHtml,
  renderJsonSummary,
  renderMarkdown,
  renderTraceJson,
  reproductionOf,
  type RunResult,
} from "../src/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { prepareReportDir, writeAtomic } from "./files.ts";
import { nearestPassingRun } from "./nearest-pass.ts";

export function useColor(args: SimArgs): boolean {
  return args.color ?? (process.stdout.isTTY === true && !process.env["NO_COLOR"]);
}

/** Width for console output: the terminal's, else a fixed default (pipes and CI get the same text). */
export function consoleWidth(): number | undefined {
  return process.stdout.isTTY === true ? process.stdout.columns : undefined;
}

export async function writeReports(result: RunResult, dir: string): Promise<string[]> {
  const abs = prepareReportDir(dir);
  const options = { passingRun: await nearestPassingRun(result) };
  const files: [string, () => string][] = [
    ["report.md", () => renderMarkdown(result, options)],
    ["trace.json", () => renderTraceJson(result)],
    ["report.html", () => renderHtml(result, options)],
  ];
  return files.map(([name, render]) => writeAtomic(abs, name, render()));
}

/** The one header line, printed before a run so the seed comes first. */
export function printHeader(args: SimArgs, header: Parameters<typeof headerText>[0]): void {
  if (!args.json) console.log(headerText(header));
}

export async function printResult(result: RunResult, args: SimArgs, wallMs: number, headerPrinted = true): Promise<void> {
  const written = args.reportDir ? await writeReports(result, args.reportDir) : [];
  if (args.json) {
    console.log(renderJsonSummary(result));
  } else {
    console.log(renderConsole(result, { color: useColor(args), width: consoleWidth(), header: !headerPrinted }).trimEnd());
    console.log(`(${Math.round(wallMs)} ms wall for ${result.stats.virtualMs} virtual ms)`);
    for (const file of written) console.log(`wrote ${file}`);
  }
  if (args.traceHash) console.log(result.traceHash);
}

/** 0/1 by the run's verdict; with --check-verdict, 0/1 by whether the declared verdict held (2 if none). */
export function exitCodeOf(result: RunResult, args: SimArgs): number {
  if (!args.checkVerdict) return result.verdict === "pass" ? 0 : 1;
  const reproduction = reproductionOf(result);
  if (reproduction === "no-declaration") {
    throw new UsageError(`--check-verdict: '${result.scenario}' declares no verdict under ${result.profile}`);
  }
  return reproduction === "reproduced" || reproduction === "passed-as-declared" ? 0 : 1;
}
