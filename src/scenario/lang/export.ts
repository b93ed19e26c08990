// A RunSpec as a YAML scenario file: the editor's schema line, a comment naming where it came from, then the
// data. Running the file gives the same trace as running the spec (test/scenario/export-roundtrip.test.ts).
import { stringify } from "yaml";
import type { RunSpec } from "./spec.ts";

export const schemaRepoPath = "schema/scenario.schema.json";

/** `schemaRef`: how the file names the schema (a path relative to the file, or a URL). */
export function specToYaml(spec: RunSpec, options: { schemaRef: string; origin?: string }): string {
  const header = [`# yaml-language-server: $schema=${options.schemaRef}`];
  if (options.origin) header.push(`# ${options.origin}`);
  return `${header.join("\n")}\n${stringify(ordered(spec), { lineWidth: 0 })}`;
}

const fieldOrder = ["name", "description", "seed", "profile", "world", "gateway", "identities", "pairing", "verdicts", "invariants", "budgets", "steps"];

/** The spec's fields in reading order (the data is unchanged). */
function ordered(spec: RunSpec): Record<string, unknown> {
  const record = spec as unknown as Record<string, unknown>;
  const keys = [...fieldOrder.filter((k) => k in record), ...Object.keys(record).filter((k) => !fieldOrder.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}
