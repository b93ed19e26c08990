// machineClient: a client process started on a machine — it resolves its URL and credentials there (flags,
// env, config; a Control UI reads its browser profile's storage) like the real one. A TUI without a clientId
// connects with its release's identity. A Control UI with `pageOrigin` is a page served from that origin. `env`
// is the process's own environment (a service unit or container); `relaunch: true` stops the running process of
// that name first (the user relaunches it, and it reads its machine afresh).
// `{ machineClient: { machine: gw, name: tui, kind: tui, identity: tui-device } }`
import { identityFromSeed } from "../../../crypto/index.ts";
import type { MachineClientSpec } from "../../../world/index.ts";
import type { MachineClientStep } from "../spec.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import { clientKinds } from "./client.ts";
import { releaseTuiIdentity } from "./tui-identity.ts";

const connection = { type: "object", properties: { url: { type: "string" }, token: { type: "string" }, password: { type: "string" } }, additionalProperties: false };

export const machineClientKind = defineStepKind({
  kind: "machineClient",
  schema: {
    type: "object",
    required: ["machine", "name", "kind"],
    properties: {
      machine: { type: "string" },
      name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
      user: { type: "string" },
      kind: { enum: clientKinds },
      identity: { type: ["string", "null"] },
      clientId: { type: "string" },
      displayName: { type: "string" },
      scopes: { type: "array", items: { type: "string" } },
      flags: connection,
      call: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: { type: "object" } }, additionalProperties: false },
      browser: { type: "string" },
      tabId: { type: "string" },
      pageOrigin: { type: "string" },
      env: { type: "object", additionalProperties: { type: "string" } },
      relaunch: { type: "boolean" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const c = step.machineClient;
    if (!model.machines.has(c.machine)) model.problem(`${at}/machine`, `no machine named '${c.machine}'`);
    if (c.relaunch === true && !model.clients.has(c.name)) model.problem(`${at}/relaunch`, `no client named '${c.name}' was started before`);
    if (c.relaunch !== true && model.clients.has(c.name)) model.problem(`${at}/name`, `a client named '${c.name}' was already started (relaunch: true starts a new process under the name)`);
    model.clients.add(c.name);
    if (typeof c.identity === "string" && !model.identities.has(c.identity)) model.problem(`${at}/identity`, `unknown identity '${c.identity}'`);
    if (c.kind === "cli" && c.call === undefined) model.problem(`${at}/call`, "a CLI process makes one call");
    if (c.kind === "control-ui" && c.browser === undefined) model.problem(`${at}/browser`, "a Control UI runs in a browser profile");
    if (c.env !== undefined && (c.kind === "control-ui" || c.kind === "cli")) model.problem(`${at}/env`, "env belongs to a tui, backend or node process");
    if (c.kind !== "control-ui" && (c.browser !== undefined || c.tabId !== undefined || c.pageOrigin !== undefined)) {
      model.problem(at, "browser, tabId and pageOrigin belong to a control-ui client");
    }
  },
  run(step, env) {
    if (step.machineClient.relaunch === true) env.world.client(step.machineClient.name).stop();
    startMachineClient(step.machineClient, env);
  },
  print: (step) => `${step.machineClient.relaunch === true ? "relaunch" : "start"} ${step.machineClient.kind} ${step.machineClient.name} on machine ${step.machineClient.machine}`,
});

function specOf(c: MachineClientStep, env: StepEnv): MachineClientSpec {
  const seed = typeof c.identity === "string" ? env.seeds[c.identity] : undefined;
  const identity = seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null;
  const common = {
    identity,
    ...(c.kind === "tui" && c.clientId === undefined ? releaseTuiIdentity(env.profile) : {}),
    ...(c.clientId !== undefined ? { clientId: c.clientId as never } : {}),
    ...(c.displayName !== undefined ? { displayName: c.displayName } : {}),
    ...(c.scopes !== undefined ? { scopes: c.scopes } : {}),
  };
  const flags = c.flags ? { flags: Object.fromEntries(Object.entries(c.flags).map(([k, v]) => [k, env.resolve(v)])) } : {};
  const ownEnv = c.env ? { env: { from: "env" as const, env: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, env.resolve(v)])) } } : {};
  switch (c.kind) {
    case "cli":
      return { kind: "cli", ...common, ...flags, call: c.call! };
    case "control-ui":
      return { kind: "control-ui", ...common, browser: c.browser!, ...(c.tabId !== undefined ? { tabId: c.tabId } : {}) };
    default:
      return { kind: c.kind, ...common, ...flags, ...ownEnv };
  }
}

function startMachineClient(c: MachineClientStep, env: StepEnv): void {
  const { world } = env;
  const spec = specOf(c, env);
  if (spec.kind === "control-ui" && c.pageOrigin !== undefined) {
    const node = world.machine(c.machine);
    const plan = world.planMachineClient(c.machine, spec);
    node.clients.set(c.name, spec);
    world.addClient({ name: c.name, host: node.host, user: c.user ?? `browser:${spec.browser}`, client: { ...plan.options, origin: c.pageOrigin } });
    return;
  }
  world.addMachineClient(c.machine, { name: c.name, ...(c.user !== undefined ? { user: c.user } : {}), spec });
}
