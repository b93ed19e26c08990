// Ready-made fault rules, one fault model per module.
export * from "./drop.ts";
export * from "./duplicate.ts";
export * from "./hold.ts";
export * from "./latency.ts";
export * from "./partition.ts";
export * from "./reorder.ts";
export * from "./reset.ts";
export * from "./slow-close.ts";
