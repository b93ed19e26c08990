// expectGateway: the gateway's state now — live sessions per device, pending requests, paired records with
// their roles, scopes, pinned platform and live token roles. Identity names stand for their device ids;
// "device-less" counts sessions without a device.
// Node pairing: `nodePendingCount` and `nodes` (per node host identity: node-paired, a request pending, the approved
// commands, the commands its live session may offer).
// `{ expectGateway: { sessions: { laptop: 1 }, paired: [{ identity: laptop, roles: [operator], scopesInclude: [operator.read] }] } }`
import { nodePairingView, openSessionsByDevice, pairingView } from "../../../world/index.ts";
import { defineStepKind } from "../step-kind.ts";
import { checkGatewayName, standardGatewayName } from "../standard-world.ts";

export interface ExpectGatewayStep {
  gateway?: string;
  sessions?: Record<string, number>;
  pendingCount?: number;
  paired?: { identity: string; present?: boolean; roles?: string[]; scopesInclude?: string[]; scopesExclude?: string[]; platform?: string; tokenRoles?: string[] }[];
  nodePendingCount?: number;
  nodes?: { identity: string; paired?: boolean; pending?: boolean; approvedCommands?: string[]; sessionCommands?: string[] }[];
}

const strings = { type: "array", items: { type: "string" } };

/** A list of expectations, each about one named identity. */
function perIdentity(properties: Record<string, object>) {
  return { type: "array", items: { type: "object", required: ["identity"], properties: { identity: { type: "string" }, ...properties }, additionalProperties: false } };
}

export const expectGatewayKind = defineStepKind({
  kind: "expectGateway",
  schema: {
    type: "object",
    properties: {
      gateway: { type: "string" },
      sessions: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
      pendingCount: { type: "integer", minimum: 0 },
      paired: perIdentity({ present: { type: "boolean" }, roles: strings, scopesInclude: strings, scopesExclude: strings, platform: { type: "string" }, tokenRoles: strings }),
      nodePendingCount: { type: "integer", minimum: 0 },
      nodes: perIdentity({ paired: { type: "boolean" }, pending: { type: "boolean" }, approvedCommands: strings, sessionCommands: strings }),
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    checkGatewayName(step.expectGateway.gateway, model, at);
    for (const name of Object.keys(step.expectGateway.sessions ?? {})) {
      if (name !== "device-less" && !model.identities.has(name)) model.problem(`${at}/sessions/${name}`, `unknown identity '${name}'`);
    }
    (step.expectGateway.paired ?? []).forEach((p, i) => {
      if (!model.identities.has(p.identity)) model.problem(`${at}/paired/${i}/identity`, `unknown identity '${p.identity}'`);
    });
    (step.expectGateway.nodes ?? []).forEach((n, i) => {
      if (!model.identities.has(n.identity)) model.problem(`${at}/nodes/${i}/identity`, `unknown identity '${n.identity}'`);
    });
  },
  run(step, env) {
    const e = step.expectGateway;
    const gateway = env.world.gateway(e.gateway ?? standardGatewayName);
    const at = `step ${env.stepIndex} (gateway)`;
    const check = (ok: boolean, message: string) => env.ctx.check(ok, "case-expect", `${at}: ${message}`);
    const open = openSessionsByDevice(gateway);
    for (const [name, n] of Object.entries(e.sessions ?? {})) {
      const got = open.get(name === "device-less" ? "" : env.deviceIdOf(name)) ?? 0;
      check(got === n, `${name} has ${got} open session(s), expected ${n}`);
    }
    const view = pairingView(gateway);
    if (e.pendingCount !== undefined) check(view.pending.length === e.pendingCount, `${view.pending.length} pending request(s), expected ${e.pendingCount}`);
    for (const p of e.paired ?? []) {
      const record = view.paired.find((d) => d.deviceId === env.deviceIdOf(p.identity));
      check(!!record === (p.present ?? true), `${p.identity} is ${record ? "" : "not "}paired`);
      if (!record) continue;
      const list = (xs: readonly string[]) => JSON.stringify([...xs].sort());
      if (p.roles) check(list(record.roles) === list(p.roles), `${p.identity} roles ${list(record.roles)}, expected ${list(p.roles)}`);
      for (const s of p.scopesInclude ?? []) check(record.scopes.includes(s), `${p.identity} scopes ${list(record.scopes)} lack ${s}`);
      for (const s of p.scopesExclude ?? []) check(!record.scopes.includes(s), `${p.identity} scopes ${list(record.scopes)} include ${s}`);
      if (p.platform !== undefined) check(record.platform === p.platform, `${p.identity} platform ${record.platform ?? "(none)"}, expected ${p.platform}`);
      if (p.tokenRoles) check(list(record.tokenRoles) === list(p.tokenRoles), `${p.identity} live token roles ${list(record.tokenRoles)}, expected ${list(p.tokenRoles)}`);
    }
    const nodes = nodePairingView(gateway);
    if (e.nodePendingCount !== undefined) check(nodes.pending.length === e.nodePendingCount, `${nodes.pending.length} pending node request(s), expected ${e.nodePendingCount}`);
    for (const n of e.nodes ?? []) {
      const nodeId = env.deviceIdOf(n.identity);
      const paired = nodes.paired.find((p) => p.nodeId === nodeId);
      const pending = nodes.pending.find((p) => p.nodeId === nodeId);
      const words = (xs: readonly string[]) => `[${xs.join(", ")}]`;
      if (n.paired !== undefined) check(!!paired === n.paired, `${n.identity} is ${paired ? "" : "not "}node-paired`);
      if (n.pending !== undefined) check(!!pending === n.pending, `${n.identity} has ${pending ? "a" : "no"} pending node request`);
      if (n.approvedCommands) check(words(paired?.commands ?? []) === words(n.approvedCommands), `${n.identity} approved commands ${words(paired?.commands ?? [])}, expected ${words(n.approvedCommands)}`);
      if (n.sessionCommands) {
        const live = nodes.sessions.filter((s) => s.nodeId === nodeId).at(-1);
        if (!live) check(false, `${n.identity} has no live node session`);
        else check(words(live.commands) === words(n.sessionCommands), `${n.identity}'s node session offers ${words(live.commands)}, expected ${words(n.sessionCommands)}`);
      }
    }
  },
  print: (step) => `expect gateway ${JSON.stringify(step.expectGateway)}`,
});
