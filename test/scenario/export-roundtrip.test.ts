// Every library scenario is step data: `export` → YAML file → parse → run gives the library run's trace hash;
// and the data passes the static check under every profile.
import { describe, expect, it } from "vitest";
import { parseRunSpec, profiles, runScenario, specScenario, specToYaml, staticProblems } from "../../src/index.ts";
import { scenarios } from "../../scenarios/index.ts";

describe("library scenarios round-trip through YAML", () => {
  it("every library scenario is data (none is run(ctx) code)", () => {
    expect(scenarios.filter((s) => s.spec === undefined).map((s) => s.name)).toEqual([]);
  });

  it.each(scenarios.map((s, i) => [s.name, i] as const))("%s: the exported file gives the same trace hash", async (name, i) => {
    const scenario = scenarios[i]!;
    const profile = profiles[i % profiles.length]!;
    const yaml = specToYaml(scenario.spec!, { schemaRef: "schema/scenario.schema.json" });
    expect(yaml.startsWith("# yaml-language-server: $schema=")).toBe(true);
    const parsed = parseRunSpec(yaml, `${name}.yaml`, profile);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.spec).toEqual(scenario.spec);
    const fromLibrary = await runScenario(scenario, { seed: 424242n, profile });
    const fromFile = await runScenario(specScenario(parsed.spec), { seed: 424242n, profile });
    expect(fromFile.traceHash).toBe(fromLibrary.traceHash);
    expect(fromFile.verdict).toBe(fromLibrary.verdict);
  });

  it.each(scenarios.map((s) => s.name))("%s passes the static check under every profile", (name) => {
    const spec = scenarios.find((s) => s.name === name)!.spec!;
    for (const profile of profiles) expect(staticProblems(spec, profile), `${name} @ ${profile.name}`).toEqual([]);
  });
});
