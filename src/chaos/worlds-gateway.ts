// Gateway-side worlds and twists for chaos: the paths the generated token-mode worlds and the fast-check probes
// reach too rarely or never — trusted proxies, `gateway.nodes.pairing.autoApproveLocal: false`, operator config
// edits of hot-reloadable keys while the gateway runs, and probes aimed at one gateway rule each (signature skew
// between the old and new bound, a blank nonce on loopback, the browser-copilot class, the Control UI build
// check, the loopback-peer locality rule, the limiter's charge for a missing token, the bootstrap and
// node-pairing limiter scopes, a node that skips pairing as a local backend), and pairing twists added after
// them (an operator UI with a device behind the trusted proxy; operator RPCs on paired devices: a token rotation
// beyond the caller's scopes, a device removed while its request waits). Everything is drawn on its own
// fork of the plan's stream ("gateway-world"), so a seed that draws none of it keeps its plan, and every step is
// an ordinary chaos step (a `probe` or a `config-edit`) that to-lang.ts writes in the step language.
// A probe's answer is never judged on its own; the invariants judge the world, and its wire traffic is what
// tells a mutant from its parent.
import type { Draws } from "./draws.ts";
import { seedForName } from "../world/attempt/generate.ts";
import type { ProbeAttempt, ProbeFrom } from "./probes.ts";
import type { TimedStep } from "./steps.ts";
import { gatewayHostAddress } from "./chaos-world.ts";

/** What the gateway-world draw adds to the gateway machine's config (optional fields of ChaosGatewaySpec). */
export interface GatewayWorldFields {
  /** gateway.trustedProxies from the start: the gateway host's loopback (a local reverse proxy). */
  readonly trustedProxies?: readonly string[];
  /** The gateway machine is a container (Docker): from 2026.4.14 gateway.bind auto listens on every interface there. */
  readonly container?: true;
}

/** The twists this module can draw, one gateway rule each (their names are in the probes' attempt names). */
export const gatewayTwists = [
  "skew",
  "blank-nonce",
  "copilot",
  "stale-build",
  "foreign-host",
  "no-token-burst",
  "bootstrap-burst",
  "node-as-backend",
  "node-origin-burst",
  "edit-trusted-proxies",
  "edit-auto-approve",
  "edit-allowed-origins",
  "auth-mode-episode",
  "setup-code",
] as const;
export type GatewayTwist = (typeof gatewayTwists)[number];

/** Fresh identities only this module's probes use, so a first pairing really is a first one. */
const freshPrefix = "gw-fresh-";

export function isGatewayIdentity(name: string): boolean {
  return name.startsWith(freshPrefix);
}

/** The Ed25519 seed (hex) of a fresh identity, by name. */
export function gatewayIdentitySeed(name: string): string {
  return seedForName(`chaos-${name}`);
}

/** The fresh identities a probe names in its placeholders ({{deviceId:gw-fresh-0}}), name → seed (hex). */
export function gatewayIdentitiesNamed(attempt: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const named = /\{\{(?:deviceId|deviceToken):(gw-fresh-[^}/:]+)/g;
  for (const [, name] of JSON.stringify(attempt).matchAll(named)) out[name!] = gatewayIdentitySeed(name!);
  return out;
}

/** Sockets in a limiter burst: past the default 10 attempts and past every drawn `maxAttempts` (2–10). */
const burstCopies = 12;
const bogusBootstrapToken = "chaos-bogus-bootstrap-token";
const staleBuildId = "2025.12.1";
const copilotOrigin = `chrome-extension://${"abcdefghijklmnop".repeat(2)}`;
/** The origin a trusted reverse proxy serves the Control UI at. */
export const proxiedUiOrigin = "https://openclaw.example";

interface Draw {
  readonly prng: Draws;
  readonly safetyMs: number;
  fresh: number;
  /** The current twist's steps. */
  steps: TimedStep[];
  /** Draw the pairing twists added after the rest (the proxied UI with a device, the device RPCs); a test turns
   *  them off to show the rest of the draw does not depend on them. */
  readonly pairingTwists: boolean;
  /** gateway.controlUi.allowedOrigins as the plan drew it (a client-world LAN tab's), kept by an edit of the key. */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** gateway.auth.rateLimit.maxAttempts as the plan drew it (absent: the limiter's default, 10). */
  readonly limiterMaxAttempts?: number | undefined;
}

function freshIdentity(d: Draw): string {
  return `${freshPrefix}${d.fresh++}`;
}

type Client = { id: string; mode: string; buildId?: string; platform?: string };

function params(client: Client, role: "operator" | "node", extra: Record<string, unknown> = {}): Record<string, unknown> {
  const scopes = role === "node" ? [] : ["operator.read"];
  return { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}", client: { version: "2026.9.6", platform: "linux", ...client }, role, scopes, auth: { token: "{{gatewayToken}}" }, ...extra };
}

function probe(d: Draw, atMs: number, from: ProbeFrom, attempt: ProbeAttempt, copies?: number): void {
  d.steps.push({ atMs, step: { kind: "probe", from, attempt, ...(copies !== undefined ? { copies } : {}) } });
}

const cli: Client = { id: "cli", mode: "cli" };

function drawTwist(d: Draw, twist: GatewayTwist, index: number): void {
  const { prng } = d;
  const at = prng.int(5_000, d.safetyMs - 15_000);
  const name = `gw-${twist}-${index}`;
  const lanOrLocal: ProbeFrom = prng.chance({ numerator: 1, denominator: 2 }) ? "lan" : "gateway-host";
  switch (twist) {
    case "skew": {
      // signedAt between 2026.9's 2-minute bound and the 10 minutes of earlier releases, either way.
      const offset = prng.int(150_000, 540_000) * (prng.chance({ numerator: 1, denominator: 2 }) ? 1 : -1);
      probe(d, at, lanOrLocal, { name, connect: { params: params(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3", signedAtOffsetMs: offset } });
      return;
    }
    case "blank-nonce":
      // A blank nonce on loopback: required always (2026.9) or only for remote peers (earlier releases).
      probe(d, at, "gateway-host", { name, connect: { params: params(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3", nonce: "blank" } });
      return;
    case "copilot": {
      // A browser-copilot client missing its mode, its caps or its extension origin (the copilot class refuses it).
      const flaw = prng.pick(["mode", "caps", "origin"] as const);
      const caps = flaw === "caps" ? ["run-tool-bindings"] : ["run-tool-bindings", "session-scoped-events"];
      const client = { id: "openclaw-browser-copilot", mode: flaw === "mode" ? "webchat" : "ui" };
      const headers = flaw === "origin" ? {} : { headers: { origin: copilotOrigin } };
      probe(d, at, lanOrLocal, { name, ...headers, connect: { params: params(client, "operator", { caps }) } });
      return;
    }
    case "stale-build":
      // A Control UI served by this gateway (Origin host = Host) running another build, on a fresh device.
      probe(d, at, "gateway-host", {
        name,
        headers: { origin: "http://127.0.0.1:{{port}}", host: "127.0.0.1:{{port}}" },
        connect: { params: params({ id: "openclaw-control-ui", mode: "webchat", buildId: staleBuildId }, "operator") },
        device: { identity: freshIdentity(d), payloadVersion: "v3" },
      });
      return;
    case "foreign-host":
      // A loopback socket with a foreign Host header and a fresh device: local for pairing or not, per release.
      probe(d, at, "gateway-host", { name, headers: { host: "gateway.example" }, connect: { params: params(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    case "no-token-burst": {
      // Sockets without any secret from one LAN address: charged to the limiter or not, per release.
      const p = params(cli, "operator");
      delete p["auth"];
      probe(d, at, "lan", { name, connect: { params: p } }, burstCopies);
      // Then the right token from the same address: admitted, or refused by a lockout the burst earned.
      probe(d, at + 2_000, "lan", { name: `${name}-after`, connect: { params: params(cli, "operator") } });
      return;
    }
    case "bootstrap-burst":
      // A signed node with a bootstrap token nobody issued, again and again (the bootstrap-token limiter scope).
      probe(d, at, "lan", { name, connect: { params: params({ id: "node-host", mode: "node" }, "node", { auth: { bootstrapToken: bogusBootstrapToken } }) }, device: { identity: freshIdentity(d), payloadVersion: "v3" } }, burstCopies);
      return;
    case "node-as-backend":
      // A node calling itself a local backend: pairing is skipped, so no device token is issued to it.
      probe(d, at, "gateway-host", { name, connect: { params: params({ id: "gateway-client", mode: "backend" }, "node") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    case "node-origin-burst": {
      // A local node pairs silently, then reconnects with a browser Origin again and again while its node
      // pairing request waits: the browser-origin limiter (never loopback-exempt) counts node-pairing requests.
      const identity = freshIdentity(d);
      const node = { id: "node-host", mode: "node" };
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params(node, "node") }, device: { identity, payloadVersion: "v3" } });
      probe(d, at + 2_000, "gateway-host", { name, headers: { origin: "http://127.0.0.1:{{port}}" }, connect: { params: params(node, "node") }, device: { identity, payloadVersion: "v3" } }, burstCopies);
      // Then a page at http://localhost guesses the shared token until the browser limiter locks it out, and a
      // client at http://127.0.0.1 brings the right one: locked out too where every loopback Origin shares one key
      // (3.2 … 3.31), admitted where each URL origin has its own (4.14 on; switch browserLimiterLoopbackKey).
      const guess = { params: params(cli, "operator", { auth: { token: wrongSharedToken } }) };
      probe(d, at + 4_000, "gateway-host", { name: `${name}-guess`, headers: { origin: "http://localhost:{{port}}" }, connect: guess }, burstCopies);
      probe(d, at + 6_000, "gateway-host", { name: `${name}-after`, headers: { origin: "http://127.0.0.1:{{port}}" }, connect: { params: params(cli, "operator") } });
      return;
    }
    case "edit-trusted-proxies": {
      // The operator trusts a local reverse proxy while the gateway runs (a hot key), then a loopback socket
      // forwards for a loopback client (no client to attribute it to) or for a LAN address.
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.trustedProxies", value: ["127.0.0.1"] } });
      const forwarded = prng.pick(["127.0.0.1", "192.0.2.77"] as const);
      probe(d, at + 2_000, "gateway-host", { name, headers: { "x-forwarded-for": forwarded }, connect: { params: params(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    }
    case "edit-auto-approve": {
      // The operator turns off silent local pairing (a hot key); a fresh local device then asks to pair.
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.nodes.pairing.autoApproveLocal", value: false } });
      const role = prng.pick(["operator", "node"] as const);
      const client = role === "node" ? { id: "node-host", mode: "node" } : cli;
      probe(d, at + 2_000, "gateway-host", { name, connect: { params: params(client, role) }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    }
    case "auth-mode-episode":
      return authModeEpisode(d, at, name, index);
    case "setup-code": {
      // The operator runs `openclaw qr` and a device on the LAN onboards with the code: a node declaring a
      // command, or a backend asking for scopes of the setup profile (operator.questions is in 2026.9's).
      const kind = prng.pick(["node", "backend"] as const);
      const client = `setup-${index}`;
      const extra = kind === "node" ? { commands: ["system.run"] } : { scopes: ["operator.read", "operator.questions"] };
      d.steps.push({ atMs: at, step: { kind: "setup-code", name: client, clientKind: kind, identity: freshIdentity(d), ...extra } });
      return;
    }
    case "edit-allowed-origins":
      // A hot key no client depends on: applied live (2026.9) or by a restart in process.
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.controlUi.allowedOrigins", value: ["https://ui.example"] } });
      return;
  }
}

/** How long an auth-mode episode lasts: the restart's start-up window (5 s in 2026.9), then the probes. */
export const authModeEpisodeMs = 10_000;

/**
 * The operator switches gateway.auth.mode to trusted-proxy (a local reverse proxy forwarding the user in
 * x-forwarded-user) or none, probes connect through it, and the operator switches back to token: each switch
 * restarts the gateway. Long-lived clients are refused while it lasts and get back in after it (or at the heal).
 */
function authModeEpisode(d: Draw, at: number, name: string, index: number): void {
  const { prng } = d;
  const mode = prng.pick(["trusted-proxy", "none"] as const);
  const edit = (atMs: number, path: string, value: unknown) => d.steps.push({ atMs, step: { kind: "config-edit", path, value } });
  const probeAt = at + authModeEpisodeMs - 2_000;
  if (mode === "trusted-proxy") {
    edit(at, "gateway.trustedProxies", ["127.0.0.1"]);
    // The proxy is on the gateway host: releases from 5.28 take a loopback proxy only with allowLoopback (3.31 …
    // 4.22 never), so the operator sets it — but one in four forgets it (a draw of its own, so the rest of the
    // episode is drawn as before), and every request through the proxy is then refused.
    const forgetsLoopback = prng.fork(`loopback-${index}`).chance({ numerator: 1, denominator: 4 });
    edit(at, "gateway.auth.trustedProxy", forgetsLoopback ? { userHeader: "x-forwarded-user" } : { userHeader: "x-forwarded-user", allowLoopback: true });
    edit(at, "gateway.auth.mode", "trusted-proxy");
    // Forwarded for a LAN user, in a drawn order: a device-less operator, a device-less node, and a request
    // without the user header.
    const forwarded = { "x-forwarded-for": "192.0.2.77", "x-forwarded-user": "chaos-user" };
    const order = prng.shuffle(["operator", "node", "no-user"] as const);
    for (const [i, who] of order.entries()) {
      const role = who === "node" ? "node" : "operator";
      const client = who === "node" ? { id: "node-host", mode: "node" } : cli;
      const headers = who === "no-user" ? { "x-forwarded-for": "192.0.2.77" } : forwarded;
      const p = params(client, role);
      delete p["auth"];
      probe(d, probeAt - 1_000 + i * 500, "gateway-host", { name: `${name}-${who}`, headers, connect: { params: p } });
    }
    const uiDevice = { name: `${name}-ui-device`, identity: `${freshPrefix}proxied-ui-${index}` };
    if (d.pairingTwists) proxiedUiWithDevice(d, { episodeMs: at, probeMs: probeAt + 500 }, uiDevice, forwarded);
  } else {
    // No release starts a tokenless gateway beyond loopback (it would refuse to start until the token is back), so
    // the operator binds it to loopback for the episode, as auth none needs; LAN clients are refused meanwhile.
    edit(at, "gateway.bind", "loopback");
    edit(at, "gateway.auth.mode", "none");
    // A device-less local backend, as the gateway's own sidecars connect.
    const p = params({ id: "gateway-client", mode: "backend" }, "operator");
    delete p["auth"];
    probe(d, probeAt, "gateway-host", { name, connect: { params: p } });
    edit(at + authModeEpisodeMs, "gateway.bind", "lan");
  }
  edit(at + authModeEpisodeMs, "gateway.auth.mode", "token");
}

/**
 * An operator UI with a device identity behind the trusted proxy, forwarded for a LAN user: paired like any other
 * device (not-paired, a pairing request) in 2026.9, let in without pairing by releases that skipped pairing for
 * a trusted-proxy operator UI. Which UI it is comes from a stream of its own ("ui-device") and its identity is
 * named apart from the numbered fresh ones, so the episode's other draws, and every later twist, are what they
 * were before this probe was added.
 */
function proxiedUiWithDevice(
  d: Draw,
  at: { episodeMs: number; probeMs: number },
  who: { name: string; identity: string },
  forwarded: Record<string, string>,
): void {
  const ui = d.prng.fork("ui-device").pick(["tui", "control-ui"] as const);
  const client = ui === "tui" ? { id: "openclaw-tui", mode: "ui" } : { id: "openclaw-control-ui", mode: "webchat" };
  const p = params(client, "operator");
  delete p["auth"];
  let headers = forwarded;
  if (ui === "control-ui") {
    // The proxy serves the Control UI at its own origin, which the operator allows next to any origin already
    // allowed (a hot key in 2026.9); without it the tab would be refused on its origin before pairing is asked.
    const allowed = [...(d.allowedOrigins ?? []), proxiedUiOrigin];
    const edit = { kind: "config-edit", path: "gateway.controlUi.allowedOrigins", value: allowed } as const;
    d.steps.push({ atMs: at.episodeMs, step: edit });
    headers = { ...forwarded, origin: proxiedUiOrigin };
  }
  const device = { identity: who.identity, payloadVersion: "v3" } as const;
  probe(d, at.probeMs, "gateway-host", { name: who.name, headers, connect: { params: p }, device });
}

/**
 * Operator RPCs on paired devices (what `openclaw devices` and an operator UI send), drawn on a stream of their
 * own ("device-rpcs") and appended after the twists above, so a seed that draws none keeps its plan:
 * - rotate-beyond-caller: a device paired with operator.admin, then a caller paired with fewer scopes asks
 *   device.token.rotate to mint an admin token for it (bounded by the caller's own scopes, or not, per release);
 * - remove-pending: a paired device asks from the LAN for more scopes (a pending request), an admin removes the
 *   device (device.pair.remove) and then approves the old request id (gone with the device, or still there);
 *   the device then connects again from the gateway host (paired afresh, or held back by its old request).
 */
export const deviceRpcTwists = ["rotate-beyond-caller", "remove-pending"] as const;
export type DeviceRpcTwist = (typeof deviceRpcTwists)[number] | "rotate-unapproved-role" | "merged-role-approval" | "secret-fallback-reset" | BindEpisode | PairingScopeTwist;

/** Episodes that change gateway.bind for a while; each is kept only where nothing else happens near it. */
const bindEpisodes = ["custom-bind-episode", "auto-bind-episode", "tokenless-episode"] as const;
type BindEpisode = (typeof bindEpisodes)[number];
/** The probe name (and prefix) of the rotate-unapproved-role twist below. */
export const rotateUnapprovedRoleName = "gw-rotate-unapproved-role";

const admin = ["operator.admin"];

function signedBy(identity: string): { identity: string; payloadVersion: "v3" } {
  return { identity, payloadVersion: "v3" };
}

function drawDeviceRpcTwist(d: Draw, twist: DeviceRpcTwist, index: number): void {
  const { prng } = d;
  const at = prng.int(5_000, d.safetyMs - 15_000);
  const name = `gw-${twist}-${index}`;
  switch (twist) {
    case "rotate-beyond-caller": {
      const target = freshIdentity(d);
      const caller = freshIdentity(d);
      // device.token.rotate needs operator.pairing; the caller has it, and maybe read, but not admin.
      const callerScopes = prng.pick([["operator.pairing"], ["operator.pairing", "operator.read"]]);
      const asAdmin = { params: params(cli, "operator", { scopes: admin }) };
      probe(d, at, "gateway-host", { name: `${name}-target`, connect: asAdmin, device: signedBy(target) });
      const deviceId = `{{deviceId:${target}}}`;
      const rotate = { method: "device.token.rotate", params: { deviceId, role: "operator", scopes: admin } };
      const connect = { params: params(cli, "operator", { scopes: callerScopes }) };
      probe(d, at + 2_000, "gateway-host", { name, connect, device: signedBy(caller), afterHello: [rotate] });
      return;
    }
    case "remove-pending": {
      const device = freshIdentity(d);
      const remover = freshIdentity(d);
      const asRead = { params: params(cli, "operator") };
      const asAdmin = { params: params(cli, "operator", { scopes: admin }) };
      const signed = signedBy(device);
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signed });
      probe(d, at + 2_000, "lan", { name: `${name}-upgrade`, connect: asAdmin, device: signed });
      const calls = [
        { method: "device.pair.remove", params: { deviceId: `{{deviceId:${device}}}` } },
        { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } },
      ];
      probe(d, at + 4_000, "gateway-host", { name, connect: asAdmin, device: signedBy(remover), afterHello: calls });
      probe(d, at + 6_000, "gateway-host", { name: `${name}-again`, connect: asRead, device: signed });
      return;
    }
  }
}

function drawDeviceRpcs(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const count = d.prng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const twist = d.prng.pick(deviceRpcTwists);
    d.steps = [];
    drawDeviceRpcTwist(d, twist, i);
    groups.push({ twist, steps: d.steps });
  }
  drawRotateUnapprovedRole({ ...d, prng: d.prng.fork("rotate-role"), steps: [] }, groups);
  drawPairingScopeTwist({ ...d, prng: d.prng.fork("pairing-scopes"), steps: [] }, groups);
  drawMergedRoleApproval({ ...d, prng: d.prng.fork("merged-roles"), steps: [] }, groups);
  drawSecretFallbackReset({ ...d, prng: d.prng.fork("secret-fallback"), steps: [] }, groups);
  drawCustomBindEpisode({ ...d, prng: d.prng.fork("custom-bind"), steps: [] }, groups);
  drawAutoBindEpisode({ ...d, prng: d.prng.fork("auto-bind"), steps: [] }, groups);
  drawTokenlessEpisode({ ...d, prng: d.prng.fork("tokenless"), steps: [] }, groups);
}

/** The token the tokenless episode's operator sets at its end (a rotation like the timeline's, so the heal aligns it). */
export const tokenlessEpisodeToken = "T-set-again";

/**
 * tokenless episode, drawn in a fifth of the seeds and kept like the bind episodes (in ≈ 7 % of light seeds): the
 * operator blanks gateway.auth.token
 * (with the bind on loopback, as a tokenless start needs from 2026.5.28), so the restarted gateway starts with no
 * token from the config; 3 s before the end the operator's CLI lists and approves what is pending; then a new token
 * goes into the config and the bind back to lan. 2026.2.12/2.17 refuse to start (their service manager retries),
 * 2.22 … 4.22 write a generated token into the config, later releases keep one in the process, and from 2026.8.2
 * the gateway pairs the machine's CLI device first (service switch tokenBootstrap). Half the episodes first delete the
 * operator CLI's device-auth file, so only that pairing lets the CLI in from 5.28 on (else it holds its own device
 * token and gets in either way). A token from the unit or `.env` keeps the gateway's token.
 */
function drawTokenlessEpisode(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 5 })) return;
  const at = prng.int(5_000, d.safetyMs - 20_000);
  const edit = (atMs: number, path: string, value: unknown) => d.steps.push({ atMs, step: { kind: "config-edit", path, value } });
  // Half the episodes (a draw of their own) first lose the operator CLI's device-auth file (a wiped ~/.openclaw):
  // from 8.2 the tokenless start stores the CLI's token again, before it (5.28 … 7.1) the CLI has no way in.
  if (prng.fork("cli-auth-loss").chance({ numerator: 1, denominator: 2 })) d.steps.push({ atMs: at, step: { kind: "cli-auth-loss" } });
  edit(at, "gateway.bind", "loopback");
  edit(at, "gateway.auth.token", "");
  d.steps.push({ atMs: at + authModeEpisodeMs - 3_000, step: { kind: "approve-pending" } });
  d.steps.push({ atMs: at + authModeEpisodeMs, step: { kind: "rotate-token", site: "config", token: tokenlessEpisodeToken } });
  edit(at + authModeEpisodeMs, "gateway.bind", "lan");
  groups.push({ twist: "tokenless-episode", steps: d.steps });
}

/** The probe name (and prefix) of the auto-bind episode below. */
export const autoBindEpisodeName = "gw-auto-bind";

/**
 * auto-bind episode, drawn in a quarter of the seeds on a stream of its own and kept like the custom-bind one (in
 * ≈ 12 % of light seeds): the
 * operator sets gateway.bind to auto; a local and a LAN probe connect; the bind goes back to lan. Auto is the
 * host's 127.0.0.1, except in a container (the world's `container` field) from 2026.4.14, where it is every
 * interface (service switch containerDetection), so only there the LAN probe gets in.
 */
function drawAutoBindEpisode(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5_000, d.safetyMs - 20_000);
  bindEpisodeSteps(d, at, autoBindEpisodeName, [["gateway.bind", "auto"]]);
  groups.push({ twist: "auto-bind-episode", steps: d.steps });
}

/** A bind episode's steps: its config edits at `at`, a local and a LAN probe 3 s before its end, the bind back to lan. */
function bindEpisodeSteps(d: Draw, at: number, name: string, edits: readonly (readonly [string, unknown])[]): void {
  for (const [path, value] of edits) d.steps.push({ atMs: at, step: { kind: "config-edit", path, value } });
  const probeAt = at + authModeEpisodeMs - 3_000;
  probe(d, probeAt, "gateway-host", { name: `${name}-local`, connect: { params: params(cli, "operator") } });
  probe(d, probeAt + 1_000, "lan", { name: `${name}-lan`, connect: { params: params(cli, "operator") } });
  d.steps.push({ atMs: at + authModeEpisodeMs, step: { kind: "config-edit", path: "gateway.bind", value: "lan" } });
}

/** The probe name (and prefix) of the custom-bind episode below. */
export const customBindEpisodeName = "gw-custom-bind";
/** An address no chaos host has (TEST-NET-2): a mistyped gateway.customBindHost. */
const strayBindHost = "198.51.100.23";

/**
 * custom-bind episode, in a quarter of the seeds, on a stream of its own and kept only where no other twist has a
 * step near it (so a seed keeps the rest of its plan either way): the operator sets gateway.bind to custom with
 * customBindHost the gateway host's LAN address or an address the host does not have; a local and a LAN probe
 * connect; the operator sets the bind back to lan. On its LAN address the gateway refuses loopback peers; on a
 * stray address releases from 2026.2.22 refuse to start (the service manager retries) where 2026.2.12 and
 * 2026.2.17 listen on every interface (service switch customBindFallback).
 */
function drawCustomBindEpisode(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5_000, d.safetyMs - 20_000);
  const host = prng.pick([gatewayHostAddress, strayBindHost]);
  bindEpisodeSteps(d, at, customBindEpisodeName, [
    ["gateway.customBindHost", host],
    ["gateway.bind", "custom"],
  ]);
  groups.push({ twist: "custom-bind-episode", steps: d.steps });
}

/** The probe name (and prefix) of the secret-fallback-reset twist below. */
export const secretFallbackResetName = "gw-secret-fallback-reset";
const wrongSharedToken = "chaos-wrong-shared-token";

/**
 * secret-fallback-reset, in a quarter of the seeds, on a stream of its own (a seed that draws none keeps its plan):
 * one LAN address sends a wrong shared token one attempt short of the limiter's lockout; then a device paired on
 * the gateway host connects from that address with the same wrong token beside its device token and gets in on
 * the device token; then one more wrong token, and the right one. Whether that device-token success clears the
 * address's shared-secret failures (releases with sharedLimiterOnSecretOnly or silentPairing "late"; not 8.2 and
 * 9.6, which neither charge nor reset it) decides whether the last connect is locked out.
 */
function drawSecretFallbackReset(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5_000, d.safetyMs - 20_000);
  const name = secretFallbackResetName;
  const paired = `${freshPrefix}secret-fallback-device`;
  const stranger = signedBy(`${freshPrefix}secret-fallback-stranger`);
  const wrong = { params: params(cli, "operator", { auth: { token: wrongSharedToken } }) };
  const shortOfLockout = Math.max(1, (d.limiterMaxAttempts ?? 10) - 1);
  probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params(cli, "operator") }, device: signedBy(paired) });
  probe(d, at + 2_000, "lan", { name: `${name}-wrong`, connect: wrong, device: stranger }, shortOfLockout);
  const fallback = { params: params(cli, "operator", { auth: { token: wrongSharedToken, deviceToken: `{{deviceToken:${paired}}}` } }) };
  probe(d, at + 4_000, "lan", { name: `${name}-fallback`, connect: fallback, device: signedBy(paired) });
  probe(d, at + 5_000, "lan", { name: `${name}-wrong-again`, connect: wrong, device: stranger });
  probe(d, at + 6_000, "lan", { name: `${name}-right`, connect: { params: params(cli, "operator") }, device: stranger });
  groups.push({ twist: "secret-fallback-reset", steps: d.steps });
}

/** The probe name (and prefix) of the merged-role-approval twist below. */
export const mergedRoleApprovalName = "gw-merged-role-approval";

/**
 * merged-role-approval, in a quarter of the seeds, on a stream of its own after the twists above (a seed that
 * draws none keeps its plan): a new device asks from the LAN to pair as a node, then as an operator; the second
 * request takes over the first with both roles (replace-on-growth), an admin approves it once, and the device
 * connects as a node again. The approval records both roles; 2026.9 mints a token for each (switch
 * approvalTokenPerRequestedRole, 2026.4.14 on) and counts the roles holding a live token, so the node is paired. A
 * gateway that mints the request's role alone and counts token roles (2026.3.31) answers the node connect with a role
 * upgrade.
 */
function drawMergedRoleApproval(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5_000, d.safetyMs - 20_000);
  const name = mergedRoleApprovalName;
  const device = signedBy(`${freshPrefix}merged-role-device`);
  const approver = `${freshPrefix}merged-role-approver`;
  const asNode = { params: params({ id: "node-host", mode: "node" }, "node") };
  probe(d, at, "lan", { name: `${name}-node`, connect: asNode, device });
  probe(d, at + 2_000, "lan", { name: `${name}-operator`, connect: { params: params(cli, "operator") }, device });
  const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
  probe(d, at + 4_000, "gateway-host", { name: `${name}-approve`, connect: { params: params(cli, "operator", { scopes: admin }) }, device: signedBy(approver), afterHello: [approve] });
  probe(d, at + 6_000, "lan", { name: `${name}-node-again`, connect: asNode, device });
  groups.push({ twist: "merged-role-approval", steps: d.steps });
}

/**
 * rotate-unapproved-role, in a quarter of the seeds, on a stream of its own after the twists above (a seed that
 * draws none keeps its plan): an admin asks device.token.rotate for a role the device was never approved for (a
 * node token for a device paired as an operator, `openclaw devices rotate --role node`) — refused where a
 * rotation needs an approved role (2026.8 on), minted where only the scopes are checked (2026.3.13); the device
 * then connects as a node with the shared token.
 */
function drawRotateUnapprovedRole(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5_000, d.safetyMs - 15_000);
  const device = freshIdentity(d);
  const caller = freshIdentity(d);
  const name = rotateUnapprovedRoleName;
  probe(d, at, "gateway-host", { name: `${name}-target`, connect: { params: params(cli, "operator") }, device: signedBy(device) });
  const rotate = { method: "device.token.rotate", params: { deviceId: `{{deviceId:${device}}}`, role: "node", scopes: [] } };
  probe(d, at + 2_000, "gateway-host", { name, connect: { params: params(cli, "operator", { scopes: admin }) }, device: signedBy(caller), afterHello: [rotate] });
  groups.push({ twist: "rotate-unapproved-role", steps: d.steps });
}

/**
 * Pairing-scope twists, in half the seeds (one of them), on a stream of their own after the twists above (a seed
 * that draws none keeps its plan). Each reaches one rule of how a device's roles and scopes are judged that the
 * draws above never reach, with identities of its own (named apart from the numbered fresh ones):
 * - held-token-approval: a device paired as an admin operator asks again from the LAN with another platform and
 *   no scopes (a metadata upgrade whose approval mints the operator token from the approved scopes, admin
 *   included); a caller holding only operator.pairing approves the request. 2026.9 counts the operator token the
 *   device holds among the scopes the approval grants and refuses it (missing operator.admin).
 * - node-scope-prefix: a device paired as an operator with operator.read asks for role node (a node role upgrade,
 *   never silent); an admin approves it; the device then connects as a node asking for operator.read, and a
 *   caller with operator.pairing and operator.read rotates its node token to operator.read. A node's scopes count
 *   only under `node.` (2026.9): the connect waits for a scope upgrade, the rotation is denied.
 * - backend-node-unapproved: a device paired as an operator connects as a local gateway-client backend with the
 *   shared token, asking for role node: pairing is skipped, and no node token can be issued for a role never
 *   approved, so 2026.9 refuses the node session (node pairing identity unavailable).
 */
export const pairingScopeTwists = ["held-token-approval", "node-scope-prefix", "backend-node-unapproved"] as const;
export type PairingScopeTwist = (typeof pairingScopeTwists)[number];

/** Whether a probe name belongs to a pairing-scope twist (`gw-<twist>-…`). */
export function isPairingScopeTwistProbe(name: string): boolean {
  return pairingScopeTwists.some((t) => name.startsWith(`gw-${t}-`));
}

function drawPairingScopeTwist(d: Draw, groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): void {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 2 })) return;
  const twist = prng.pick(pairingScopeTwists);
  const at = prng.int(5_000, d.safetyMs - 20_000);
  const name = `gw-${twist}`;
  const device = `${freshPrefix}${twist}-device`;
  const caller = `${freshPrefix}${twist}-caller`;
  const asRead = { params: params(cli, "operator") };
  const node = { id: "node-host", mode: "node" };
  switch (twist) {
    case "held-token-approval": {
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params(cli, "operator", { scopes: admin }) }, device: signedBy(device) });
      const moved = params({ ...cli, platform: "darwin" }, "operator", { scopes: [] });
      probe(d, at + 2_000, "lan", { name: `${name}-upgrade`, connect: { params: moved }, device: signedBy(device) });
      const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
      const pairingOnly = { params: params(cli, "operator", { scopes: ["operator.pairing"] }) };
      probe(d, at + 4_000, "gateway-host", { name: `${name}-approve`, connect: pairingOnly, device: signedBy(caller), afterHello: [approve] });
      break;
    }
    case "node-scope-prefix": {
      const approver = `${freshPrefix}${twist}-approver`;
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signedBy(device) });
      probe(d, at + 2_000, "gateway-host", { name: `${name}-node`, connect: { params: params(node, "node") }, device: signedBy(device) });
      const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
      probe(d, at + 4_000, "gateway-host", { name: `${name}-approve`, connect: { params: params(cli, "operator", { scopes: admin }) }, device: signedBy(approver), afterHello: [approve] });
      probe(d, at + 6_000, "gateway-host", { name: `${name}-node-read`, connect: { params: params(node, "node", { scopes: ["operator.read"] }) }, device: signedBy(device) });
      const rotate = { method: "device.token.rotate", params: { deviceId: `{{deviceId:${device}}}`, role: "node", scopes: ["operator.read"] } };
      const callerScopes = { params: params(cli, "operator", { scopes: ["operator.pairing", "operator.read"] }) };
      probe(d, at + 8_000, "gateway-host", { name: `${name}-rotate`, connect: callerScopes, device: signedBy(caller), afterHello: [rotate] });
      break;
    }
    case "backend-node-unapproved":
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signedBy(device) });
      probe(d, at + 2_000, "gateway-host", { name: `${name}-node`, connect: { params: params({ id: "gateway-client", mode: "backend" }, "node") }, device: signedBy(device) });
      break;
  }
  groups.push({ twist, steps: d.steps });
}

function drawWorld(prng: Draws): GatewayWorldFields {
  const fields: { trustedProxies?: string[]; container?: true } = {};
  if (prng.chance({ numerator: 1, denominator: 4 })) fields.trustedProxies = ["127.0.0.1"];
  // On a stream of its own, so the rest of the draw is as it was; it matters only while the bind is auto.
  if (prng.fork("container").chance({ numerator: 1, denominator: 2 })) fields.container = true;
  return fields;
}

/**
 * The gateway-world draw of one seed: config fields for the gateway machine and the twists' steps (unsorted;
 * plan.ts sorts the whole timeline). Up to four twists, none in a fifth of the seeds.
 */
export function drawGatewayWorld(
  prng: Draws,
  options: { safetyMs: number; pairingTwists?: boolean; allowedOrigins?: readonly string[] | undefined; limiterMaxAttempts?: number | undefined },
): { fields: GatewayWorldFields; steps: TimedStep[] } {
  const fields = drawWorld(prng);
  const pairingTwists = options.pairingTwists !== false;
  const d: Draw = { prng, safetyMs: options.safetyMs, fresh: 0, steps: [], pairingTwists, allowedOrigins: options.allowedOrigins, limiterMaxAttempts: options.limiterMaxAttempts };
  const groups: { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[] = [];
  const count = prng.int(0, 4);
  for (let i = 0; i < count; i++) {
    const twist = prng.pick(gatewayTwists);
    d.steps = [];
    drawTwist(d, twist, i);
    groups.push({ twist, steps: d.steps });
  }
  if (d.pairingTwists) drawDeviceRpcs({ ...d, prng: prng.fork("device-rpcs"), steps: [] }, groups);
  return { fields, steps: withoutOverlaps(groups) };
}

/**
 * One auth-mode episode per seed, and no other twist near it (a setup code needs a shared secret to embed; a
 * probe aimed at token mode would meet the episode's mode instead): later episodes and twists with a step inside
 * the first episode's window (3 s before it to 1 s after it) are dropped whole. A bind episode (custom, auto, then
 * tokenless) yields instead: it is kept only where no twist left has a step in its window, so it never changes the others.
 */
function withoutOverlaps(groups: readonly { twist: GatewayTwist | DeviceRpcTwist; steps: TimedStep[] }[]): TimedStep[] {
  const window = (episode: { steps: TimedStep[] }) => ({ from: episode.steps[0]!.atMs - 3_000, to: episode.steps[0]!.atMs + authModeEpisodeMs + 1_000 });
  const clearOf = (g: { steps: TimedStep[] }, w: { from: number; to: number }) => g.steps.every((s) => s.atMs < w.from || s.atMs > w.to);
  const isBindEpisode = (g: { twist: GatewayTwist | DeviceRpcTwist }) => (bindEpisodes as readonly string[]).includes(g.twist);
  let kept = groups.filter((g) => !isBindEpisode(g));
  const episode = kept.find((g) => g.twist === "auth-mode-episode");
  if (episode) kept = kept.filter((g) => g === episode || (g.twist !== "auth-mode-episode" && clearOf(g, window(episode))));
  for (const name of bindEpisodes) {
    const bind = groups.find((g) => g.twist === name);
    // Every episode's steps span its own window, so one direction of the check keeps two episodes apart too.
    if (bind && kept.every((g) => clearOf(g, window(bind)))) kept.push(bind);
  }
  return kept.flatMap((g) => g.steps);
}
