// publishPort: Docker's `-p <port>:<containerPort>` — a TCP port forward on a host into a container machine's host.
// The gateway sees the forward's address as its peer (never loopback) and the client's Host header as sent.
// `{ publishPort: { machine: box, on: laptop, port: 18789 } }`
import { defineStepKind } from "../step-kind.ts";

const port = { type: "integer", minimum: 1, maximum: 65535 } as const;

export const publishPortKind = defineStepKind({
  kind: "publishPort",
  schema: {
    type: "object",
    required: ["machine", "on", "port"],
    properties: { machine: { type: "string" }, on: { type: "string" }, port, containerPort: port, bind: { enum: ["all", "loopback"] } },
    additionalProperties: false,
  },
  check(step, model, at) {
    const p = step.publishPort;
    if (!model.machines.has(p.machine)) model.problem(`${at}/machine`, `no machine named '${p.machine}' was added before`);
    if (!model.hosts.has(p.on)) model.problem(`${at}/on`, `no host named '${p.on}' was added before`);
  },
  run(step, env) {
    const p = step.publishPort;
    env.world.publishPort({ machine: p.machine, on: p.on, port: p.port, ...(p.containerPort !== undefined ? { containerPort: p.containerPort } : {}), ...(p.bind ? { bind: p.bind } : {}) });
  },
  print: (step) => {
    const p = step.publishPort;
    return `port ${p.bind === "loopback" ? "127.0.0.1:" : ""}${p.port} on ${p.on} published to ${p.machine}:${p.containerPort ?? p.port}`;
  },
});
