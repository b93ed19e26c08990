// `pnpm sim diff <trace-a> <trace-b>`: the first event where two recorded runs part and a summary of what
// follows, on the console and, with --report DIR, as diff.md and diff.html. Exit 0 when the traces are
// identical, 1 when they differ, 2 on bad input.
import { diffRuns, renderDiffHtml, renderDiffMarkdown, renderDiffText } from "../src/index.ts";
import type { SimArgs } from "./args.ts";
import { prepareReportDir, writeAtomic } from "./files.ts";
import { readTraceFile } from "./replay-check.ts";

export function runDiffCommand(args: SimArgs): number {
  const a = readTraceFile(args.target!);
  const b = readTraceFile(args.other!);
  const diff = diffRuns(a, b);
  const written: string[] = [];
  if (args.reportDir !== undefined) {
    const dir = prepareReportDir(args.reportDir);
    written.push(writeAtomic(dir, "diff.md", `${renderDiffMarkdown(diff, "clawsim diff: what changed")}\n`));
    written.push(writeAtomic(dir, "diff.html", renderDiffHtml(diff)));
  }
  if (args.json) console.log(JSON.stringify(diff));
  else process.stdout.write(renderDiffText(diff));
  for (const file of written) if (!args.json) console.log(`wrote ${file}`);
  return diff.identical ? 0 : 1;
}
