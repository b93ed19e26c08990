// machineFile: a file of the machine operator's OpenClaw home changes under it. `device-auth` is
// ~/.openclaw/identity/device-auth.json, where the machine's `openclaw …` commands keep their device token: deleted
// (a reinstall, a wiped home), the next command has no device token to send.
// `{ machineFile: { machine: gw, file: device-auth, action: delete } }`
import { defineStepKind } from "../step-kind.ts";

export const machineFileKind = defineStepKind({
  kind: "machineFile",
  schema: {
    type: "object",
    required: ["machine", "file", "action"],
    properties: { machine: { type: "string" }, file: { enum: ["device-auth"] }, action: { enum: ["delete"] } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.machineFile.machine)) model.problem(`${at}/machine`, `no machine named '${step.machineFile.machine}' was added before`);
  },
  run(step, env) {
    env.world.deleteOperatorDeviceAuth(step.machineFile.machine);
  },
  print: (step) => `${step.machineFile.machine}: the operator's ${step.machineFile.file} file ${step.machineFile.action}d`,
});
