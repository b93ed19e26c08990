// Control UI origins a release seeds at start when the gateway binds beyond loopback and the config names none
// (profile switch controlUiOriginSeed): http://localhost:<port> and http://127.0.0.1:<port>, so the browser on the
// gateway host keeps working, and http://<customBindHost>:<port> for bind "custom". Where they live (the config
// file or the running process) is the caller's business.
import type { GatewaySwitches } from "../profiles/index.ts";

/** gateway.bind in OpenClaw's words; a bare world gateway listening beyond loopback counts as "lan". */
export type GatewayBindMode = "loopback" | "lan" | "tailnet" | "auto" | "custom";

export function seededControlUiOrigins(options: {
  mode: GatewaySwitches["controlUiOriginSeed"];
  /** undefined: gateway.bind unset (no seeding: the releases read the configured or runtime bind only). */
  bind: GatewayBindMode | undefined;
  port: number;
  allowedOrigins: readonly string[] | undefined;
  hostHeaderFallback: boolean;
  /** gateway.customBindHost: bind "custom" seeds its origin too. */
  customBindHost?: string | undefined;
}): string[] | null {
  const { mode, bind } = options;
  if (mode === "off" || bind === undefined || bind === "loopback") return null;
  if (bind === "auto" && mode === "persist") return null;
  if (options.hostHeaderFallback || (options.allowedOrigins ?? []).some((o) => o.trim() !== "")) return null;
  const origins = [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`];
  const custom = options.customBindHost?.trim();
  if (bind === "custom" && custom && !origins.includes(`http://${custom}:${options.port}`)) origins.push(`http://${custom}:${options.port}`);
  return origins;
}
