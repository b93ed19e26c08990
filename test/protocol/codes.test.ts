import { describe, expect, it } from "vitest";
import {
  authDetailCode,
  ConnectErrorDetailCodes,
  DEVICE_AUTH_REASONS,
  deviceAuthDetailCode,
  deviceAuthMessage,
  ErrorCodes,
  pairingCloseReasonLate,
  pairingErrorMessageLate,
  pairingPlainText,
  pairingRequirement,
  PAIRING_REASONS,
} from "../../src/protocol/index.ts";

describe("code tables are verbatim", () => {
  it("every detail code's value is its own name", () => {
    for (const [key, value] of Object.entries(ConnectErrorDetailCodes)) expect(value).toBe(key);
    for (const [key, value] of Object.entries(ErrorCodes)) expect(value).toBe(key);
  });

  it("has the late and mid scope-mismatch codes and the protocol mismatch code", () => {
    expect(ConnectErrorDetailCodes.AUTH_SCOPE_MISMATCH).toBe("AUTH_SCOPE_MISMATCH");
    expect(ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH).toBe("AUTH_DEVICE_TOKEN_SCOPE_MISMATCH");
    expect(ConnectErrorDetailCodes.PROTOCOL_MISMATCH).toBe("PROTOCOL_MISMATCH");
    expect(Object.keys(ConnectErrorDetailCodes)).toHaveLength(29);
  });
});

describe("authDetailCode (§5.1)", () => {
  it.each([
    ["token_missing", "AUTH_TOKEN_MISSING"],
    ["token_mismatch", "AUTH_TOKEN_MISMATCH"],
    ["token_missing_config", "AUTH_TOKEN_NOT_CONFIGURED"],
    ["password_missing", "AUTH_PASSWORD_MISSING"],
    ["password_mismatch", "AUTH_PASSWORD_MISMATCH"],
    ["password_missing_config", "AUTH_PASSWORD_NOT_CONFIGURED"],
    ["bootstrap_token_invalid", "AUTH_BOOTSTRAP_TOKEN_INVALID"],
    ["device_token_mismatch", "AUTH_DEVICE_TOKEN_MISMATCH"],
    ["device_token_scope_mismatch", "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH"],
    ["scope_mismatch", "AUTH_SCOPE_MISMATCH"],
    ["rate_limited", "AUTH_RATE_LIMITED"],
    ["tailscale_user_missing", "AUTH_TAILSCALE_IDENTITY_MISSING"],
    ["tailscale_proxy_missing", "AUTH_TAILSCALE_PROXY_MISSING"],
    ["tailscale_whois_failed", "AUTH_TAILSCALE_WHOIS_FAILED"],
    ["tailscale_user_mismatch", "AUTH_TAILSCALE_IDENTITY_MISMATCH"],
    ["unauthorized", "AUTH_UNAUTHORIZED"],
    ["trusted_proxy_untrusted_source", "AUTH_UNAUTHORIZED"],
    ["trusted_proxy_missing_header_x-forwarded-proto", "AUTH_UNAUTHORIZED"],
    ["something_new", "AUTH_UNAUTHORIZED"],
  ])("%s → %s", (reason, code) => {
    expect(authDetailCode(reason)).toBe(code);
  });

  it("no reason at all → AUTH_REQUIRED", () => {
    expect(authDetailCode(undefined)).toBe("AUTH_REQUIRED");
  });

  it("scope_mismatch follows the chosen mapping (§11 #5)", () => {
    expect(authDetailCode("scope_mismatch", { scopeMismatchCode: "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH" })).toBe(
      "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH",
    );
    expect(authDetailCode("scope_mismatch", { scopeMismatchCode: "AUTH_UNAUTHORIZED" })).toBe("AUTH_UNAUTHORIZED");
    expect(authDetailCode("token_mismatch", { scopeMismatchCode: "AUTH_UNAUTHORIZED" })).toBe("AUTH_TOKEN_MISMATCH");
  });
});

describe("device proof reasons (§4.2 step 10)", () => {
  it.each([
    ["device-id-mismatch", "device identity mismatch", "DEVICE_AUTH_DEVICE_ID_MISMATCH"],
    ["device-signature-stale", "device signature expired", "DEVICE_AUTH_SIGNATURE_EXPIRED"],
    ["device-nonce-missing", "device nonce required", "DEVICE_AUTH_NONCE_REQUIRED"],
    ["device-nonce-mismatch", "device nonce mismatch", "DEVICE_AUTH_NONCE_MISMATCH"],
    ["device-signature", "device signature invalid", "DEVICE_AUTH_SIGNATURE_INVALID"],
    ["device-public-key", "device public key invalid", "DEVICE_AUTH_PUBLIC_KEY_INVALID"],
  ] as const)("%s → %s / %s", (reason, message, code) => {
    expect(deviceAuthMessage(reason)).toBe(message);
    expect(deviceAuthDetailCode(reason)).toBe(code);
  });

  it("covers every reason and maps unknown reasons to DEVICE_AUTH_INVALID", () => {
    expect(DEVICE_AUTH_REASONS).toHaveLength(6);
    expect(deviceAuthDetailCode("device-weird")).toBe("DEVICE_AUTH_INVALID");
    expect(deviceAuthDetailCode(undefined)).toBe("DEVICE_AUTH_INVALID");
  });
});

describe("pairing texts", () => {
  it("each reason has its requirement, plain text and late message", () => {
    expect(PAIRING_REASONS.map(pairingPlainText)).toEqual([
      "device pairing required",
      "role upgrade pending approval",
      "scope upgrade pending approval",
      "device metadata change pending approval",
    ]);
    expect(pairingErrorMessageLate("scope-upgrade")).toBe(
      `pairing required: ${pairingRequirement("scope-upgrade")}`,
    );
    expect(pairingErrorMessageLate(undefined)).toBe("pairing required");
  });

  it("the late close reason carries only a well-formed requestId", () => {
    expect(pairingCloseReasonLate("not-paired", "req-1")).toBe(
      "pairing required: device is not approved yet (requestId: req-1)",
    );
    expect(pairingCloseReasonLate("not-paired", "bad id")).toBe("pairing required: device is not approved yet");
  });
});
