// Three paired LAN machines whose clocks drift from the gateway's by 90 s, 5 min and 11 min; the gateway
// restarts and every client signs a fresh connect. Which ones get in depends on the release's signature
// window (DEVICE_SIGNATURE_SKEW_MS: 10 min up to 2026.2.17, 2 min from 2026.2.22, 2026.3 = openclaw@2026.3.13
// included). An out-of-window client gets DEVICE_AUTH_SIGNATURE_EXPIRED, which no release treats as a pause code:
// it reconnects for as long as its clock is off, so retries-bounded fails under every profile up to 2026.4 (the
// 5-minute machine joins the 11-minute one where the window is 2 min). The 2026.9 client signs with the challenge's `ts` (PR #116679), so every laptop
// gets in whatever its clock says. Once NTP fixes the clocks everyone converges.
import { scenario, specScenario, type Scenario, type Step } from "../src/index.ts";
import { lanUrlFor, libraryIdentities, tokenConfig } from "./support.ts";

const machines = [
  { name: "laptop-90s", offsetMs: 90_000, identity: 11 },
  { name: "laptop-5m", offsetMs: -5 * 60_000, identity: 12 },
  { name: "laptop-11m", offsetMs: 11 * 60_000, identity: 13 },
] as const;
const clients = machines.map((m) => `${m.name}-backend`);
const skewedForMs = 300_000;

export const signatureSkewSpec = libraryIdentities(
  scenario("signature-skew", "clients with clocks 90 s, 5 min and 11 min off: the in-window ones connect, the out-of-window ones must stop retrying (none does; 2026.9 signs with the challenge's ts)"),
  Object.fromEntries(machines.map((m) => [m.name, m.identity])),
)
  .verdicts({ default: "fail", "2026.8": "pass", "2026.9": "pass" })
  .invariants(
    { name: "standard", retriesBounded: false, converges: { clients } },
    // 2026.2.22 answers a stale signature with the early code DEVICE_AUTH_INVALID (reason device-signature-stale).
    { name: "retries-bounded", codes: ["+DEVICE_AUTH_SIGNATURE_EXPIRED", "+DEVICE_AUTH_INVALID"] },
  )
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .install()
  .step(...machines.map((m): Step => ({ host: { name: m.name, kind: "lan" } })))
  .perProfile((p) => machines.map((m): Step => ({ client: { name: `${m.name}-backend`, host: m.name, kind: "backend", url: lanUrlFor(p), identity: m.name, passiveToken: "T1" } })))
  .wait(2_000)
  .step({ approvePending: { machine: "gw", identities: machines.map((m) => m.name), restart: clients } })
  .wait(30_000)
  .expectConnected(clients, "pairing the laptops with in-sync clocks")
  .step(...machines.map((m): Step => ({ clock: { host: m.name, deltaMs: m.offsetMs } })))
  .openclaw({ kind: "gateway-restart" })
  .wait(skewedForMs)
  // In the release's signature window a skewed laptop is back; outside it, it is refused.
  .perProfile((p) =>
    machines.map((m): Step => {
      const inWindow = p.client.signedAtSource === "challenge-ts" || Math.abs(m.offsetMs) <= p.gateway.signatureSkewMs;
      const rule = inWindow ? "in-window-clock-accepted" : "out-of-window-clock-refused";
      return { expectClient: { name: `${m.name}-backend`, connected: inWindow, rule } };
    }),
  )
  .step(...machines.map((m): Step => ({ clock: { host: m.name, deltaMs: -m.offsetMs } })))
  .converge("NTP brought every laptop's clock back")
  .wait(60_000)
  .build();

export const signatureSkew: Scenario = specScenario(signatureSkewSpec);
