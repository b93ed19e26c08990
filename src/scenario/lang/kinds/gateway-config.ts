// gatewayConfig: edit the running gateway's config (its file, as an operator or `openclaw config set` would);
// the release's config watcher applies hot keys live or restarts the gateway in process 300 ms later
// (src/gateway/reload-plan.ts). `expect` checks the release's decision. `bind` is read at start only.
// `{ gatewayConfig: { set: { trustedProxies: [192.0.2.99] }, expect: hot } }`
import type { ConfigReloadMode } from "../../../gateway/index.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import type { GatewayConfigEdit } from "../../../world/index.ts";
import { gatewayConfigInput, gatewaySectionProblems, gatewaySectionSchema, mergeGatewaySection, type GatewaySection } from "../gateway-section.ts";
import { checkGatewayName, standardGatewayName } from "../standard-world.ts";

export interface GatewayConfigStep {
  set: GatewaySection;
  /** gateway.reload.mode (default hybrid). */
  mode?: ConfigReloadMode;
  /** What the release does with the change. */
  expect?: "hot" | "restart" | "none" | "ignored";
  gateway?: string;
}

/** The section each gateway was last configured with (start section, then edits), per run. */
const sections = new WeakMap<object, Map<string, GatewaySection>>();

export const gatewayConfigKind = defineStepKind({
  kind: "gatewayConfig",
  schema: {
    type: "object",
    required: ["set"],
    properties: {
      set: gatewaySectionSchema,
      mode: { enum: ["off", "restart", "hot", "hybrid"] },
      expect: { enum: ["hot", "restart", "none", "ignored"] },
      gateway: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (step.gatewayConfig.set.bind !== undefined) model.problem(`${at}/set/bind`, "gateway.bind is read at start only: put it in the file's gateway section");
    checkGatewayName(step.gatewayConfig.gateway, model, at, true);
    for (const [where, message] of gatewaySectionProblems(step.gatewayConfig.set, model.profile, `${at}/set`)) model.problem(where, message);
  },
  run(step, env) {
    const edit = step.gatewayConfig;
    const name = edit.gateway ?? standardGatewayName;
    const result = editGatewaySection(env, name, resolveSecrets(edit.set, env.resolve), edit.mode);
    if (edit.expect !== undefined) {
      env.ctx.check(result.plan.action === edit.expect, "case-expect", `step ${env.stepIndex} (gatewayConfig): ${env.profile.name} ${describe(result.plan.action)} [${result.paths.join(", ")}], expected ${edit.expect}`);
    }
  },
  print: (step) => `edit gateway config ${JSON.stringify(step.gatewayConfig.set)}${step.gatewayConfig.expect ? ` (expect ${step.gatewayConfig.expect})` : ""}`,
});

/**
 * Edits a gateway's config file section (merged over the file's start section and earlier edits) and hands it
 * to the release's config watcher: hot keys live, others a restart. Also what `operator: rotate-shared-token` does.
 */
export function editGatewaySection(env: StepEnv, name: string, set: GatewaySection, mode?: ConfigReloadMode): GatewayConfigEdit {
  let perRun = sections.get(env.world);
  if (!perRun) sections.set(env.world, (perRun = new Map()));
  const base = perRun.get(name) ?? (name === standardGatewayName ? (env.spec.gateway ?? {}) : {});
  const next = mergeGatewaySection(base, set);
  perRun.set(name, next);
  return env.world.editGatewayConfig(name, () => gatewayConfigInput(next), mode);
}

function describe(action: string): string {
  return action === "hot" ? "applied it live" : action === "restart" ? "restarts the gateway" : action === "ignored" ? "ignored it" : "changed nothing";
}

function resolveSecrets(section: GatewaySection, resolve: (text: string) => string): GatewaySection {
  if (!section.auth) return section;
  const auth = { ...section.auth };
  if (auth.token !== undefined) auth.token = resolve(auth.token);
  if (auth.password !== undefined) auth.password = resolve(auth.password);
  return { ...section, auth };
}
