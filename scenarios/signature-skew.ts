// Three paired LAN machines whose clocks drift from the gateway's by 90 s, 5 min and 11 min; the gateway
// restarts and every client signs a fresh connect. Which ones get in depends on the release's signature
// window (DEVICE_SIGNATURE_SKEW_MS: 10 min until 2026.3, 2 min from 2026.4). An out-of-window client gets
// DEVICE_AUTH_SIGNATURE_EXPIRED, which no release treats as a pause code: it reconnects for as long as its
// clock is off, so retries-bounded fails under every profile up to 2026.4 (the 5-minute machine joins the
// 11-minute one from 2026.4). The 2026.9 client signs with the challenge's `ts` (PR #116679), so every laptop
// gets in whatever its clock says. Once NTP fixes the clocks everyone converges.
import { host } from "../src/index.ts";
const { op } = host;
import { OPERATOR_ACTION_CODES, retriesBounded, type Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  approvePending,
  checkConnected,
  countEvents,
  identity,
  installGateway,
  remoteUrl,
  runFor,
  tokenConfig,
} from "./support.ts";

const machines = [
  { name: "laptop-90s", offsetMs: 90_000, identity: identity(11) },
  { name: "laptop-5m", offsetMs: -5 * 60_000, identity: identity(12) },
  { name: "laptop-11m", offsetMs: 11 * 60_000, identity: identity(13) },
] as const;
const clients = machines.map((m) => `${m.name}-backend`);
const skewedForMs = 300_000;

export const signatureSkew: Scenario = {
  name: "signature-skew",
  description: "clients with clocks 90 s, 5 min and 11 min off: the in-window ones connect, the out-of-window ones must stop retrying (none does; 2026.9 signs with the challenge's ts)",
  expectDefault: "fail",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "fail", "2026.4": "fail", "2026.9": "pass" },
  invariants: (p) => [
    ...libraryInvariants(p, { retriesBounded: false, converges: convergeOnNotes({ clients }) }),
    retriesBounded({ codes: [...OPERATOR_ACTION_CODES, "DEVICE_AUTH_SIGNATURE_EXPIRED"] }),
  ],
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    installGateway(world);
    for (const m of machines) {
      world.addHost({ name: m.name, kind: "lan" });
      world.addClient({ name: `${m.name}-backend`, host: m.name, client: { kind: "backend", url: remoteUrl, identity: m.identity, passiveToken: "T1" } });
    }
    runFor(world, 2_000);
    approvePending(world, machines.map((m) => m.identity.deviceId), clients);
    runFor(world, 30_000);
    checkConnected(ctx, clients, "pairing the laptops with in-sync clocks");
    for (const m of machines) world.skewClock(m.name, m.offsetMs);
    const hellosBefore = clients.map((c) => countEvents(world, c, "hello"));
    world.operator("gw", op.gatewayRestart());
    runFor(world, skewedForMs);
    const windowMs = world.profile.gateway.signatureSkewMs;
    machines.forEach((m, i) => {
      const inWindow = world.profile.client.signedAtSource === "challenge-ts" || Math.abs(m.offsetMs) <= windowMs;
      const connected = countEvents(world, clients[i]!, "hello") > hellosBefore[i]!;
      const rule = inWindow ? "in-window-clock-accepted" : "out-of-window-clock-refused";
      ctx.check(connected === inWindow, rule, `${m.name} (clock ${m.offsetMs / 1000} s off, window ${windowMs / 1000} s) ${connected ? "connected" : "was refused"}`);
    });
    for (const m of machines) world.skewClock(m.name, -m.offsetMs);
    markConverge(ctx, "NTP brought every laptop's clock back");
    runFor(world, 60_000);
  },
};
