// Replays recorded real-gateway attempts (test/fixtures/oracle) in the simulated gateway under a profile and
// lists where the model's answer differs, field by field. Deterministic and offline: no real gateway needed.
import { findProfile, World, type Attempt, type Outcome, type Profile } from "../../src/index.ts";
import type { GatewayConfigInput } from "../../src/world/index.ts";
import { READY_PROBE } from "./real-gateway.ts";

export interface FixtureRecord {
  readonly attempt: Attempt & { readonly sourceAddress?: string };
  readonly resetBefore: boolean;
  readonly outcome: Outcome;
}

export interface FixtureRun {
  readonly name: string;
  readonly config: { gateway?: { auth?: { rateLimit?: Record<string, number | boolean> }; controlUi?: { allowInsecureAuth?: boolean }; nodes?: unknown } };
  readonly records: readonly FixtureRecord[];
}

export interface Fixture {
  readonly openclawVersion: string;
  readonly identities: Readonly<Record<string, { seed: string; deviceId: string }>>;
  readonly runs: readonly FixtureRun[];
}

export interface Divergence {
  readonly run: string;
  readonly attempt: string;
  readonly field: string;
  readonly real: unknown;
  readonly model: unknown;
}

export interface ReplayReport {
  readonly compared: number;
  readonly skipped: readonly { run: string; attempt?: string; why: string }[];
  readonly divergences: readonly Divergence[];
}

const port = 18789;
const token = "oracle-gateway-token";

/** Placeholders and ids differ between the two runs; compare texts with them folded. */
export function foldIds(text: string): string {
  return text
    .replace(/<[a-zA-Z]+(:\d+)?>/g, "<id>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{0,12}/g, "<id>")
    .replace(/<id>[0-9a-f-]*/g, "<id>")
    // A request id cut by the 120-byte close-reason limit: fold whatever is left of it.
    .replace(/\(requestId: [^)]*$/, "(requestId: <id>…");
}

export function fields(o: Outcome): Record<string, unknown> {
  const err = o.response?.error;
  const d = (err?.details ?? {}) as Record<string, unknown>;
  return {
    "upgrade.status": o.upgradeRefused?.status,
    ok: o.response?.ok,
    "error.code": err?.code,
    "error.message": err?.message === undefined ? undefined : foldIds(err.message),
    "error.retryable": err?.retryable,
    "details.code": d["code"],
    "details.reason": d["reason"],
    "details.authReason": d["authReason"],
    "details.canRetryWithDeviceToken": d["canRetryWithDeviceToken"],
    "details.recommendedNextStep": d["recommendedNextStep"],
    "close.code": o.close?.by === "server" ? o.close.code : undefined,
    "close.reason": o.close?.by === "server" ? foldIds(o.close.reason) : undefined,
    rpc: (o.rpc ?? []).map((r) => `${r.method}:${r.ok ? "ok" : (r.error?.code ?? "error")}`).join(","),
  };
}

export function compareOutcomes(run: string, attempt: string, real: Outcome, model: Outcome): Divergence[] {
  const a = fields(real);
  const b = fields(model);
  const out: Divergence[] = [];
  for (const key of Object.keys(a)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push({ run, attempt, field: key, real: a[key], model: b[key] });
  }
  return out;
}

function configOf(run: FixtureRun): GatewayConfigInput {
  const g = run.config.gateway ?? {};
  return {
    auth: { mode: "token", token, ...(g.auth?.rateLimit ? { rateLimit: g.auth.rateLimit as never } : {}) },
    controlUi: { allowInsecureAuth: g.controlUi?.allowInsecureAuth === true },
  };
}

export function replayFixture(fixture: Fixture, profile: Profile = findProfile("2026.9")!): ReplayReport {
  const identities = Object.fromEntries(Object.entries(fixture.identities).map(([n, v]) => [n, v.seed]));
  const skipped: { run: string; attempt?: string; why: string }[] = [];
  const divergences: Divergence[] = [];
  let compared = 0;
  for (const run of fixture.runs) {
    if (run.config.gateway?.nodes !== undefined) {
      skipped.push({ run: run.name, why: "gateway.nodes.pairing.autoApproveLocal is not modelled" });
      continue;
    }
    const world = new World({ seed: 1n, profile });
    world.addHost({ name: "gw", kind: "lan" });
    world.addGateway({ name: "gateway", host: "gw", port, bind: "loopback", config: configOf(run) });
    world.runFor(profile.gateway.startupUnavailableMs ?? 0);
    const attempt = (a: Attempt) => {
      const h = world.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: token, identities, attempt: a });
      world.runUntil(() => h.outcome !== undefined, 60_000);
      return h.outcome;
    };
    for (const record of run.records) {
      if (record.attempt.sourceAddress !== undefined) {
        skipped.push({ run: run.name, attempt: record.attempt.name, why: "per-attempt source addresses (127.0.0.x) are not modelled" });
        continue;
      }
      if (record.resetBefore) attempt(READY_PROBE);
      const model = attempt(record.attempt);
      compared++;
      if (!model) {
        divergences.push({ run: run.name, attempt: record.attempt.name, field: "outcome", real: "answered", model: "no outcome" });
        continue;
      }
      divergences.push(...compareOutcomes(run.name, record.attempt.name, record.outcome, model));
    }
  }
  return { compared, skipped, divergences };
}
