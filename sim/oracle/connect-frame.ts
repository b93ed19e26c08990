// Frame building for attempts is shared with the model: see src/world/attempt/connect-frame.ts.
export * from "../../src/world/attempt/connect-frame.ts";
