// `pnpm sim export <scenario> [--out FILE]`: a library scenario's RunSpec as a YAML scenario file.
import { writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { schemaRepoPath, specToYaml } from "../src/index.ts";
import { findScenario } from "../scenarios/index.ts";
import { UsageError, type SimArgs } from "./args.ts";

const repoRoot = join(import.meta.dirname, "..");

export function runExport(args: SimArgs): number {
  const out = args.chaos?.out;
  const scenario = findScenario(args.target!);
  if (!scenario) throw new UsageError(`unknown scenario '${args.target}' (pnpm sim --list lists them)`);
  if (!scenario.spec) throw new UsageError(`scenario '${scenario.name}' is TypeScript code (run(ctx)), not step data; it cannot be exported`);
  const fromDir = out !== undefined ? dirname(resolve(out)) : process.cwd();
  const schemaRef = relative(fromDir, join(repoRoot, schemaRepoPath)) || schemaRepoPath;
  const yaml = specToYaml(scenario.spec, { schemaRef, origin: `exported from the scenario library: pnpm sim export ${scenario.name}` });
  if (out === undefined) {
    process.stdout.write(yaml);
    return 0;
  }
  try {
    writeFileSync(out, yaml);
  } catch {
    throw new UsageError(`cannot write '${out}'`);
  }
  console.log(`wrote ${out}`);
  return 0;
}
