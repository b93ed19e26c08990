// client: starts a simulated client (src/clients) of any kind — on a standard peer (`from`: each lan/tailnet/
// remote client gets its own host; local ones run on the gateway host) or on a named host with the URL it dials.
// Tokens, stored device token, identity, scopes, a one-shot call and a host clock offset are data.
// `{ client: { name: svc, kind: backend, from: lan, identity: laptop, passiveToken: "{{gatewayToken}}" } }`
import { identityFromSeed } from "../../../crypto/index.ts";
import type { World } from "../../../world/index.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import type { ClientStep } from "../spec.ts";
import { gatewayHostName } from "../standard-world.ts";
import { releaseTuiIdentity } from "./tui-identity.ts";

const fromSchema = { enum: ["local", "lan", "tailnet", "remote"] };
export const clientKinds = ["cli", "tui", "control-ui", "node", "backend"] as const;

export const clientSchema = {
  type: "object",
  required: ["name", "kind"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
    kind: { enum: clientKinds },
    from: fromSchema,
    host: { type: "string" },
    url: { type: "string" },
    user: { type: "string" },
    identity: { type: "string" },
    explicitToken: { type: "string" },
    passiveToken: { type: "string" },
    password: { type: "string" },
    storedToken: { type: "string" },
    bootstrapToken: { type: "string" },
    setupCode: { type: "string" },
    scopes: { type: "array", items: { type: "string" } },
    commands: { type: "array", items: { type: "string" } },
    oneShot: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: { type: "object" } }, additionalProperties: false },
    clockOffsetMs: { type: "integer" },
    clientId: { type: "string" },
    displayName: { type: "string" },
    origin: { type: "string" },
    // OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 in the client's environment (the insecure-ws guard's break-glass);
    // default true, so a LAN client may dial the simulation's private addresses over ws://.
    allowInsecurePrivateWs: { type: "boolean" },
    sameHostAs: { type: "string" },
    relaunch: { type: "boolean" },
    reconnect: {
      type: "object",
      properties: {
        backoffInitialMs: { type: "integer", minimum: 1 },
        backoffMaxMs: { type: "integer", minimum: 1 },
        fastRetryMs: { type: "integer", minimum: 1 },
        challengeTimeoutMs: { type: "integer", minimum: 1 },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

export const clientKind = defineStepKind({
  kind: "client",
  schema: clientSchema,
  check(step, model, at) {
    const c = step.client;
    if (c.relaunch === true && (!model.clients.has(c.name) || c.host === undefined)) model.problem(`${at}/relaunch`, `relaunch needs a client named '${c.name}' started before and its host`);
    if (c.commands !== undefined && c.kind !== "node") model.problem(`${at}/commands`, "only a node host declares commands");
    if (c.relaunch !== true && model.clients.has(c.name)) model.problem(`${at}/name`, `a client named '${c.name}' was already started (relaunch: true starts a new one under the name)`);
    model.clients.add(c.name);
    if (c.identity !== undefined && !model.identities.has(c.identity)) model.problem(`${at}/identity`, `unknown identity '${c.identity}'`);
    if (c.setupCode !== undefined && !model.setupCodes.has(c.setupCode)) model.problem(`${at}/setupCode`, `no setup code named '${c.setupCode}' was made before`);
    if (c.sameHostAs !== undefined) {
      if (!model.clients.has(c.sameHostAs) || c.sameHostAs === c.name) model.problem(`${at}/sameHostAs`, `no client named '${c.sameHostAs}' was started before`);
      if (c.host !== undefined || c.from !== undefined) model.problem(`${at}/sameHostAs`, "sameHostAs takes the other client's host and url: give no from or host");
      if (c.clockOffsetMs !== undefined) model.problem(`${at}/clockOffsetMs`, "a per-client clock on a shared host: skew the host's clock with a clock step");
      return;
    }
    const b = c.reconnect;
    if (b?.backoffInitialMs !== undefined && b.backoffMaxMs !== undefined && b.backoffInitialMs > b.backoffMaxMs) {
      model.problem(`${at}/reconnect/backoffInitialMs`, "backoffInitialMs is larger than backoffMaxMs");
    }
    if (c.host !== undefined) {
      if (c.from !== undefined) model.problem(`${at}/host`, "give either from (a standard peer) or host, not both");
      if (!model.hosts.has(c.host)) model.problem(`${at}/host`, `no host named '${c.host}' was added before`);
      if (c.url === undefined) model.problem(`${at}/url`, "a client on a named host needs the url it dials");
      if (c.clockOffsetMs !== undefined) model.problem(`${at}/clockOffsetMs`, "a per-client clock on a named host: skew the host's clock with a clock step");
    } else {
      if (!model.standard) model.problem(at, "in a bare world a client names its host and url");
      if ((c.from ?? "local") === "local" && c.clockOffsetMs !== undefined) {
        model.problem(`${at}/clockOffsetMs`, "a per-client clock on the shared gateway host (use from: lan, tailnet or remote)");
      }
    }
  },
  run(step, env) {
    if (step.client.relaunch === true) env.world.client(step.client.name).stop();
    startClient(step.client, env);
  },
  print: (step) => `${step.client.relaunch === true ? "relaunch" : "start"} ${step.client.kind} client ${step.client.name} on ${step.client.host ?? step.client.from ?? "local"}`,
});

function gatewayAddress(world: World, kind: "lan" | "tailnet" | "remote"): string {
  const address = world.network.hosts.get(gatewayHostName).interfaces.find((i) => i.kind === kind)?.address;
  if (!address) throw new Error(`the gateway host has no ${kind} address`);
  return address;
}

/**
 * Each lan/tailnet/remote client gets its own host; local clients run on the gateway's host. A remote peer dials
 * wss://; a lan or tailnet one plaintext ws://, but wss:// where the release's client refuses plaintext ws:// beyond
 * loopback whatever its environment (2026.2.22, no break-glass variable), as that release's LAN users had to. A
 * client on a named host dials its url as written, so the guard still refuses a plaintext one there.
 */
function placement(step: ClientStep, env: StepEnv): { host: string; url: string } {
  if (step.sameHostAs !== undefined) {
    const other = env.world.clients.get(step.sameHostAs);
    if (other) return { host: other.options.host, url: other.state.config.url };
  }
  if (step.host !== undefined) return { host: step.host, url: env.resolve(step.url!) };
  const from = step.from ?? "local";
  if (from === "local") return { host: gatewayHostName, url: `ws://127.0.0.1:${env.port}` };
  const host = `${step.name}-host`;
  env.world.addHost({ name: host, kind: from });
  const guard = env.profile.client;
  const scheme = from === "remote" || (guard.insecureWsGuard && guard.insecureWsAllows === "loopback") ? "wss" : "ws";
  return { host, url: `${scheme}://${gatewayAddress(env.world, from)}:${env.port}` };
}

function startClient(step: ClientStep, env: StepEnv): void {
  const { world } = env;
  const { host, url } = placement(step, env);
  if (step.clockOffsetMs !== undefined) world.skewClock(host, step.clockOffsetMs);
  const seed = step.identity !== undefined ? env.seeds[step.identity] : undefined;
  const text = (v: string | undefined) => (v !== undefined ? env.resolve(v) : undefined);
  const code = step.setupCode !== undefined ? env.setupCodes.get(step.setupCode) : undefined;
  world.addAnyClient({
    name: step.name,
    host,
    // A client on a standard peer has its own device-auth file; on a named host the host's default user unless given.
    ...(step.user !== undefined ? { user: step.user } : step.host === undefined ? { user: step.name } : {}),
    client: {
      kind: step.kind,
      url,
      identity: seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null,
      explicitToken: text(step.explicitToken) ?? code?.token,
      passiveToken: text(step.passiveToken),
      password: step.password ?? code?.password,
      bootstrapToken: text(step.bootstrapToken) ?? code?.bootstrapToken,
      // The device-auth file keeps the token under the client's role (a node host's is role node).
      storedTokens: step.storedToken !== undefined ? { [step.kind === "node" ? "node" : "operator"]: { token: env.resolve(step.storedToken), scopes: step.scopes ?? [] } } : undefined,
      scopes: step.scopes,
      ...(step.commands !== undefined ? { commands: step.commands } : {}),
      oneShot: step.oneShot,
      ...(step.kind === "tui" && step.clientId === undefined ? releaseTuiIdentity(env.profile) : {}),
      ...(step.clientId !== undefined ? { clientId: step.clientId as never } : {}),
      ...(step.displayName !== undefined ? { displayName: step.displayName } : {}),
      ...(step.origin !== undefined ? { origin: step.origin } : {}),
      ...(step.allowInsecurePrivateWs !== undefined ? { allowInsecurePrivateWs: step.allowInsecurePrivateWs } : {}),
    },
    ...(step.reconnect !== undefined ? { reconnect: step.reconnect } : {}),
  });
}
