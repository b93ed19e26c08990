// Runs a bench piece in a fresh Node process (so its RSS and heap are its own) and reads its one JSON line.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const benchDir = import.meta.dirname;
export const childTimeoutMs = 20 * 60_000;

export function runChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): T | { error: string } {
  return runNode<T>([...nodeFlags, "--import", "tsx", join(benchDir, script), ...args]);
}

/** `node <argv>` (e.g. a prebuilt bundle), read as runChild reads its child. */
export function runNode<T>(argv: readonly string[]): T | { error: string } {
  const run = spawnSync(process.execPath, argv, {
    encoding: "utf8",
    timeout: childTimeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as T;
  } catch {
    const why = run.error?.message ?? (run.stderr.trim().split("\n").at(-1) || `exit ${run.status}`);
    return { error: why };
  }
}
