// `openclaw doctor` for the gateway service (§9.2): the token audit of an installed unit against the config,
// and the repair that reinstalls the unit per profile. Two repair behaviours, chosen by
// ServiceSwitches.doctorRepair:
//   "naive" — the repair path of PR #28428 as first proposed, with both pitfalls its review found:
//     (a) doctor keeps the config it read at start in memory; after persisting the unit's token to the file
//         it only hands the new config to the reinstall step, and when any other doctor fix is pending it
//         writes that stale in-memory copy back — undoing the persisted token and any rotation the operator
//         made in the meantime (review P1);
//     (b) doctor runs best-effort on a config that failed to parse/validate, and the repair writes a config built
//         from that incomplete read without checking validity — replacing the operator's file with a
//         token-only structure (unrelated settings gone) and reinstalling the unit from defaults (review P2).
//   "safe" — as landed: re-read the file right before writing, refuse to repair from an invalid config (a finding
//     instead), change only `gateway.auth.token`, and hand the repaired config to everything after it.
// Pure: returns the new unit, the file writes in order and the findings; the world applies them.
import { assertNever } from "../kernel/index.ts";
import type { ServiceSwitches } from "../profiles/types.ts";
import { configFileFromConfig, configSet, formatConfigIssues, gatewaySection, type ConfigFile, type GatewayConfig } from "./config.ts";
import { resolveDriftCheckCredentials } from "./credentials.ts";
import { op, type OperatorCommand } from "./operator-command.ts";
import { installServiceUnit, readEmbeddedGatewayToken, type ServiceUnit, type UnitInstallOptions } from "./service-unit.ts";

export type ServiceAuditCode = ServiceSwitches["auditCodes"][number];
export type DoctorFindingCode = ServiceAuditCode | "config-invalid" | "config-unknown-keys";

export interface DoctorFinding {
  readonly code: DoctorFindingCode;
  readonly level: "recommended";
  readonly message: string;
  readonly detail?: string;
  readonly remedy: OperatorCommand;
}

const reinstall = op.gatewayInstall({ force: true });

function finding(code: DoctorFindingCode, message: string, detail?: string, remedy: OperatorCommand = reinstall): DoctorFinding {
  return { code, level: "recommended", message, ...(detail !== undefined ? { detail } : {}), remedy };
}

/** Keys the release's schema does not know (`configSchemaGaps`), which `doctor --fix` removes. */
export function unknownKeysFinding(removed: readonly string[]): DoctorFinding | null {
  if (removed.length === 0) return null;
  return finding("config-unknown-keys", "Unknown config keys; the gateway refuses this config.", removed.join(", "), op.doctor({ fix: true }));
}

/** `checkTokenDrift`: a service token that differs from the config token will be used after restart. */
export function checkTokenDrift(input: { serviceToken?: string; configToken?: string }): DoctorFinding | null {
  // Tokenless units are canonical: nothing to drift.
  if (!input.serviceToken || !input.configToken || input.serviceToken === input.configToken) return null;
  return finding(
    "gateway-token-drift",
    "Config token differs from service token. The daemon will use the old token after restart.",
  );
}

/**
 * Audit an installed unit's token against `gateway.auth.token`. Only codes listed in `switches.auditCodes`
 * are reported. When the era knows no `gateway-token-embedded` (units were expected to carry the token), a
 * unit without a token while the config has one is the earliest "service token is missing" mismatch.
 */
export function auditService(input: {
  unit: ServiceUnit | null;
  config: GatewayConfig;
  switches: Pick<ServiceSwitches, "auditCodes">;
}): DoctorFinding[] {
  if (!input.unit) return [];
  const enabled = new Set(input.switches.auditCodes);
  const serviceToken = readEmbeddedGatewayToken(input.unit);
  const configToken = resolveDriftCheckCredentials(input.config).token;
  const findings: DoctorFinding[] = [];
  if (serviceToken && enabled.has("gateway-token-embedded")) {
    findings.push(finding("gateway-token-embedded", "Gateway service embeds OPENCLAW_GATEWAY_TOKEN and should be reinstalled."));
  }
  if (enabled.has("gateway-token-mismatch") && configToken) {
    const mismatchMessage = "Gateway service OPENCLAW_GATEWAY_TOKEN does not match gateway.auth.token in openclaw.json";
    if (serviceToken && serviceToken !== configToken) {
      findings.push(finding("gateway-token-mismatch", mismatchMessage, "service token is stale"));
    } else if (!serviceToken && !enabled.has("gateway-token-embedded")) {
      findings.push(finding("gateway-token-mismatch", mismatchMessage, "service token is missing"));
    }
  }
  if (enabled.has("gateway-token-drift")) {
    const drift = checkTokenDrift({ serviceToken, configToken });
    if (drift) findings.push(drift);
  }
  return findings;
}

// ---- repair -------------------------------------------------------------------------------------------------

export interface ConfigWrite {
  readonly reason: "persist-service-token" | "doctor-config-write";
  readonly file: ConfigFile;
}

export interface RepairServiceInput {
  readonly unit: ServiceUnit | null;
  /** The config file as doctor read it when it started (may since have changed on disk, may be invalid). */
  readonly snapshot: ConfigFile;
  /** The config file on disk at the moment doctor writes. */
  readonly current: ConfigFile;
  readonly switches: ServiceSwitches;
  readonly version: string;
  readonly unitOptions?: UnitInstallOptions;
  /** Another doctor fix is pending, so doctor ends with one more config write (where pitfall (a) bites). */
  readonly otherFixesPending?: boolean;
}

export type RepairOutcome =
  | { readonly kind: "nothing-to-repair"; readonly findings: readonly DoctorFinding[]; readonly writes: readonly ConfigWrite[]; readonly file: ConfigFile }
  | { readonly kind: "refused"; readonly findings: readonly DoctorFinding[] }
  | {
      readonly kind: "repaired";
      readonly findings: readonly DoctorFinding[];
      readonly unit: ServiceUnit;
      readonly writes: readonly ConfigWrite[];
      /** The file after the last write (the current file when nothing was written). */
      readonly file: ConfigFile;
    };

/** In the tokenless era doctor moves a legacy unit's token into config when the config has none and token auth applies. */
function tokenToPersist(unit: ServiceUnit | null, config: GatewayConfig, switches: ServiceSwitches): string | undefined {
  if (switches.unitEmbedsToken) return undefined;
  const embedded = readEmbeddedGatewayToken(unit);
  const mode: unknown = gatewaySection(config).auth?.mode;
  const tokenCanWin = mode === undefined || mode === "token";
  if (!embedded || !tokenCanWin || resolveDriftCheckCredentials(config).token) return undefined;
  return embedded;
}

function withAuthToken(config: GatewayConfig, token: string): GatewayConfig {
  const gw = gatewaySection(config);
  return { ...config, gateway: { ...gw, auth: { ...gw.auth, token } } };
}

export function repairService(input: RepairServiceInput): RepairOutcome {
  switch (input.switches.doctorRepair) {
    case "naive":
      return repairNaive(input);
    case "safe":
      return repairSafe(input);
    default:
      return assertNever(input.switches.doctorRepair, "doctor repair behaviour");
  }
}

function repairNaive(input: RepairServiceInput): RepairOutcome {
  // Best-effort read: an invalid snapshot still yields whatever `config` the loader produced ({} if unparsable).
  const cfg = input.snapshot.config;
  const findings = auditService({ unit: input.unit, config: cfg, switches: input.switches });
  const writes: ConfigWrite[] = [];
  let unit: ServiceUnit | undefined;
  if (findings.length > 0) {
    let cfgForInstall = cfg;
    const token = tokenToPersist(input.unit, cfg, input.switches);
    if (token !== undefined) {
      // Pitfall (b): built from the snapshot without a validity check — an invalid read becomes the new file.
      cfgForInstall = withAuthToken(cfg, token);
      writes.push({ reason: "persist-service-token", file: configFileFromConfig(cfgForInstall, input.current.path) });
    }
    unit = installServiceUnit({ ...input.unitOptions, config: cfgForInstall, switches: input.switches, version: input.version });
  }
  if (input.otherFixesPending) {
    // Pitfall (a): the caller's `cfg` never saw the persisted token; writing it back undoes the repair and
    // overwrites anything changed on disk since doctor started.
    writes.push({ reason: "doctor-config-write", file: configFileFromConfig(cfg, input.current.path) });
  }
  const file = writes.at(-1)?.file ?? input.current;
  return unit ? { kind: "repaired", findings, unit, writes, file } : { kind: "nothing-to-repair", findings, writes, file };
}

function repairSafe(input: RepairServiceInput): RepairOutcome {
  const reloaded = input.current;
  if (!reloaded.valid) {
    const detail = formatConfigIssues(reloaded.issues);
    return {
      kind: "refused",
      findings: [
        finding(
          "config-invalid",
          "Config is invalid; refusing to repair the gateway service from it. Fix openclaw.json, then rerun doctor.",
          detail,
          op.doctor({ fix: true }),
        ),
      ],
    };
  }
  let cfg = reloaded.config;
  let file = reloaded;
  const findings = auditService({ unit: input.unit, config: cfg, switches: input.switches });
  if (findings.length === 0) return { kind: "nothing-to-repair", findings, writes: [], file };
  const writes: ConfigWrite[] = [];
  const token = tokenToPersist(input.unit, cfg, input.switches);
  if (token !== undefined) {
    const set = configSet(reloaded, "gateway.auth.token", token);
    if (set.kind === "ok") {
      file = set.file;
      cfg = set.file.config;
      writes.push({ reason: "persist-service-token", file });
    }
  }
  const unit = installServiceUnit({ ...input.unitOptions, config: cfg, switches: input.switches, version: input.version });
  return { kind: "repaired", findings, unit, writes, file };
}
