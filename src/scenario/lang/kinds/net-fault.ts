// netFault: a fault episode on a world of named hosts (a bare world) that ends by itself after `forMs` — frame
// loss or duplication on every link (an integer ratio), a partition between two hosts, every connection reset,
// the gateway process restarted in place or crashed (back after `downMs`), a host's clock jumping. Loss,
// duplication and partitions are rules removed at the end (or by `{ fault: { heal: true } }`); a reset, a
// restart and a clock jump happen at once (a clock jump is undone by a later `clock` step, not by the end).
// `delay` holds every frame the gateway sends (messages, not the upgrade answer) `ms` longer, so a challenge
// arrives late. `{ netFault: { partition: [gw, laptop-host], forMs: 20000 } }`, `{ netFault: { drop: "1/20", forMs: 5000 } }`,
// `{ netFault: { delay: { ms: 4000 }, forMs: 20000 } }`
import { parseRatio } from "../../../kernel/index.ts";
import { drop, duplicate, gatewayFramesLate, type RuleHandle } from "../../../net/index.ts";
import type { StepEnv } from "../step-kind.ts";
import { defineStepKind } from "../step-kind.ts";
import { checkGatewayName } from "../standard-world.ts";

export interface NetFaultStep {
  drop?: string;
  duplicate?: string;
  partition?: [string, string];
  resetAll?: true;
  processRestart?: { downMs: number };
  gatewayCrash?: { downMs: number };
  clockJump?: { host: string; deltaMs: number };
  /** Every frame from the gateway (server to client) is delivered `ms` later. */
  delay?: { ms: number };
  /** How long the episode lasts. */
  forMs: number;
  /** The world's gateway node the process faults act on (default "gateway"). */
  gateway?: string;
}

export const netFaultNames = ["drop", "duplicate", "partition", "resetAll", "processRestart", "gatewayCrash", "clockJump", "delay"] as const;
type NetFaultName = (typeof netFaultNames)[number];

const downMs = { type: "object", required: ["downMs"], properties: { downMs: { type: "integer", minimum: 0 } }, additionalProperties: false };

export const netFaultKind = defineStepKind({
  kind: "netFault",
  schema: {
    type: "object",
    required: ["forMs"],
    properties: {
      drop: { type: "string", pattern: "^\\d+/\\d+$" },
      duplicate: { type: "string", pattern: "^\\d+/\\d+$" },
      partition: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
      resetAll: { const: true },
      processRestart: downMs,
      gatewayCrash: downMs,
      clockJump: { type: "object", required: ["host", "deltaMs"], properties: { host: { type: "string" }, deltaMs: { type: "integer" } }, additionalProperties: false },
      delay: { type: "object", required: ["ms"], properties: { ms: { type: "integer", minimum: 0 } }, additionalProperties: false },
      forMs: { type: "integer", minimum: 0 },
      gateway: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const f = step.netFault;
    const names = netFaultNames.filter((k) => k in f);
    checkGatewayName(f.gateway, model, at);
    if (names.length !== 1) model.problem(at, `a netFault has exactly one of ${netFaultNames.join(", ")}`);
    for (const key of ["drop", "duplicate"] as const) {
      const text = f[key];
      if (text !== undefined && parseRatio(text) === undefined) model.problem(`${at}/${key}`, `'${text}' is not a ratio like 1/20`);
    }
    for (const [i, host] of (f.partition ?? []).entries()) if (!model.hosts.has(host)) model.problem(`${at}/partition/${i}`, `no host named '${host}'`);
    if (f.clockJump && !model.hosts.has(f.clockJump.host)) model.problem(`${at}/clockJump/host`, `no host named '${f.clockJump.host}'`);
  },
  run(step, env) {
    const f = step.netFault;
    const name = netFaultNames.find((k) => k in f)!;
    const end = startFault(f, name, env);
    env.world.scheduler.schedule(f.forMs, { actor: "fault", label: `end ${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, traced: true }, end);
  },
  print: (step) => `${describeNetFault(step.netFault)} for ${step.netFault.forMs} ms`,
});

function startFault(f: NetFaultStep, name: NetFaultName, env: StepEnv): () => void {
  const { world } = env;
  const ruled = (rule: RuleHandle) => {
    env.rules.push(rule);
    return () => {
      const i = env.rules.indexOf(rule);
      if (i < 0) return;
      env.rules.splice(i, 1);
      rule.remove();
    };
  };
  const gateway = () => world.gateway(f.gateway ?? "gateway");
  switch (name) {
    case "drop":
      return ruled(world.network.addRule(drop({ ratio: parseRatio(f.drop!)! })));
    case "duplicate":
      return ruled(world.network.addRule(duplicate({ ratio: parseRatio(f.duplicate!)! })));
    case "partition":
      return ruled(world.partition(f.partition![0], f.partition![1]));
    case "resetAll":
      for (const id of world.network.connectionIds()) world.network.reset(id);
      return () => {};
    case "processRestart":
      gateway().restart(undefined, f.processRestart!.downMs);
      return () => {};
    case "gatewayCrash": {
      const node = gateway();
      node.crash();
      world.scheduler.schedule(f.gatewayCrash!.downMs, { actor: "fault", label: "gateway back", traced: true }, () => node.start());
      return () => {};
    }
    case "clockJump":
      world.skewClock(f.clockJump!.host, f.clockJump!.deltaMs);
      return () => {};
    case "delay":
      return ruled(world.network.addRule(gatewayFramesLate(f.delay!.ms)));
  }
}

export function describeNetFault(f: NetFaultStep): string {
  if (f.drop !== undefined) return `drop ${f.drop} of packets`;
  if (f.duplicate !== undefined) return `duplicate ${f.duplicate} of packets`;
  if (f.partition) return `partition ${f.partition[0]} | ${f.partition[1]}`;
  if (f.resetAll) return "reset every connection";
  if (f.processRestart) return `gateway process restart in place (down ${f.processRestart.downMs} ms)`;
  if (f.gatewayCrash) return `gateway crash (down ${f.gatewayCrash.downMs} ms)`;
  if (f.delay) return `every gateway frame ${f.delay.ms} ms late`;
  if (f.clockJump) return `clock of ${f.clockJump.host} jumps ${f.clockJump.deltaMs} ms`;
  return "no fault";
}
