// Chaos: generated worlds and operator/host/network/adversary timelines with swarm weights, the heal phase,
// shrinking to a minimal replay path, single-switch mutants and the kill-rate gate.
export * from "./preset.ts";
export * from "./steps.ts";
export * from "./swarm.ts";
export * from "./plan.ts";
export * from "./draws.ts";
export * from "./plan-arbitrary.ts";
export * from "./chaos-world.ts";
export * from "./adversary.ts";
export * from "./adversary-refused.ts";
export * from "./timeline.ts";
export * from "./heal.ts";
export * from "./scenario.ts";
export * from "./shrink.ts";
export * from "./mutants.ts";
export * from "./coverage.ts";
export * from "./sweep.ts";
export * from "./to-lang.ts";
export * from "./client-world-steps.ts";
export * from "./worlds-client.ts";
export * from "./worlds-gateway.ts";
