// Loads the real OpenClaw client once per test file (installing it into the cache on first use). When it
// cannot be had (no network for npm, Node without module.register) the suites skip and say why.
import { findProfile, type Profile, type TraceEvent } from "../../src/index.ts";
import { loadRealGatewayClient } from "../../sim/real-client/load.ts";
import { clientUnderTest, findStory, runStory, type ClientChoice, type Story } from "../../sim/real-client/stories.ts";

export const loaded = await loadRealGatewayClient();
export const realAvailable = loaded.kind === "loaded";
if (loaded.kind === "unavailable") console.warn(`[real-client] SKIPPED: the real OpenClaw client is unavailable: ${loaded.reason}`);

export const profile2026_9: Profile = findProfile("2026.9")!;

export function realChoice(): ClientChoice {
  if (loaded.kind !== "loaded") throw new Error("real client unavailable");
  return { kind: "real", module: loaded.module };
}

export function story(name: string): Story {
  const found = findStory(name);
  if (!found) throw new Error(`no story ${name}`);
  return found;
}

export async function runReal(name: string, seed = 42n) {
  return runStory(story(name), { seed, profile: profile2026_9, client: realChoice() });
}

export async function runSim(name: string, seed = 42n) {
  return runStory(story(name), { seed, profile: profile2026_9, client: { kind: "sim" } });
}

/** The client-under-test's `client` events: [atMs, data]. */
export function clientEvents(events: readonly TraceEvent[], name?: string): { atMs: number; data: Record<string, unknown> }[] {
  return events
    .filter((e) => e.actor === clientUnderTest && e.kind === "client" && (name === undefined || e.data["event"] === name))
    .map((e) => ({ atMs: e.atMs, data: e.data as Record<string, unknown> }));
}
