// Placeholders a step's strings may hold, resolved just before the step runs (connect attempts resolve theirs
// per socket in src/world/attempt): {{gatewayToken}}, {{lastRequestId}}, {{deviceToken:NAME}} (also
// NAME:role or NAME/role), {{deviceId:NAME}}, {{protocol}} and {{signatureVersion}} (the run's release),
// {{bootstrapToken:NAME}} and {{setupCode:NAME}} (a `setupCode` step's; the token is empty when the release's
// setup code carries the gateway secret instead), and {{buildId}} (the gateway's build: the Control UI build id
// a release requires; as a whole value it drops its key where the release's ConnectParams rejects
// client.buildId), and {{configToken:MACHINE}} (the shared token that machine's config holds now). An unknown
// placeholder is left as written.
import type { IssuedSetupCode, World } from "../../world/index.ts";
import type { Profile } from "../../profiles/index.ts";
import { clientBuildIdAccepted } from "../../protocol/index.ts";

export interface PlaceholderBindings {
  readonly world: World;
  readonly profile: Profile;
  readonly token: string;
  readonly seeds: Readonly<Record<string, string>>;
  readonly setupCodes?: ReadonlyMap<string, IssuedSetupCode>;
  deviceIdOf(identity: string): string;
}

const placeholder = /\{\{([A-Za-z]+)(?::([^}]+))?\}\}/g;

export function resolvePlaceholders(text: string, b: PlaceholderBindings): string {
  return text.replace(placeholder, (whole, name: string, arg: string | undefined) => resolveOne(name, arg, b) ?? whole);
}

function resolveOne(name: string, arg: string | undefined, b: PlaceholderBindings): string | undefined {
  switch (name) {
    case "gatewayToken":
      return b.token;
    case "lastRequestId":
      return b.world.lastRequestId;
    case "protocol":
      return String(b.profile.gateway.protocolVersion);
    case "signatureVersion":
      return b.profile.client.signatureVersion;
    case "buildId":
      return gatewayBuildId(b.world);
    case "deviceId":
      return arg !== undefined && b.seeds[arg] !== undefined ? b.deviceIdOf(arg) : undefined;
    case "deviceToken": {
      const [identity, role = "operator"] = (arg ?? "").split(/[/:]/);
      if (identity === undefined || b.seeds[identity] === undefined) return undefined;
      return b.world.deviceTokenFor(b.deviceIdOf(identity), role);
    }
    case "bootstrapToken": {
      const code = arg !== undefined ? b.setupCodes?.get(arg) : undefined;
      return code ? (code.bootstrapToken ?? "") : undefined;
    }
    case "configToken": {
      const machine = arg !== undefined ? b.world.machines.get(arg) : undefined;
      const token = machine?.machine.config.config.gateway?.auth?.token;
      return machine ? (typeof token === "string" ? token : "") : undefined;
    }
    case "setupCode":
      return arg !== undefined ? b.setupCodes?.get(arg)?.code : undefined;
    default:
      return undefined;
  }
}

/** Whole-value numeric placeholders ("{{protocol}}") become numbers; other strings are kept for later. */
export function resolveNumbers(value: unknown, profile: Profile): unknown {
  if (value === "{{protocol}}") return profile.gateway.protocolVersion;
  if (Array.isArray(value)) return value.map((v) => resolveNumbers(v, profile));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNumbers(v, profile)]));
  }
  if (value === "{{signatureVersion}}") return profile.client.signatureVersion;
  return value;
}

/** The build the world's (first) gateway runs: what its own Control UI bundle reports as client.buildId. */
export function gatewayBuildId(world: World): string | undefined {
  return world.gateways.values().next().value?.state.config.version;
}

/**
 * `{{buildId}}` as a whole value: the gateway's build where the release's ConnectParams has client.buildId (the
 * 2026.9 gateway requires it of a Control UI served by itself), and the key left out where the closed `client`
 * object rejects it (up to 2026.3). Other strings keep it for resolvePlaceholders.
 */
export function resolveBuildId(value: unknown, options: { profile: Profile; buildId: string | undefined }): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveBuildId(v, options));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === "{{buildId}}" && options.buildId !== undefined) {
      if (clientBuildIdAccepted(options.profile.gateway.connectSchema)) out[k] = options.buildId;
      continue;
    }
    out[k] = resolveBuildId(v, options);
  }
  return out;
}
