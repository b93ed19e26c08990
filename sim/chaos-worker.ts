// The pool worker of `pnpm sim chaos --workers N` (tinypool): runs chaos tasks sent as data and returns data.
// Profiles travel as plain objects (structured clone), seeds as decimal strings.
import type { Profile } from "../src/index.ts";
import { rememberOwnSignatures } from "../src/crypto/index.ts";
import { firstFailure, presetNamed, runSeed, type KillOutcome, type SeedOutcome } from "./chaos-run.ts";

export type ChaosTask =
  | { readonly kind: "seeds"; readonly seeds: readonly string[]; readonly preset: string; readonly profile: Profile }
  | { readonly kind: "first-failure"; readonly seedStart: string; readonly seedsMax: number; readonly preset: string; readonly profile: Profile; readonly shrink: boolean; readonly reference?: Profile };

export type ChaosTaskResult = { readonly kind: "seeds"; readonly outcomes: SeedOutcome[] } | { readonly kind: "first-failure"; readonly outcome: KillOutcome };

export async function runTask(task: ChaosTask): Promise<ChaosTaskResult> {
  // Chaos verifies the simulation's own signatures from memory (the same answers; src/crypto/signature.ts).
  rememberOwnSignatures(true);
  const preset = presetNamed(task.preset);
  if (task.kind === "seeds") {
    const outcomes: SeedOutcome[] = [];
    for (const seed of task.seeds) outcomes.push(await runSeed(BigInt(seed), preset, task.profile));
    return { kind: "seeds", outcomes };
  }
  const outcome = await firstFailure({ seedStart: BigInt(task.seedStart), seedsMax: task.seedsMax, preset, profile: task.profile, shrink: task.shrink, ...(task.reference ? { reference: task.reference } : {}) });
  return { kind: "first-failure", outcome };
}

export default runTask;
