import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RECOMMENDED_NEXT_STEPS,
  recoveryHints,
  resolveAuthProvided,
  type AuthProvidedKind,
} from "../../src/protocol/index.ts";

const base = { devicePresented: false, authProvided: "token" as AuthProvidedKind, explicitDeviceToken: false };

describe("recoveryHints (§5.2)", () => {
  it("a shared token mismatch with a device identity may retry once with the device token", () => {
    expect(recoveryHints({ ...base, reason: "token_mismatch", devicePresented: true })).toEqual({
      canRetryWithDeviceToken: true,
      recommendedNextStep: "retry_with_device_token",
    });
  });

  it("without a device, or with an explicit device token, the mismatch asks for new credentials", () => {
    expect(recoveryHints({ ...base, reason: "token_mismatch" })).toEqual({
      canRetryWithDeviceToken: false,
      recommendedNextStep: "update_auth_credentials",
    });
    expect(
      recoveryHints({ ...base, reason: "token_mismatch", devicePresented: true, explicitDeviceToken: true }),
    ).toEqual({ canRetryWithDeviceToken: false, recommendedNextStep: "update_auth_credentials" });
    expect(
      recoveryHints({ ...base, reason: "token_mismatch", devicePresented: true, authProvided: "password" }),
    ).toEqual({ canRetryWithDeviceToken: false, recommendedNextStep: "update_auth_credentials" });
  });

  it.each([
    ["token_missing", "update_auth_configuration"],
    ["token_missing_config", "update_auth_configuration"],
    ["password_missing", "update_auth_configuration"],
    ["password_missing_config", "update_auth_configuration"],
    ["password_mismatch", "update_auth_credentials"],
    ["device_token_mismatch", "update_auth_credentials"],
    ["scope_mismatch", "review_auth_configuration"],
    ["rate_limited", "wait_then_retry"],
    ["tailscale_user_mismatch", "review_auth_configuration"],
    ["trusted_proxy_user_missing", "review_auth_configuration"],
    ["bootstrap_token_invalid", "review_auth_configuration"],
    ["unauthorized", "review_auth_configuration"],
    [undefined, "review_auth_configuration"],
  ])("%s → %s", (reason, step) => {
    expect(recoveryHints({ ...base, reason, devicePresented: true }).recommendedNextStep).toBe(step);
  });

  it("every next-step value is reachable", () => {
    const seen = new Set<string>();
    for (const reason of ["token_mismatch", "token_missing", "password_mismatch", "rate_limited", "unauthorized"]) {
      for (const devicePresented of [true, false]) {
        seen.add(recoveryHints({ ...base, reason, devicePresented }).recommendedNextStep);
      }
    }
    expect([...seen].sort()).toEqual([...RECOMMENDED_NEXT_STEPS].sort());
  });

  it("canRetryWithDeviceToken holds exactly for token_mismatch + device + token + no explicit device token", () => {
    const kinds: AuthProvidedKind[] = ["password", "token", "bootstrap-token", "device-token", "none"];
    fc.assert(
      fc.property(
        fc.constantFrom("token_mismatch", "token_missing", "device_token_mismatch", "rate_limited", undefined),
        fc.boolean(),
        fc.constantFrom(...kinds),
        fc.boolean(),
        (reason, devicePresented, authProvided, explicitDeviceToken) => {
          const hints = recoveryHints({ reason, devicePresented, authProvided, explicitDeviceToken });
          const expected = reason === "token_mismatch" && devicePresented && authProvided === "token" && !explicitDeviceToken;
          expect(hints.canRetryWithDeviceToken).toBe(expected);
          expect(hints.recommendedNextStep === "retry_with_device_token").toBe(expected);
        },
      ),
    );
  });
});

describe("resolveAuthProvided", () => {
  it("takes the first of password, token, bootstrap token, device token", () => {
    expect(resolveAuthProvided({ token: "t", password: "p", deviceToken: "d" })).toBe("password");
    expect(resolveAuthProvided({ token: "t", deviceToken: "d", bootstrapToken: "b" })).toBe("token");
    expect(resolveAuthProvided({ deviceToken: "d", bootstrapToken: "b" })).toBe("bootstrap-token");
    expect(resolveAuthProvided({ deviceToken: "d", token: "" })).toBe("device-token");
    expect(resolveAuthProvided({})).toBe("none");
    expect(resolveAuthProvided(undefined)).toBe("none");
  });
});
