// What the fake `node:sqlite` of sim/real-client (fake-sqlite.mjs) refused while a world's real clients ran: a
// release that loads node:sqlite gets that fake, which knows only 2026.8.2's device-auth store statements and
// throws on anything else. A release may catch that error (its store wraps it, its client may log it and carry
// on), so the refusal is also kept in a registry shared through globalThis, and the world checks it after each
// run. The world binds no SQLite state: the device-auth store of those releases is replaced by hostDeps
// (real-client-node.ts), so a statement reaching the fake at all means something new opened a database.
// Not the fake itself.

/** Where fake-sqlite.mjs keeps its bound state and its refusals (the hook's module is not ours). */
const registryKey = Symbol.for("clawsim.real-client.sqlite");

interface Registry {
  current: unknown;
  /** The newest refusal messages (the fake keeps a bounded number). */
  refusals: string[];
  refusalCount: number;
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  g[registryKey] ??= { current: undefined, refusals: [], refusalCount: 0 };
  return g[registryKey];
}

/** How many statements or opens the fake has refused in this process so far. */
export function sqliteRefusalCount(): number {
  return registry().refusalCount;
}

/** The messages of the refusals since the count was `from` (oldest first; the newest ones when many). */
export function sqliteRefusalsSince(from: number): readonly string[] {
  const { refusals, refusalCount } = registry();
  return refusals.slice(Math.max(0, refusals.length - (refusalCount - from)));
}
