// Invariants: observers over the trace, one module per property family.
export type { Invariant, InvariantFinding } from "./invariant.ts";
