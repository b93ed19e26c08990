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
// Both the step language and chaos name a "StepKind": the public one is the step language's.
export { stepKinds, type StepKind } from "./scenario/index.ts";
