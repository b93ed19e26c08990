// Seed 004 (PR #17336): every client kind on the gateway host was paired with the old shared token; the
// operator rotated gateway.auth.token, but the shell's exported OPENCLAW_GATEWAY_TOKEN and the browser's
// cached token still hold the old one. The clients restart with a valid stored device token and a stale
// passive token. 2026.2.14 sends the passive token first and floods `device token mismatch` (retries-bounded,
// converges); releases before and after it prefer the stored token, or heal with the one device-token retry.
// Under 2026.9 a local backend is never paired (it authenticates with the shared secret and skips pairing, as
// the released gateway does), so it holds no device token: with a stale token it must pause, not loop.
import { host } from "../src/index.ts";
const { op } = host;
import type { MachineClientSpec, Scenario, World } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  checkConnected,
  identity,
  installGateway,
  runFor,
  startOnGatewayHost,
  tokenConfig,
  tuiIdentityFields,
  withControlUiToken,
} from "./support.ts";

export const browserTab = { browser: "chrome", tabId: "tab-1" };
export const longRunning = ["tui", "backend", "node", "control-ui"] as const;
const floodWindowMs = 300_000;

/** The five client kinds of seed 004, each with its own identity (shared with test/seeds/004). */
export function specs(world: World): Record<(typeof longRunning)[number] | "cli", MachineClientSpec> {
  return {
    tui: { kind: "tui", identity: identity(1), ...tuiIdentityFields(world.profile) },
    backend: { kind: "backend", identity: identity(2) },
    node: { kind: "node", identity: identity(3) },
    "control-ui": { kind: "control-ui", identity: identity(4), ...browserTab },
    cli: { kind: "cli", identity: identity(5), call: { method: "status" } },
  };
}

export const tokenPriorityRegression: Scenario = {
  name: "token-priority-regression",
  description: "seed 004: after a token rotation, paired clients with a stale passive token must use their stored device token (or heal) instead of flooding the gateway",
  expectDefault: "pass",
  expect: { "2026.2.13": "pass", "2026.2.14": "fail", "2026.2.22": "pass", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  // The one-shot CLI is not expected to converge: under 2026.3+ it sends the stale passive token and fails once.
  // Neither is a backend that the release never pairs (no stored device token to fall back on).
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: longRunning.filter((k) => k !== "backend" || !unpairedBackend(p)) }) }),
  run(ctx) {
    const { world } = ctx;
    if (unpairedBackend(world.profile)) {
      ctx.note("this release never pairs a local backend: it gets no device token and must pause on a stale token");
    }
    const perTab = world.profile.client.controlUiTokenPerTab;
    addGatewayMachine(world, {
      config: tokenConfig("T1"),
      shellEnv: { OPENCLAW_GATEWAY_TOKEN: "T1" },
      machine: (m) => withControlUiToken(m, { ...browserTab, token: "T1", perTab }),
    });
    installGateway(world);
    const all = Object.entries(specs(world));
    for (const [kind, spec] of all) startOnGatewayHost(world, `${kind}-paired`, kind, spec);
    runFor(world, 5_000);
    checkConnected(ctx, all.map(([kind]) => `${kind}-paired`), "pairing with the old token");
    for (const [kind] of all) world.client(`${kind}-paired`).stop();
    world.operator("gw", op.rotateSharedToken("T2"));
    world.operator("gw", op.gatewayInstall({ force: true }));
    runFor(world, 5_000 + (world.profile.gateway.startupUnavailableMs ?? 0));
    for (const [kind, spec] of all) startOnGatewayHost(world, kind, kind, spec);
    markConverge(ctx, "every kind restarted with a stale passive token after the rotation");
    runFor(world, floodWindowMs);
    if (unpairedBackend(world.profile)) {
      const backend = world.clientStatus("backend");
      ctx.check(backend.paused && !backend.connected, "unpaired-backend-pauses", `the never-paired backend should pause on its stale token; paused=${backend.paused} connected=${backend.connected}`);
    }
  },
};

function unpairedBackend(profile: World["profile"]): boolean {
  return profile.gateway.localBackendPairingSkip === "also-shared-secret";
}
