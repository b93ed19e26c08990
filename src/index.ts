// clawsim's public surface, used by sim/ (the CLI), scenarios/ and tests.
export * from "./kernel/index.ts";
export * from "./profiles/index.ts";
export * as host from "./host/index.ts";
export * as crypto from "./crypto/index.ts";
export * from "./world/index.ts";
export * from "./scenario/index.ts";
export * from "./invariants/index.ts";
export * from "./report/index.ts";
export type { GateRow } from "./scenario/gate.ts";
export * from "./chaos/index.ts";
// The step language and chaos both name a `StepKind` and `stepKinds`: the top level keeps chaos's (on main
// first); the step language's are exported by src/scenario/lang.
export { type StepKind, stepKinds } from "./chaos/index.ts";
