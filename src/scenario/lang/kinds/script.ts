// script: the named escape hatch — a TypeScript function registered under a name runs against the world with
// the run's bindings. For what the data steps cannot say yet; a file naming an unregistered script is an input
// error. `{ script: { name: signature-skew/window, args: {…} } }`
import { defineStepKind, type StepEnv } from "../step-kind.ts";

export type ScriptFn = (env: StepEnv, args: Readonly<Record<string, unknown>>) => void | Promise<void>;

const scripts = new Map<string, ScriptFn>();

/** Registers a script (the scenario library registers its own when it loads). */
export function registerScript(name: string, fn: ScriptFn): void {
  scripts.set(name, fn);
}

export function scriptNames(): string[] {
  return [...scripts.keys()];
}

export const scriptKind = defineStepKind({
  kind: "script",
  schema: {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string" }, args: { type: "object" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!scripts.has(step.script.name)) model.problem(`${at}/name`, `no script named '${step.script.name}' is registered (${scriptNames().join(", ") || "none"})`);
  },
  run(step, env) {
    return scripts.get(step.script.name)!(env, step.script.args ?? {});
  },
  print: (step) => `script ${step.script.name}`,
});
