// Chaos: fault presets, seeded plans, the plan as a scenario, and shrinking to a minimal replay path.
export * from "./preset.ts";
export * from "./plan.ts";
export * from "./scenario.ts";
export * from "./shrink.ts";
