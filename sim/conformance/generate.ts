// The attempt generator lives in src/world/attempt/generate.ts (chaos draws probes from it too).
export * from "../../src/world/attempt/generate.ts";
