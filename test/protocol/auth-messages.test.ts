import { describe, expect, it } from "vitest";
import { authClientKind, authFailureMessage, type AuthClientKind } from "../../src/protocol/index.ts";

type Provided = { token?: string; password?: string; deviceToken?: string };
const none: Provided = {};

function message(reason: string | undefined, clientKind: AuthClientKind = "other", authMode: "token" | "password" | "none" = "token", provided: Provided = none) {
  return authFailureMessage({ reason, authMode, clientKind, provided });
}

describe("authFailureMessage (§4.4)", () => {
  it("token hints depend on the client kind", () => {
    expect(message("token_mismatch", "cli")).toBe(
      "unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
    );
    expect(message("token_missing", "control-ui")).toBe(
      "unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)",
    );
    expect(message("token_mismatch", "other")).toBe("unauthorized: gateway token mismatch (provide gateway auth token)");
  });

  it("the 2026.9 style carries the recorded hints (test/fixtures/oracle) and changes nothing else", () => {
    const observed = (reason: string, clientKind: "cli" | "control-ui" | "other" = "cli") =>
      authFailureMessage({ reason, authMode: "token", clientKind, provided: none, style: "2026.9" });
    expect(observed("token_mismatch")).toBe("unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)");
    expect(observed("token_missing", "cli")).toBe("unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair the device)");
    expect(observed("token_mismatch", "other")).toBe("unauthorized: gateway token mismatch (provide gateway auth token)");
    expect(observed("token_missing", "control-ui")).toBe("unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)");
    expect(observed("token_mismatch", "control-ui")).toBe(message("token_mismatch", "control-ui"));
    // (conformance run against openclaw@2026.9.6: test/fixtures/conformance/openclaw-2026.9.6.md, cause E)
    expect(observed("scope_mismatch")).toBe("unauthorized: device token scope mismatch (re-pair or approve scope upgrade)");
    // Issue 11 (recorded from 2026.9.6, password mode): a local CLI is told to use this gateway's password;
    // the mid style keeps the remote hint, so the style flips the text.
    expect(observed("password_mismatch")).toBe("unauthorized: gateway password mismatch (use this gateway's gateway.auth.password)");
    expect(observed("password_mismatch")).not.toBe(message("password_mismatch", "cli"));
    expect(observed("password_mismatch", "other")).toBe(message("password_mismatch", "other"));
  });

  it("password hints depend on the client kind", () => {
    expect(message("password_mismatch", "cli", "password")).toBe(
      "unauthorized: gateway password mismatch (set gateway.remote.password to match gateway.auth.password)",
    );
    expect(message("password_missing", "control-ui", "password")).toBe(
      "unauthorized: gateway password missing (enter the password in Control UI settings)",
    );
    expect(message("password_missing", "other", "password")).toBe(
      "unauthorized: gateway password missing (provide gateway auth password)",
    );
  });

  it.each([
    ["token_missing_config", "unauthorized: gateway token not configured on gateway (set gateway.auth.token)"],
    ["password_missing_config", "unauthorized: gateway password not configured on gateway (set gateway.auth.password)"],
    ["tailscale_user_missing", "unauthorized: tailscale identity missing (use Tailscale Serve auth or gateway token/password)"],
    ["tailscale_proxy_missing", "unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)"],
    ["tailscale_whois_failed", "unauthorized: tailscale identity check failed (use Tailscale Serve auth or gateway token/password)"],
    ["tailscale_user_mismatch", "unauthorized: tailscale identity mismatch (use Tailscale Serve auth or gateway token/password)"],
    ["rate_limited", "unauthorized: too many failed authentication attempts (retry later)"],
    ["device_token_mismatch", "unauthorized: device token mismatch (rotate/reissue device token)"],
    // Read in the 2026.7.1 dist; only sent where the gateway has the reason (deviceTokenScopeMismatchReason).
    ["scope_mismatch", "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)"],
  ])("%s has a fixed text", (reason, text) => {
    expect(message(reason, "cli")).toBe(text);
    expect(message(reason, "control-ui", "password")).toBe(text);
  });

  it("other reasons fall back on the mode and what was sent", () => {
    expect(message("unauthorized", "cli", "token", none)).toBe(
      "unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)",
    );
    expect(message("a_reason_no_release_sends", "other", "token", { ...none, deviceToken: "dt" })).toBe(
      "unauthorized: device token rejected (pair/repair this device, or provide gateway token)",
    );
    expect(message(undefined, "other", "password", none)).toBe(
      "unauthorized: gateway password missing (provide gateway auth password)",
    );
    expect(message("unauthorized", "other", "token", { ...none, token: "t", deviceToken: "dt" })).toBe("unauthorized");
    expect(message("trusted_proxy_user_missing", "other", "none", none)).toBe("unauthorized");
  });

  it("an empty string counts as not provided", () => {
    expect(message("unauthorized", "other", "token", { token: "", password: "", deviceToken: "d" })).toContain(
      "device token rejected",
    );
  });
});

describe("authClientKind", () => {
  it("classifies like isGatewayCliClient / Control UI / webchat", () => {
    expect(authClientKind({ id: "cli", mode: "cli" })).toBe("cli");
    expect(authClientKind({ id: "gateway-client", mode: "cli" })).toBe("cli");
    expect(authClientKind({ id: "openclaw-control-ui", mode: "webchat" })).toBe("control-ui");
    expect(authClientKind({ id: "webchat-ui", mode: "ui" })).toBe("control-ui");
    expect(authClientKind({ id: "test", mode: "webchat" })).toBe("control-ui");
    expect(authClientKind({ id: "openclaw-tui", mode: "ui" })).toBe("other");
    expect(authClientKind(undefined)).toBe("other");
  });
});
