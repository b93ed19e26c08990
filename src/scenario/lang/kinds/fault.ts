// fault: network and process faults in the standard world — a partition between two kinds of peers, a frame
// drop ratio, a gateway restart/crash/start, a clock jump on a kind of host; `heal` removes the rules in force.
// `{ fault: { partition: [local, lan] } }`, `{ fault: { drop: "1/10", from: lan } }`, `{ fault: { heal: true } }`
import { parseRatio } from "../../../kernel/index.ts";
import { drop, dropVerdict, pass, type PacketView } from "../../../net/index.ts";
import type { World } from "../../../world/index.ts";
import type { CaseFrom, FaultStep } from "../spec.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import { gatewayHostName, standardGatewayName } from "../standard-world.ts";

const fromSchema = { enum: ["local", "lan", "tailnet", "remote"] };

export const faultKind = defineStepKind({
  kind: "fault",
  schema: {
    type: "object",
    minProperties: 1,
    maxProperties: 2,
    properties: {
      partition: { type: "array", items: fromSchema, minItems: 2, maxItems: 2 },
      heal: { const: true },
      drop: { type: "string", pattern: "^\\d+/\\d+$" },
      from: fromSchema,
      restartGateway: { type: "object", properties: { downMs: { type: "integer", minimum: 0 } }, additionalProperties: false },
      crashGateway: { const: true },
      startGateway: { const: true },
      skewClock: { type: "object", required: ["host", "deltaMs"], properties: { host: fromSchema, deltaMs: { type: "integer" } }, additionalProperties: false },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const f = step.fault as Record<string, unknown>;
    const names = ["partition", "heal", "drop", "restartGateway", "crashGateway", "startGateway", "skewClock"].filter((k) => k in f);
    if (names.length !== 1) model.problem(at, `a fault has exactly one of partition, heal, drop, restartGateway, crashGateway, startGateway, skewClock`);
    if ("from" in f && !("drop" in f)) model.problem(`${at}/from`, "from belongs to a drop fault");
    if ("drop" in f && parseRatio(String(f["drop"])) === null) model.problem(`${at}/drop`, `'${String(f["drop"])}' is not a ratio like 1/10`);
    if (!model.standard && !("heal" in f)) model.problem(at, "fault steps act on the standard world's peers (use netFault in a bare world)");
  },
  run(step, env) {
    applyFault(step.fault, env);
  },
  print: (step) => `fault ${JSON.stringify(step.fault)}`,
});

function hostsOf(world: World, kind: CaseFrom): string[] {
  if (kind === "local") return [gatewayHostName];
  return world.network.hosts.all().filter((h) => h.name !== gatewayHostName && h.kind === kind).map((h) => h.name);
}

function applyFault(fault: FaultStep, env: StepEnv): void {
  const { world } = env;
  const gateway = world.gateway(standardGatewayName);
  if ("partition" in fault) {
    // Evaluated per packet, so hosts added after the fault (new clients) are cut off too.
    const [a, b] = fault.partition;
    const joins = (packet: PacketView) => {
      const ends = [packet.from, packet.to];
      return ends.some((x) => hostsOf(world, a).includes(x)) && ends.some((y) => hostsOf(world, b).includes(y)) && packet.from !== packet.to;
    };
    env.rules.push(world.network.addRule({ name: `partition ${a}|${b}`, decide: (packet) => (joins(packet) ? dropVerdict : pass) }));
  } else if ("heal" in fault) {
    for (const rule of env.rules.splice(0)) rule.remove();
  } else if ("drop" in fault) {
    const ratio = parseRatio(fault.drop)!;
    const fromHosts = fault.from ? new Set(hostsOf(world, fault.from)) : undefined;
    env.rules.push(world.network.addRule(drop({ ratio, match: { kinds: ["frame"], ...(fromHosts ? { where: (p) => fromHosts.has(p.from) } : {}) } })));
  } else if ("restartGateway" in fault) {
    gateway.restart(undefined, fault.restartGateway.downMs ?? 0);
  } else if ("crashGateway" in fault) {
    gateway.crash();
  } else if ("startGateway" in fault) {
    gateway.start();
  } else {
    for (const host of hostsOf(world, fault.skewClock.host)) world.skewClock(host, fault.skewClock.deltaMs);
  }
  world.scheduler.record("scenario", "fault", { fault: fault as unknown as Record<string, unknown> });
}
