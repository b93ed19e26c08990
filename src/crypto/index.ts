// The crypto public surface: device identities, device ids, signature payloads, signing and verification.
export * from "./ed25519.ts";
export * from "./encoding.ts";
export * from "./identity.ts";
export * from "./payload.ts";
export * from "./pem.ts";
export * from "./signature.ts";
