// snapshot: remembers a machine's config file as it is now under a name (doctor's view at its start, for a
// later `openclaw doctor` step's doctorSnapshot). `{ snapshot: { machine: gw, as: before-rotation } }`
import { defineStepKind } from "../step-kind.ts";

export const snapshotKind = defineStepKind({
  kind: "snapshot",
  schema: { type: "object", required: ["machine", "as"], properties: { machine: { type: "string" }, as: { type: "string" } }, additionalProperties: false },
  check(step, model, at) {
    if (!model.machines.has(step.snapshot.machine)) model.problem(`${at}/machine`, `no machine named '${step.snapshot.machine}'`);
  },
  run(step, env) {
    env.snapshots.set(step.snapshot.as, env.world.machine(step.snapshot.machine).machine.config);
  },
  print: (step) => `snapshot ${step.snapshot.machine}'s config as ${step.snapshot.as}`,
});
