// Compatibility names for the scenario-file API of before the step language: a case file is a RunSpec and
// parsing it is parseRunSpec (lang/parse.ts); running it is specScenario (lang/interpret.ts).
import { parseRunSpec } from "./lang/parse.ts";
import { specScenario } from "./lang/interpret.ts";
import type { RunSpec } from "./lang/spec.ts";
import type { Scenario } from "./scenario.ts";

export type CaseFile = RunSpec;
export type CaseParse = { readonly ok: true; readonly file: RunSpec } | { readonly ok: false; readonly message: string };

export function parseCaseFile(text: string, path: string): CaseParse {
  const parsed = parseRunSpec(text, path);
  return parsed.ok ? { ok: true, file: parsed.spec } : { ok: false, message: parsed.message };
}

export function caseScenario(file: RunSpec): Scenario {
  return specScenario(file);
}
