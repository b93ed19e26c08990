// `pnpm sim bisect <scenario|file>`: runs one scenario under every release profile in release order (the
// catalog's order) and names the releases where its verdict flips. The run is the simulation only; it does
// not run real gateways: `--real` is sim/bisect-real/command.ts. Pure description in `describeFlips`; printing here.
import { readFileSync } from "node:fs";
import { progressLine } from "./progress.ts";
import { caseScenario, parseCaseFile, profiles, runScenario, type RunResult, type Scenario } from "../src/index.ts";
import { findScenario } from "../scenarios/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { runBisectReal } from "./bisect-real/command.ts";

type Verdict = RunResult["verdict"];

export interface BisectRow {
  readonly profile: string;
  readonly verdict: Verdict;
  readonly expected?: Verdict;
  readonly findings: number;
  readonly traceHash: string;
  /** The first finding's message (what went otherwise), when there is one. */
  readonly firstFinding?: string;
}

interface Segment {
  readonly verdict: Verdict;
  readonly first: string;
  readonly last: string;
}

function segmentsOf(rows: readonly BisectRow[]): Segment[] {
  const out: Segment[] = [];
  for (const row of rows) {
    const open = out[out.length - 1];
    if (open !== undefined && open.verdict === row.verdict) out[out.length - 1] = { ...open, last: row.profile };
    else out.push({ verdict: row.verdict, first: row.profile, last: row.profile });
  }
  return out;
}

const verb = (v: Verdict): string => (v === "pass" ? "passes" : "fails");

/** "passes up to 2026.2.13, fails from 2026.2.14, passes again from 2026.2.22" (rows in release order). */
export function describeFlips(rows: readonly BisectRow[]): string {
  if (rows.length === 0) throw new Error("describeFlips needs at least one row");
  const segments = segmentsOf(rows);
  if (segments.length === 1) return `${verb(segments[0]!.verdict)} under every profile (${rows[0]!.profile} … ${rows[rows.length - 1]!.profile}): no flip`;
  const seen = new Set<Verdict>();
  return segments
    .map((s, i) => {
      const again = seen.has(s.verdict) ? " again" : "";
      seen.add(s.verdict);
      return i === 0 ? `${verb(s.verdict)} up to ${s.last}` : `${verb(s.verdict)}${again} from ${s.first}`;
    })
    .join(", ");
}

/** The releases whose verdict differs from the previous release's (the flip points). */
export function flipPoints(rows: readonly BisectRow[]): string[] {
  return segmentsOf(rows).slice(1).map((s) => s.first);
}

/** The scenario a target names, with the file's RunSpec when it is a file (or a library scenario built from one). */
export function scenarioOf(target: string): Scenario {
  if (/\.(json|ya?ml)$/.test(target)) {
    let text: string;
    try {
      text = readFileSync(target, "utf8");
    } catch {
      throw new UsageError(`cannot read scenario file '${target}'`);
    }
    const parsed = parseCaseFile(text, target);
    if (!parsed.ok) throw new UsageError(parsed.message);
    return caseScenario(parsed.file);
  }
  const scenario = findScenario(target);
  if (!scenario) throw new UsageError(`unknown scenario '${target}' (pnpm sim --list lists them; files end in .json/.yaml)`);
  return scenario;
}

/** Runs the target under every profile in release order. */
export async function bisectRows(
  target: string,
  seed: bigint,
  onProfile?: (done: number, total: number, profile: string) => void,
): Promise<BisectRow[]> {
  const scenario = scenarioOf(target);
  const source = /\.(json|ya?ml)$/.test(target) ? { kind: "file" as const, path: target } : undefined;
  const rows: BisectRow[] = [];
  for (const [index, profile] of profiles.entries()) {
    onProfile?.(index, profiles.length, profile.name);
    const result = await runScenario(scenario, { seed, profile, ...(source ? { source } : {}) });
    rows.push({
      profile: profile.name,
      verdict: result.verdict,
      ...(result.expected ? { expected: result.expected } : {}),
      findings: result.findings.length,
      traceHash: result.traceHash,
      ...(result.findings[0] ? { firstFinding: `${result.findings[0].invariant}: ${result.findings[0].message}` } : {}),
    });
  }
  return rows;
}

export async function runBisectCommand(args: SimArgs, seed: bigint): Promise<number> {
  if (args.real) return await runBisectReal(args, seed);
  const progress = progressLine({ total: profiles.length });
  const rows = await bisectRows(args.target!, seed, (done, _total, name) => progress.update(done, name));
  progress.finish();
  if (args.json) {
    console.log(JSON.stringify({ target: args.target, seed: seed.toString(), rows, flips: flipPoints(rows), summary: describeFlips(rows) }));
    return 0;
  }
  console.log(`bisect ${args.target}  seed ${seed}  ${rows.length} release profiles in release order`);
  for (const row of rows) {
    const expected = row.expected === undefined ? "" : row.expected === row.verdict ? "  (as declared)" : `  (declared ${row.expected})`;
    console.log(`  ${row.profile.padEnd(10)} ${row.verdict.padEnd(4)} ${String(row.findings).padStart(3)} finding(s)  ${row.traceHash.slice(0, 12)}${expected}`);
  }
  console.log(`${args.target}: ${describeFlips(rows)}`);
  return 0;
}
