// Seed 004 (PR #17336): every client kind on the gateway host was paired with the old shared token; the
// operator rotated gateway.auth.token, but the shell's exported OPENCLAW_GATEWAY_TOKEN and the browser's
// cached token still hold the old one. The clients restart with a valid stored device token and a stale
// passive token. 2026.2.14 sends the passive token first and floods `device token mismatch` (retries-bounded,
// converges); releases before and after it prefer the stored token, or heal with the one device-token retry.
// Under 2026.9 a local backend is never paired (it authenticates with the shared secret and skips pairing, as
// the released gateway does), so it holds no device token: with a stale token it must pause, not loop. And the
// Control UI's device token was issued under the old shared token (an issuer naming its generation, switch
// deviceTokenIssuer, read in the 2026.9.6 dist): the rotation retires it, so the tab is refused
// device_token_mismatch and must pause until the new token is pasted, not loop.
import { host, localBackendSkipsWithSharedSecret, scenario, specScenario, type MachineClientSpec, type Profile, type Scenario, type Step, type World } from "../src/index.ts";
import { controlUiPageOrigin, identity, libraryIdentities, tokenConfig, tuiIdentityFields } from "./support.ts";
const { op } = host;

export const browserTab = { browser: "chrome", tabId: "tab-1" };
export const longRunning = ["tui", "backend", "node", "control-ui"] as const;
const floodWindowMs = 300_000;
const kinds = [...longRunning, "cli"] as const;

/** The five client kinds of seed 004 as processes of the world (test/seeds/004 starts them by hand). */
export function specs(world: World): Record<(typeof kinds)[number], MachineClientSpec> {
  return {
    tui: { kind: "tui", identity: identity(1), ...tuiIdentityFields(world.profile) },
    backend: { kind: "backend", identity: identity(2) },
    node: { kind: "node", identity: identity(3) },
    "control-ui": { kind: "control-ui", identity: identity(4), ...browserTab },
    cli: { kind: "cli", identity: identity(5), call: { method: "status" } },
  };
}

/** The same five as machineClient step fields (identities by name, declared below). */
const stepSpecs = {
  tui: { kind: "tui", identity: "tui" },
  backend: { kind: "backend", identity: "backend" },
  node: { kind: "node", identity: "node" },
  "control-ui": { kind: "control-ui", identity: "control-ui", ...browserTab, pageOrigin: controlUiPageOrigin },
  cli: { kind: "cli", identity: "cli", call: { method: "status" } },
} as const;

function start(suffix: string): Step[] {
  return kinds.map((kind) => ({ machineClient: { machine: "gw", name: `${kind}${suffix}`, user: kind, ...stepSpecs[kind] } }) as Step);
}

function unpairedBackend(profile: Profile): boolean {
  return localBackendSkipsWithSharedSecret(profile);
}

/** The rotation retires the Control UI's device token (issued under the old shared token's generation). */
function retiredBrowserToken(profile: Profile): boolean {
  return profile.gateway.deviceTokenIssuer;
}

/** The long-running kinds expected to reach hello again after the rotation. */
function convergingKinds(p: Profile): string[] {
  return longRunning.filter((k) => !(k === "backend" && unpairedBackend(p)) && !(k === "control-ui" && retiredBrowserToken(p)));
}

export const tokenPriorityRegressionSpec = libraryIdentities(
  scenario("token-priority-regression", "seed 004: after a token rotation, paired clients with a stale passive token must use their stored device token (or heal) instead of flooding the gateway"),
  { tui: 1, backend: 2, node: 3, "control-ui": 4, cli: 5 },
)
  // 2026.3 fails since it follows openclaw@2026.3.13 (issue 11): the local backend skips pairing on the shared token
  // (shouldSkipBackendSelfPairing; 3.13 seed-5 fixture k2-token-rl3 c0020) and a scope-less node pairing leaves no
  // scope baseline, so no device token (fixture c0004, c0024, c0074, c0096): after the rotation both hold only the
  // stale shared token, and the 3.13 GatewayClient does not pause on AUTH_TOKEN_MISMATCH from a loopback endpoint
  // without a device-token retry (shouldPauseReconnectAfterAuthFailure, read in its dist): retries-bounded.
  // 2026.3.2 fails on the backend alone (read in its dist): the same shared-secret skip leaves the unpaired backend
  // without a device token (ensureDeviceToken needs a paired device), while its scope-less node pairing does get one;
  // the client is assumed to be 3.13's (unpaired-backend-pauses, retries-bounded).
  // 2026.4 fails the same way since it follows openclaw@2026.4.14 (issue 11): an unpaired local backend on the
  // shared token skips pairing (shouldSkipLocalBackendSelfPairing, seed-19 configs4 fixture k2-token c0005), so it
  // holds no device token, and the 4.14 GatewayClient does not pause on AUTH_TOKEN_MISMATCH from a loopback
  // endpoint until a device-token retry was spent (shouldPauseReconnectAfterAuthFailure, read in its dist):
  // retries-bounded.
  // 2026.4.22 as 2026.4: its profile keeps every 2026.4.14 switch these runs exercise (assumed where not read).
  .verdicts({ default: "pass", "2026.2.14": "fail", "2026.2.17": "fail", "2026.2.22": "fail", "2026.3.2": "fail", "2026.3": "fail", "2026.4": "fail", "2026.4.22": "fail" })
  // The one-shot CLI is not expected to converge: under 2026.3+ it sends the stale passive token and fails once.
  // Neither is a backend that the release never pairs (no stored device token to fall back on).
  // Nor, from 2026.9, the Control UI, whose device token the rotation retired.
  .invariantsPerProfile((p) => [{ name: "standard", converges: { clients: convergingKinds(p) } }])
  .bare()
  .perProfile((p) => (unpairedBackend(p) ? [{ note: "this release never pairs a local backend: it gets no device token and must pause on a stale token" }] : []))
  .perProfile((p) => (retiredBrowserToken(p) ? [{ note: "this release retires the Control UI's device token issued under the old shared token: the tab must pause" }] : []))
  .gatewayMachine({ config: tokenConfig("T1"), shellEnv: { OPENCLAW_GATEWAY_TOKEN: "T1" }, cliIdentity: "operator-cli" })
  .step({ browserToken: { machine: "gw", ...browserTab, token: "T1" } })
  .install()
  .step(...start("-paired"))
  .wait(5_000)
  .expectConnected(kinds.map((kind) => `${kind}-paired`), "pairing with the old token")
  .stop(...kinds.map((kind) => `${kind}-paired`))
  .openclaw(op.rotateSharedToken("T2"))
  .openclaw(op.gatewayInstall({ force: true }))
  .warmUp(5_000)
  .step(...start(""))
  .converge("every kind restarted with a stale passive token after the rotation")
  .wait(floodWindowMs)
  .perProfile((p) => (unpairedBackend(p) ? [{ expectClient: { name: "backend", paused: true, connected: false, rule: "unpaired-backend-pauses" } }] : []))
  .perProfile((p) => (retiredBrowserToken(p) ? [{ expectClient: { name: "control-ui", paused: true, connected: false, rule: "retired-browser-token-pauses" } }] : []))
  .build();

export const tokenPriorityRegression: Scenario = specScenario(tokenPriorityRegressionSpec);
