// Scenarios: the builder types, the runner and the run result, the step language, the gate.
export * from "./scenario.ts";
export * from "./runner.ts";
export * from "./result.ts";
export { clawsimVersion } from "./version.ts";
export * from "./case-file.ts";
export * from "./lang/index.ts";
export * from "./gate.ts";
