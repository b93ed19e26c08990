// Placeholders a step's strings may hold, resolved just before the step runs (connect attempts resolve theirs
// per socket in src/world/attempt): {{gatewayToken}}, {{lastRequestId}}, {{deviceToken:NAME}} (also
// NAME:role or NAME/role), {{deviceId:NAME}}, {{protocol}} and {{signatureVersion}} (the run's release),
// {{bootstrapToken:NAME}} and {{setupCode:NAME}} (a `setupCode` step's; the token is empty when the release's
// setup code carries the gateway secret instead).
// An unknown placeholder is left as written.
import type { IssuedSetupCode, World } from "../../world/index.ts";
import type { Profile } from "../../profiles/index.ts";

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
