// The neutral connect-attempt format lives in src/world/attempt (the model executes it too); the oracle
// driver re-exports it so both sides share one definition.
export * from "../../src/world/attempt/attempt.ts";
