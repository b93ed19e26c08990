// Reading a scenario file (JSON or YAML) into a RunSpec: syntax, then every schema and static problem at once,
// as ONE line: "path: at /a: …" or "path: 3 problems: at /a …; at /b …; at /c …". Bad input never runs.
import { parse as parseYaml } from "yaml";
import type { Profile } from "../../profiles/index.ts";
import { schemaProblems, staticProblems } from "./check.ts";
import type { RunSpec } from "./spec.ts";

export type SpecParse = { readonly ok: true; readonly spec: RunSpec } | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** One line for a list of problems. */
export function problemsLine(path: string, problems: readonly string[]): string {
  if (problems.length === 1) return `${path}: ${problems[0]}`;
  return `${path}: ${problems.length} problems: ${problems.join("; ")}`;
}

export function parseRunSpec(text: string, path: string, profile?: Profile): SpecParse {
  let data: unknown;
  try {
    data = isYamlPath(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const message = `${path}: not valid ${isYamlPath(path) ? "YAML" : "JSON"}: ${why}`;
    return { ok: false, message, problems: [message] };
  }
  return checkRunSpec(data, path, profile);
}

/** Validates a value as a RunSpec (schema, then static checks), every problem at once. */
export function checkRunSpec(data: unknown, path: string, profile?: Profile): SpecParse {
  const schema = schemaProblems(data);
  const problems = schema.length > 0 ? schema : staticProblems(data as RunSpec, profile);
  if (problems.length > 0) return { ok: false, message: problemsLine(path, problems), problems };
  return { ok: true, spec: data as RunSpec };
}
