// `pnpm sim --profiles --explain <profile>`: every switch of a profile with its value and how it is known.
// Pure: returns lines; the CLI prints them. A switch without provenance is listed as MISSING.
import { describeProvenance, profileProvenance, type Provenance } from "./provenance.ts";
import type { Profile } from "./types.ts";

export type SwitchGroup = "gateway" | "client" | "service";
export const switchGroups: readonly SwitchGroup[] = ["gateway", "client", "service"];

export interface SwitchExplanation {
  readonly group: SwitchGroup;
  readonly name: string;
  readonly value: unknown;
  readonly provenance: Provenance | undefined;
}

/** Every switch of the profile, in declaration order, with its provenance (undefined when none is recorded). */
export function explainSwitches(profile: Profile): SwitchExplanation[] {
  const table = profileProvenance[profile.name];
  const out: SwitchExplanation[] = [];
  for (const group of switchGroups) {
    const values = profile[group] as unknown as Record<string, unknown>;
    const sources = (table?.[group] ?? {}) as Record<string, Provenance | undefined>;
    for (const [name, value] of Object.entries(values)) out.push({ group, name, value, provenance: sources[name] });
  }
  return out;
}

/** Printable lines: a header, then `group.switch = value  ← provenance`. */
export function explainProfile(profile: Profile): string[] {
  const rows = explainSwitches(profile);
  const counts = { recorded: 0, read: 0, assumed: 0, missing: 0 };
  const lines = rows.map((row) => {
    if (row.provenance === undefined) counts.missing++;
    else counts[row.provenance.kind]++;
    const how = row.provenance === undefined ? "MISSING provenance" : describeProvenance(row.provenance);
    return `  ${row.group}.${row.name} = ${JSON.stringify(row.value)}\n      ← ${how}`;
  });
  const tally = `${rows.length} switches: ${counts.recorded} recorded, ${counts.read} read, ${counts.assumed} assumed`;
  return [`${profile.name}  ${profile.era}: ${profile.summary}`, `${tally}, ${counts.missing} missing`, ...lines];
}
