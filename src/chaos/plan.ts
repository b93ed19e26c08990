// A chaos plan: the world (clients) and the timed fault episodes of the safety phase, drawn from the seed on the
// "chaos" stream. A plan is data, so a failing run can be shrunk by dropping parts and replayed from a short path.
import { Prng, type Seed } from "../kernel/index.ts";
import type { FaultPreset } from "./preset.ts";

export type ChaosClientKind = "cli" | "tui" | "control-ui" | "node" | "backend";

export interface ChaosClient {
  readonly name: string;
  readonly kind: ChaosClientKind;
  readonly on: "gateway-host" | "lan";
  readonly withDevice: boolean;
}

export type ChaosFault =
  | { readonly kind: "drop" }
  | { readonly kind: "duplicate" }
  | { readonly kind: "partition"; readonly client: string }
  | { readonly kind: "reset-all" }
  | { readonly kind: "gateway-restart"; readonly downMs: number }
  | { readonly kind: "gateway-crash"; readonly downMs: number }
  | { readonly kind: "clock-skew"; readonly client: string; readonly deltaMs: number };

export interface ChaosEpisode {
  readonly atMs: number;
  readonly durationMs: number;
  readonly fault: ChaosFault;
}

export interface ChaosPlan {
  readonly seed: Seed;
  readonly preset: string;
  readonly clients: readonly ChaosClient[];
  readonly episodes: readonly ChaosEpisode[];
  /** Safety phase length: faults happen inside it. */
  readonly safetyMs: number;
  /** After healing, every client must be connected within this long (liveness). */
  readonly convergeWithinMs: number;
}

export const safetyMsDefault = 120_000;
/** Covers a connection lost in a partition (127 s connect timeout) plus a 30 s backoff step. */
export const chaosConvergeWithinMsDefault = 200_000;

const kinds: readonly ChaosClientKind[] = ["cli", "tui", "control-ui", "node", "backend"];

export function generatePlan(seed: Seed, preset: FaultPreset): ChaosPlan {
  const prng = new Prng(seed, "chaos:plan");
  const clientCount = prng.int(preset.clientsMin, preset.clientsMax);
  const clients: ChaosClient[] = [];
  for (let i = 0; i < clientCount; i++) {
    const kind = prng.pick(kinds);
    // A Control UI has a device identity only in a secure context: on the gateway host (localhost).
    const on = kind === "control-ui" ? "gateway-host" : prng.pick(["gateway-host", "lan"] as const);
    clients.push({ name: `${kind}-${i}`, kind, on, withDevice: kind === "control-ui" || kind === "node" || kind === "tui" || prng.chance({ numerator: 1, denominator: 2 }) });
  }
  const episodes: ChaosEpisode[] = [];
  const count = prng.int(preset.episodesMin, preset.episodesMax);
  for (let i = 0; i < count; i++) {
    const atMs = prng.int(5_000, safetyMsDefault - 10_000);
    const durationMs = prng.int(1_000, preset.episodeMsMax);
    episodes.push({ atMs, durationMs, fault: pickFault(prng, clients, preset) });
  }
  episodes.sort((a, b) => a.atMs - b.atMs || a.durationMs - b.durationMs);
  return { seed, preset: preset.name, clients, episodes, safetyMs: safetyMsDefault, convergeWithinMs: chaosConvergeWithinMsDefault };
}

function pickFault(prng: Prng, clients: readonly ChaosClient[], preset: FaultPreset): ChaosFault {
  const lan = clients.filter((c) => c.on === "lan");
  switch (prng.int(0, 6)) {
    case 0:
      return { kind: "drop" };
    case 1:
      return { kind: "duplicate" };
    case 2:
      return lan.length > 0 ? { kind: "partition", client: prng.pick(lan).name } : { kind: "reset-all" };
    case 3:
      return { kind: "reset-all" };
    case 4:
      return { kind: "gateway-restart", downMs: prng.int(0, 5_000) };
    case 5:
      return { kind: "gateway-crash", downMs: prng.int(500, 10_000) };
    default:
      return lan.length > 0 ? { kind: "clock-skew", client: prng.pick(lan).name, deltaMs: prng.int(-preset.skewMsMax, preset.skewMsMax) } : { kind: "drop" };
  }
}

/** The part of a plan a replay path keeps: indices of clients and episodes. */
export interface PlanSelection {
  readonly clients: readonly number[];
  readonly episodes: readonly number[];
}

export function selectPlan(plan: ChaosPlan, selection: PlanSelection): ChaosPlan {
  const clients = selection.clients.map((i) => plan.clients[i]).filter((c): c is ChaosClient => c !== undefined);
  const names = new Set(clients.map((c) => c.name));
  const episodes = selection.episodes
    .map((i) => plan.episodes[i])
    .filter((e): e is ChaosEpisode => e !== undefined)
    .filter((e) => !("client" in e.fault) || names.has(e.fault.client));
  return { ...plan, clients, episodes };
}

export function fullSelection(plan: ChaosPlan): PlanSelection {
  return { clients: plan.clients.map((_, i) => i), episodes: plan.episodes.map((_, i) => i) };
}

/** "c0.2.3-e1.4": the clients and episodes kept. Short enough to paste into an issue. */
export function formatReplayPath(selection: PlanSelection): string {
  return `c${selection.clients.join(".")}-e${selection.episodes.join(".")}`;
}

export function parseReplayPath(text: string): PlanSelection | undefined {
  const m = /^c((?:\d+(?:\.\d+)*)?)-e((?:\d+(?:\.\d+)*)?)$/.exec(text.trim());
  if (!m) return undefined;
  const list = (s: string | undefined) => (s ? s.split(".").map(Number) : []);
  const clients = list(m[1]);
  const episodes = list(m[2]);
  if ([...clients, ...episodes].some((n) => !Number.isSafeInteger(n) || n < 0)) return undefined;
  return { clients, episodes };
}
