// The scenario library: every named scenario `pnpm sim` knows, in listing order.
import type { Scenario } from "../src/index.ts";
import { cliConnect } from "./cli-connect.ts";

export const scenarios: readonly Scenario[] = [cliConnect];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((s) => s.name === name);
}
