// Forty long-running clients on the gateway host — TUIs, Control UI tabs, node hosts, backends — plus a few
// one-shot CLI calls, all connected, when the operator restarts the gateway. They all lose the session
// (1012) and come back at the same instant (the client's backoff has no jitter): a reconnect storm from one
// address. 2026.9 answers UNAVAILABLE while it starts and refuses more than 32 unauthenticated sockets per
// address with 503. Everyone must be back within a minute (converges), retry within bounds
// (retries-bounded, reconnect-loop-stops), and no challenge nonce may be accepted twice (nonce-single-use).
import { host, scenario, specScenario, type Scenario, type Step } from "../src/index.ts";
import { controlUiPageOrigin, libraryIdentities, tokenConfig } from "./support.ts";
const { op } = host;

const perKind = 10;
const kinds = ["tui", "control-ui", "node", "backend"] as const;
const oneShots = 5;
const identityBase = 40;
const convergeWithinMs = 60_000;
const numbers = Array.from({ length: perKind }, (_, n) => n);
const longRunning = kinds.flatMap((k) => numbers.map((n) => `${k}-${n}`));

function identities(): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const kind of kinds) for (const n of numbers) ids[`${kind}-${n}`] = identityBase + kinds.indexOf(kind) * perKind + n;
  for (let n = 0; n < oneShots; n++) ids[`cli-${n}`] = identityBase + kinds.length * perKind + n;
  return ids;
}

function startAll(): Step[] {
  return kinds.flatMap((kind) =>
    numbers.map((n): Step => {
      const name = `${kind}-${n}`;
      const ui = kind === "control-ui" ? { browser: `browser-${n}`, tabId: "tab-1", pageOrigin: controlUiPageOrigin } : {};
      return { machineClient: { machine: "gw", name, user: name, kind, identity: name, ...ui } };
    }),
  );
}

function cliCalls(round: string): Step[] {
  return Array.from({ length: oneShots }, (_, n): Step => ({
    machineClient: { machine: "gw", name: `cli-${round}-${n}`, user: `cli-${n}`, kind: "cli", identity: `cli-${n}`, call: { method: "health" } },
  }));
}

const cliNames = (round: string) => Array.from({ length: oneShots }, (_, n) => `cli-${round}-${n}`);

export const gatewayRestartStormSpec = libraryIdentities(
  scenario("gateway-restart-storm", "40 clients of every kind reconnect at once after a gateway restart: all back within a minute, bounded retries, no nonce reuse"),
  identities(),
)
  .verdicts({ default: "pass" })
  .invariants({ name: "standard", converges: { clients: longRunning, convergeWithinMs } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  // Every Control UI tab (one browser profile each) has T1 pasted.
  .step(...numbers.map((n): Step => ({ browserToken: { machine: "gw", browser: `browser-${n}`, tabId: "tab-1", token: "T1" } })))
  .install()
  .step(...startAll())
  // The one-shot CLI calls come once the long-running clients are in: 45 sockets opened in the same instant
  // from one address exceed 2026.9's 32 unauthenticated sockets per address, and a one-shot CLI answered 503
  // does not retry (the storm after the restart is what this scenario is about, not the first start).
  .wait(5_000)
  .step(...cliCalls("before"))
  .wait(5_000)
  .expectConnected([...longRunning, ...cliNames("before")], "connecting before the restart")
  .openclaw(op.gatewayRestart())
  .converge("the gateway restarted under 40 connected clients")
  .step(...cliCalls("during"))
  .wait(convergeWithinMs)
  .step(...cliCalls("after"))
  .wait(10_000)
  .step(...cliNames("after").map((client): Step => ({ expectRpc: { client, ok: true, rule: "cli-after-storm", message: `${client}: health after the storm failed` } })))
  .build();

export const gatewayRestartStorm: Scenario = specScenario(gatewayRestartStormSpec);
