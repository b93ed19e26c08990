// For a failing report: the same scenario and seed under the nearest profile where it is declared to pass
// (the nearest fixed release; the later one on a tie), run again so the report can say what changed.
// Undefined when the scenario declares no passing profile or cannot be found again.
import { caseScenario, expectedVerdict, parseCaseFile, profiles, runScenario, type RunResult, type Scenario } from "../src/index.ts";
import { findScenario } from "../scenarios/index.ts";
import { readInputFile, scenarioFileBytesMax } from "./files.ts";

function scenarioOf(result: RunResult): Scenario | undefined {
  if (result.source.kind === "library") return findScenario(result.scenario);
  try {
    const parsed = parseCaseFile(readInputFile(result.source.path, "scenario file", scenarioFileBytesMax), result.source.path);
    return parsed.ok ? caseScenario(parsed.file) : undefined;
  } catch {
    return undefined;
  }
}

export async function nearestPassingRun(failing: RunResult): Promise<RunResult | undefined> {
  if (failing.verdict !== "fail" || failing.replayCommand.includes(" chaos ")) return undefined;
  const scenario = scenarioOf(failing);
  const at = profiles.findIndex((p) => p.name === failing.profile);
  if (!scenario || at < 0) return undefined;
  const candidates = profiles
    .map((profile, k) => ({ profile, distance: Math.abs(k - at), later: k > at }))
    .filter((c) => c.profile.name !== failing.profile && expectedVerdict(scenario, c.profile.name) === "pass")
    .sort((x, y) => x.distance - y.distance || Number(y.later) - Number(x.later));
  const nearest = candidates[0];
  if (!nearest) return undefined;
  const source = failing.source.kind === "file" ? { source: failing.source } : {};
  const passing = await runScenario(scenario, { seed: BigInt(failing.seed), profile: nearest.profile, ...source });
  return passing.verdict === "pass" ? passing : undefined;
}
