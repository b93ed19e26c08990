// `openclaw qr --setup-code-only` on the gateway host: what goes into a setup code. Releases before 2026.3.12
// embed the gateway's own token or password (qr-cli resolvePairingSetupFromConfig: env first, then config; the
// configured mode picks which); later ones ask for a fresh bootstrap token instead (issued by the world into the
// host's bootstrap file, src/gateway/bootstrap-tokens.ts). Both refuse a gateway with no shared secret
// configured and one bound to loopback only. Data only: issuing the token is the world's job.
import type { GatewaySwitches } from "../profiles/types.ts";
import { gatewaySection } from "./config.ts";
import { envNames, envValue, type EnvMap } from "./env.ts";
import type { Machine } from "./machine.ts";
import { shellProcessEnv } from "./machine.ts";

export type SetupCodePlan =
  | { readonly kind: "gateway-secret"; readonly token?: string; readonly password?: string; readonly authLabel: "token" | "password" }
  | { readonly kind: "bootstrap-token"; readonly authLabel: "token" | "password" }
  | { readonly kind: "refused"; readonly message: string };

const noAuthMessage = "Gateway auth is not configured (no token or password).";
const loopbackMessage =
  "Gateway is only bound to loopback. Set gateway.bind=lan, enable tailscale serve, or configure plugins.entries.device-pair.config.publicUrl.";

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** resolvePairingSetupAuth: the configured mode's secret, else a token, else a password (env before config). */
function pairingSetupAuth(machine: Machine, env: EnvMap): { token?: string; password?: string; label: "token" | "password" } | { error: string } {
  const auth = gatewaySection(machine.config.config).auth;
  const token = envValue(env, envNames.gatewayToken) ?? text(auth?.token);
  const password = envValue(env, envNames.gatewayPassword) ?? text(auth?.password);
  const mode: unknown = auth?.mode;
  if (mode === "password") return password ? { password, label: "password" } : { error: "Gateway auth is set to password, but no password is configured." };
  if (mode === "token") return token ? { token, label: "token" } : { error: "Gateway auth is set to token, but no token is configured." };
  if (token) return { token, label: "token" };
  if (password) return { password, label: "password" };
  return { error: noAuthMessage };
}

export function planSetupCode(machine: Machine, credential: GatewaySwitches["setupCodeCredential"]): SetupCodePlan {
  const auth = pairingSetupAuth(machine, shellProcessEnv(machine));
  if ("error" in auth) return { kind: "refused", message: auth.error };
  if (gatewaySection(machine.config.config).bind === "loopback") return { kind: "refused", message: loopbackMessage };
  if (credential === "bootstrap-token") return { kind: "bootstrap-token", authLabel: auth.label };
  return { kind: "gateway-secret", authLabel: auth.label, ...(auth.token !== undefined ? { token: auth.token } : {}), ...(auth.password !== undefined ? { password: auth.password } : {}) };
}

/** encodePairingSetupCode: base64url of the JSON payload, unpadded. */
export function encodeSetupCode(payload: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}
