// The kernel's public surface: time, order, randomness, ids, limits, assertions, the trace.
export * from "./assert.ts";
export * from "./clock.ts";
export * from "./dict.ts";
export * from "./fake-timers.ts";
export * from "./id-table.ts";
export * from "./ids.ts";
export * from "./json.ts";
export * from "./limits.ts";
export * from "./prng.ts";
export * from "./queue.ts";
export * from "./ratio.ts";
export * from "./scheduler.ts";
export * from "./trace.ts";
