// The protocol's public surface: frames and their validation, codes, messages, hints, close reasons, scopes.
export * from "./auth-messages.ts";
export * from "./close.ts";
export * from "./codes.ts";
export * from "./frames.ts";
export * from "./hints.ts";
export * from "./limits.ts";
export * from "./pairing-messages.ts";
export * from "./schemas.ts";
export * from "./scopes.ts";
export * from "./validate.ts";
export * from "./method-params.ts";
