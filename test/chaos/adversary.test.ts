// The adversary: every attack kind runs against a fixed profile without opening a session (adversary-refused
// and the security invariants hold), the invariant fires on an attack that got through, and the CVE profile
// is caught when a remote Control UI meets allowInsecureAuth.
import { describe, expect, it } from "vitest";
import {
  adversaryRefused,
  chaosScenario,
  findPreset,
  findProfile,
  fullSelection,
  runScenario,
  type Attack,
  type ChaosPlan,
  type TraceEvent,
} from "../../src/index.ts";

const light = findPreset("light")!;
const attacks: Attack[] = [
  { kind: "replay-connect", client: "tui-0" },
  { kind: "reflect-nonce", client: "tui-0" },
  { kind: "splice-signature", client: "node-1" },
  { kind: "downgrade-v2", client: "tui-0" },
  { kind: "forge-device-id", client: "node-1" },
  { kind: "stale-device-token", client: "node-1" },
  { kind: "preauth-flood", sockets: 40 },
  { kind: "bad-frame", shape: "oversized" },
  { kind: "bad-frame", shape: "not-json" },
  { kind: "bad-frame", shape: "wrong-first-method" },
];

function plan(overrides: Partial<ChaosPlan> = {}): ChaosPlan {
  return {
    seed: 5n,
    preset: "light",
    swarm: { adversary: 1 } as ChaosPlan["swarm"],
    gateway: { legacyUnit: false, allowInsecureAuth: false, shellToken: false, dotEnvToken: false },
    clients: [
      { name: "tui-0", kind: "tui", on: "gateway-host", withDevice: true, credential: "explicit" },
      { name: "node-1", kind: "node", on: "lan", withDevice: true, credential: "handed" },
    ],
    steps: [
      { atMs: 10_000, step: { kind: "device-rotate", client: "node-1" } },
      ...attacks.map((attack, i) => ({ atMs: 20_000 + i * 5_000, step: { kind: "adversary" as const, attack } })),
    ],
    safetyMs: 120_000,
    convergeWithinMs: 200_000,
    ...overrides,
  };
}

describe("adversary", () => {
  for (const name of ["2026.3", "2026.9"]) {
    it(`every attack is refused and every invariant holds under ${name}`, { timeout: 60_000 }, async () => {
      const p = plan();
      const result = await runScenario(chaosScenario(p, fullSelection(p), light), { seed: p.seed, profile: findProfile(name)! });
      const outcomes = result.events.filter((e) => e.kind === "check" && String(e.data["attempt"]).startsWith("adversary:"));
      expect(outcomes.length).toBeGreaterThanOrEqual(attacks.length);
      expect(result.findings).toEqual([]);
    });
  }

  it("adversary-refused fires when an impersonation gets hello-ok", () => {
    const inv = adversaryRefused();
    const event = (ok: boolean, attempt: string): TraceEvent => ({ i: 1, atMs: 5, actor: "adversary", kind: "check", data: { what: "attempt.outcome", attempt, ok } }) as TraceEvent;
    inv.onEvent(event(false, "adversary:replay-connect:tui-0"));
    expect(inv.finish({ nowMs: 10 })).toEqual([]);
    inv.onEvent(event(true, "adversary:splice-signature:tui-0"));
    expect(inv.finish({ nowMs: 10 }).map((f) => f.invariant)).toEqual(["adversary-refused"]);
  });

  it("catches CVE-2026-32034 under 2026.2.13 and not after the fix", { timeout: 60_000 }, async () => {
    const p = plan({
      gateway: { legacyUnit: false, allowInsecureAuth: true, shellToken: false, dotEnvToken: false },
      clients: [{ name: "control-ui-0", kind: "control-ui", on: "lan", withDevice: false, credential: "handed" }],
      steps: [],
    });
    const run = (name: string) => runScenario(chaosScenario(p, fullSelection(p), light), { seed: p.seed, profile: findProfile(name)! });
    expect((await run("2026.2.13")).findings.map((f) => f.invariant)).toContain("cve-2026-32034");
    expect((await run("2026.2.22")).findings.map((f) => f.invariant)).not.toContain("cve-2026-32034");
  });
});
