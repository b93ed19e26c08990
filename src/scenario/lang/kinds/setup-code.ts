// setupCode: the operator runs `openclaw qr --setup-code-only` on the gateway's machine and hands the code to a
// device. Releases from 2026.3.12 write a 10-minute bootstrap token into the host's bootstrap file (roles node +
// operator, the release's hand-off scopes); older ones embed the gateway's own token or password. The code is
// kept under `name` for a client's `setupCode` and for {{bootstrapToken:NAME}} / {{setupCode:NAME}}.
// `{ setupCode: { name: phone } }` (machine defaults to the standard world's gateway-host)
import { op } from "../../../host/index.ts";
import { gatewayMachineName } from "../standard-world.ts";
import { defineStepKind } from "../step-kind.ts";

export interface SetupCodeStep {
  /** How later steps refer to this code. */
  name: string;
  /** The machine running the gateway (default: the standard world's gateway-host). */
  machine?: string;
  /** Expect the command to refuse (e.g. a loopback-only gateway), with this text in its message. */
  refusedWith?: string;
}

export const setupCodeKind = defineStepKind({
  kind: "setupCode",
  schema: {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" },
      machine: { type: "string" },
      refusedWith: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.setupCode;
    const machine = s.machine ?? gatewayMachineName;
    if (!model.machines.has(machine)) model.problem(`${at}/machine`, `no machine named '${machine}'`);
    if (model.setupCodes.has(s.name)) model.problem(`${at}/name`, `a setup code named '${s.name}' was already made`);
    if (s.refusedWith === undefined) model.setupCodes.add(s.name);
  },
  run(step, env) {
    const s = step.setupCode;
    const run = env.world.operator(s.machine ?? gatewayMachineName, op.qr());
    const refusal = run.outcome.kind === "config-error" ? run.outcome.message : undefined;
    if (s.refusedWith !== undefined) {
      const why = refusal === undefined ? "it printed a setup code" : `it said ${JSON.stringify(refusal)}`;
      env.ctx.check(refusal?.includes(s.refusedWith) === true, "setup-code", `${run.line} was expected to refuse with ${JSON.stringify(s.refusedWith)}; ${why}`);
      return;
    }
    if (!env.ctx.check(run.setupCode !== undefined, "setup-code", `${run.line} refused: ${refusal ?? run.outcome.kind}`)) return;
    env.setupCodes.set(s.name, run.setupCode!);
  },
  print: (step) => `on ${step.setupCode.machine ?? gatewayMachineName}: openclaw qr --setup-code-only (setup code ${step.setupCode.name})`,
});
