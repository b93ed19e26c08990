// Client-side chaos worlds: in half the seeds, on a stream of its own ("chaos:plan/client-worlds"), the plan
// gains episodes the rest of the generator never draws — Control UI tabs opened with `#token=`, `?token=` or no
// token (a second tab of a browser that already paired, on the gateway host), a tab on a LAN laptop over plain
// http (no secure context), a backend dialling the gateway by host name over plaintext ws://, gateway frames held
// seconds late while every connection resets (a challenge that arrives after 2 s), and the gateway unit's
// OPENCLAW_HANDSHAKE_TIMEOUT_MS with a silent socket to feel it. Seeds that draw none keep their plans. This
// module draws the episodes, runs them on chaos's own interpreter, and says them in the step language; it does
// not judge (the invariants do) and it does not touch the drawn clients.
import { identityFromSeed } from "../crypto/index.ts";
import { createMachine, op } from "../host/index.ts";
import { gatewayFramesLate, type RuleHandle } from "../net/index.ts";
import type { Draws } from "./draws.ts";
import type { Step } from "../scenario/index.ts";
import { identitySeedFor } from "../scenario/lang/standard-world.ts";
import { withEnvAt } from "../scenario/lang/kinds/host-env.ts";
import { openControlUiTab } from "../world/index.ts";
import { gatewayHostAddress, gatewayMachine, gatewayPort, localUrl, type ChaosWorld } from "./chaos-world.ts";
import type { ClientWorldStep, TabPlace, TabUrlToken } from "./client-world-steps.ts";
import type { TimedStep } from "./steps.ts";

/** The gateway's env var for its pre-auth handshake timeout. */
export const handshakeTimeoutEnvName = "OPENCLAW_HANDSHAKE_TIMEOUT_MS";
/** The browser the episodes' tabs run in (the drawn Control UI clients use chrome). */
export const tabBrowser = "firefox";
/** The LAN laptop whose browser opens the Control UI over plain http. */
export const laptopMachine = "laptop";
export const laptopHost = "laptop-host";
/** The gateway host by a plain name (no IP literal, no .local or .ts.net): with no break-glass variable on the
 *  client's host (the named client sets none), every release with an insecure-ws guard refuses it over ws://. */
export const namedGatewayUrl = `ws://${gatewayMachine}:${gatewayPort}`;
/** The gateway host by its mDNS name, which the insecure-ws guard of 5.28 … 9.6 trusts without the variable. */
export const mdnsGatewayUrl = `ws://${gatewayMachine}.local:${gatewayPort}`;
/** The page origin of the Control UI served at the gateway's LAN address. */
export const lanPageOrigin = `http://${gatewayHostAddress}:${gatewayPort}`;
const localPageOrigin = `http://127.0.0.1:${gatewayPort}`;

/** A quarter of the frames' extra wait is below this: the challenge must miss a 2 s client timeout. */
export const slowChallengeDelayMsMin = 2_500;
/** Below every release's handshake timeout (10 s, 15 s, the drawn env value), so only the client's timer can fire. */
export const slowChallengeDelayMsMax = 9_000;
/** The env value drawn stays above the slowest challenge and below 2026.9's 15 s default. */
export const handshakeEnvMsMin = 10_000;
export const handshakeEnvMsMax = 14_000;
/** The raised variant: above 2026.9's 15 s challenge wait and above the stall, so the gateway waits it out. */
const raisedHandshakeEnvMsMin = 20_000;
const raisedHandshakeEnvMsMax = 25_000;
/** The stall of the raised variant: past every client's challenge wait (15 s at most), below the raised timeout. */
const stalledChallengeDelayMsMin = 16_000;
const stalledChallengeDelayMsMax = 19_000;
/** The silent socket waits past both the env value and the default. */
const idleWaitMs = 40_000;
const episodesMax = 3;

/** What the episodes add to a plan: timed steps, and the origin the gateway must allow for a LAN tab. */
export interface ClientWorldDraw {
  readonly steps: readonly TimedStep[];
  readonly allowedOrigins?: readonly string[];
}

type Episode = "tabs-local" | "tab-lan" | "named-ws" | "slow-challenge" | "handshake-env";
const episodeWeights: readonly (readonly [Episode, number])[] = [
  ["tabs-local", 3],
  ["tab-lan", 2],
  ["named-ws", 1],
  ["slow-challenge", 2],
  ["handshake-env", 1],
];

function pickEpisode(prng: Draws): Episode {
  return prng.pickWeighted(episodeWeights) ?? "tabs-local";
}

/** Half the seeds draw 1–3 episodes; the other half draw nothing (undefined), so their plans are unchanged. */
export function drawClientWorld(prng: Draws, safetyMs: number): ClientWorldDraw | undefined {
  if (!prng.chance({ numerator: 1, denominator: 2 })) return undefined;
  const steps: TimedStep[] = [];
  let lanTab = false;
  const count = prng.int(1, episodesMax);
  for (let i = 0; i < count; i++) {
    const atMs = prng.int(5_000, safetyMs - 30_000);
    switch (pickEpisode(prng)) {
      case "tabs-local": {
        // The first tab reads the token from its URL and pairs its browser; the second opens bare later.
        const urlToken: TabUrlToken = prng.chance({ numerator: 3, denominator: 4 }) ? "fragment" : "query";
        steps.push({ atMs, step: { kind: "ui-tab", tab: `ui-tab-${i}`, on: "gateway-host", urlToken } });
        steps.push({ atMs: atMs + prng.int(5_000, 20_000), step: { kind: "ui-tab", tab: `ui-tab-${i}b`, on: "gateway-host", urlToken: "none" } });
        break;
      }
      case "tab-lan":
        lanTab = true;
        steps.push({ atMs, step: { kind: "ui-tab", tab: `ui-tab-${i}`, on: "lan", urlToken: "fragment" } });
        break;
      case "named-ws": {
        // Half of them (a draw of their own) dial the host's mDNS name, which 5.28 … 9.6 trust over ws:// without
        // the break-glass variable, where the plain name stays refused.
        const mdns = prng.fork(`named-mdns-${i}`).chance({ numerator: 1, denominator: 2 });
        steps.push({ atMs, step: { kind: "named-ws-client", name: `named-${i}`, ...(mdns ? { mdns: true as const } : {}) } });
        break;
      }
      case "slow-challenge":
        steps.push({ atMs, step: { kind: "slow-challenge", delayMs: prng.int(slowChallengeDelayMsMin, slowChallengeDelayMsMax), forMs: prng.int(10_000, 25_000) } });
        break;
      case "handshake-env": {
        const timeoutMs = prng.int(handshakeEnvMsMin, handshakeEnvMsMax);
        // A third of them (a draw of their own, so the rest of the plan is unchanged) raise the timeout past every
        // client's challenge wait and then stall the gateway's frames past 15 s: the clients' own watchdogs fire
        // first, closing the socket (2.22 on) or sending connect without a nonce (2.12, 2.17).
        const raised = prng.fork(`handshake-raised-${i}`);
        if (!raised.chance({ numerator: 1, denominator: 3 })) {
          steps.push({ atMs, step: { kind: "handshake-env", timeoutMs, idle: `idle-${i}` } });
          break;
        }
        // The stall first (it resets every socket), then the restart with the raised value and its silent socket.
        const raisedMs = raised.int(raisedHandshakeEnvMsMin, raisedHandshakeEnvMsMax);
        steps.push({ atMs, step: { kind: "slow-challenge", delayMs: raised.int(stalledChallengeDelayMsMin, stalledChallengeDelayMsMax), forMs: raised.int(20_000, 30_000) } });
        steps.push({ atMs: atMs + 1_000, step: { kind: "handshake-env", timeoutMs: raisedMs, idle: `idle-${i}` } });
        break;
      }
    }
  }
  return { steps, ...(lanTab ? { allowedOrigins: [lanPageOrigin] } : {}) };
}

function tabMachine(on: TabPlace): string {
  return on === "lan" ? laptopMachine : gatewayMachine;
}

/** The page URL a tab opens; `token` is the shared token (a value or the `{{configToken:…}}` placeholder). */
function tabUrl(on: TabPlace, urlToken: TabUrlToken, token: string): string {
  const origin = on === "lan" ? lanPageOrigin : localPageOrigin;
  const tail = urlToken === "fragment" ? `#token=${token}` : urlToken === "query" ? `?token=${token}` : "";
  return `${origin}/${tail}`;
}

/** The browser profile's own key, as the step language's browserTab seeds it. */
function browserIdentitySeed(machine: string): string {
  return identitySeedFor(`browser:${machine}/${tabBrowser}`);
}

// ---- chaos's own interpreter (timeline.ts) ----

/** Runs one client-world step on the chaos world; a fault rule goes in `rules` (the heal removes it). */
export function runClientWorldStep(cw: ChaosWorld, step: ClientWorldStep, token: string, rules: Set<RuleHandle>): void {
  const { world } = cw;
  switch (step.kind) {
    case "ui-tab": {
      if (step.on === "lan" && !world.network.hosts.has(laptopHost)) {
        world.addHost({ name: laptopHost, kind: "lan" });
        world.addMachine({ name: laptopMachine, host: laptopHost, machine: createMachine({ name: laptopMachine, config: {}, dotEnvText: null }), cliIdentity: null });
      }
      const machine = tabMachine(step.on);
      const identity = identityFromSeed(Uint8Array.from(Buffer.from(browserIdentitySeed(machine), "hex")));
      openControlUiTab(world, { machine, browser: tabBrowser, tabId: step.tab, client: step.tab, pageUrl: tabUrl(step.on, step.urlToken, token), identity });
      return;
    }
    case "named-ws-client": {
      const host = `${step.name}-host`;
      world.addHost({ name: host, kind: "lan" });
      world.addClient({ name: step.name, host, user: step.name, client: { kind: "backend", url: step.mdns ? mdnsGatewayUrl : namedGatewayUrl, identity: null, passiveToken: token, allowInsecurePrivateWs: false } });
      return;
    }
    case "slow-challenge": {
      const rule = world.network.addRule(gatewayFramesLate(step.delayMs));
      rules.add(rule);
      world.scheduler.schedule(step.forMs, { actor: "chaos", label: "end delay", traced: true }, () => {
        if (rules.delete(rule)) rule.remove();
      });
      for (const id of world.network.connectionIds()) world.network.reset(id);
      world.scheduler.schedule(0, { actor: "chaos", label: "end reset-all", traced: true }, () => {});
      return;
    }
    case "handshake-env": {
      const value = String(step.timeoutMs);
      world.updateMachine(gatewayMachine, (m) => withEnvAt(m, "unit", handshakeTimeoutEnvName, value), `${handshakeTimeoutEnvName}=${value} in unit`);
      world.operator(gatewayMachine, op.gatewayRestart());
      world.attempt({ fromHost: gatewayMachine, url: localUrl, port: gatewayPort, gatewayToken: token, identities: {}, attempt: { name: step.idle, waitMsMax: idleWaitMs } });
      return;
    }
  }
}

// ---- the step language (to-lang.ts) ----

/** The steps of one client-world step; `added` remembers hosts and machines already declared. */
export function clientWorldSteps(step: ClientWorldStep, tokenPlaceholder: string, added: Set<string>): Step[] {
  switch (step.kind) {
    case "ui-tab": {
      const steps: Step[] = [];
      if (step.on === "lan" && !added.has(laptopHost)) {
        added.add(laptopHost);
        steps.push({ host: { name: laptopHost, kind: "lan" } }, { machine: { name: laptopMachine, host: laptopHost, config: {} } });
      }
      const url = tabUrl(step.on, step.urlToken, tokenPlaceholder);
      steps.push({ browserTab: { action: "open", machine: tabMachine(step.on), browser: tabBrowser, tab: step.tab, client: step.tab, url } });
      return steps;
    }
    case "named-ws-client": {
      const host = `${step.name}-host`;
      return [{ host: { name: host, kind: "lan" } }, { client: { name: step.name, kind: "backend", host, url: step.mdns ? mdnsGatewayUrl : namedGatewayUrl, user: step.name, passiveToken: tokenPlaceholder, allowInsecurePrivateWs: false } }];
    }
    case "slow-challenge":
      return [{ netFault: { delay: { ms: step.delayMs }, forMs: step.forMs } }, { netFault: { resetAll: true, forMs: 0 } }];
    case "handshake-env":
      return [
        { hostEnv: { machine: gatewayMachine, site: "unit", name: handshakeTimeoutEnvName, value: String(step.timeoutMs) } },
        { openclaw: { machine: gatewayMachine, command: { ...op.gatewayRestart() } } },
        { connect: { name: step.idle, waitMsMax: idleWaitMs, host: gatewayMachine, url: localUrl, background: true, token: tokenPlaceholder } },
      ];
  }
}
