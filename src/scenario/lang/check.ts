// Validation of a RunSpec as input: the schema (every error, not the first) and then each step kind's static
// check over a model of declared names, plus the file-level rules (unknown or duplicate names, unknown
// profiles, options the chosen profile does not have). All problems are returned at once; none is a finding.
import { gatewaySectionProblems } from "./gateway-section.ts";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { findProfile, profiles } from "../../profiles/index.ts";
import type { Profile } from "../../profiles/index.ts";
import { commonStepKeys, kindKeysOf, stepKinds, stepKindNames } from "./registry.ts";
import { runSpecSchema } from "./schema.ts";
import { invariantNames, invariantRefName, stepApplies } from "./invariants.ts";
import { switchValue } from "./switch-value.ts";
import type { RunSpec, Step } from "./spec.ts";
import type { StaticModel, StepKind } from "./step-kind.ts";
import { identitySeeds, operatorCliIdentityName } from "./standard-world.ts";

/** Compiled on first use: a chaos worker never checks a RunSpec, and the compile is most of a process's start-up. */
let compiled: ValidateFunction | undefined;

/** "at /steps/2/wait: must be >= 0" for each schema error, one per location, in document order. */
export function schemaProblems(data: unknown): string[] {
  const validate = (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(runSpecSchema));
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of validate.errors ?? []) {
    if (e.keyword === "anyOf" && (validate.errors ?? []).some((o) => o !== e && o.instancePath.startsWith(e.instancePath))) continue;
    const line = formatAjvError(e);
    const at = e.instancePath || "(top level)";
    if (seen.has(at)) continue;
    seen.add(at);
    out.push(line);
  }
  return out;
}

function formatAjvError(e: ErrorObject): string {
  const at = e.instancePath ? e.instancePath : "(top level)";
  const extra = e.keyword === "additionalProperties" ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : "";
  const allowed = e.keyword === "enum" ? ` (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(", ")})` : "";
  return `at ${at}: ${e.message ?? "invalid"}${extra}${allowed}`;
}

/** Static problems of a schema-valid spec; with a profile, also what that release does not have. */
export function staticProblems(spec: RunSpec, profile?: Profile): string[] {
  const problems: string[] = [];
  const model = staticModel(spec, profile, (at, message) => problems.push(`at ${at}: ${message}`));
  fileProblems(spec, model);
  spec.steps.forEach((step, i) => stepProblems(step, i, model));
  return problems;
}

function staticModel(spec: RunSpec, profile: Profile | undefined, problem: StaticModel["problem"]): StaticModel {
  const standard = (spec.world ?? "standard") === "standard";
  const identities = new Set(Object.keys(identitySeeds(spec)));
  return {
    spec,
    ...(profile ? { profile } : {}),
    identities,
    clients: new Set(),
    hosts: new Set(standard ? ["gateway-host", "lan-peer", "tailnet-peer", "remote-peer"] : []),
    machines: new Set(standard ? ["gateway-host"] : []),
    setupCodes: new Set(),
    marks: new Set(),
    browserTabs: new Map(),
    standard,
    problem,
  };
}

function fileProblems(spec: RunSpec, model: StaticModel): void {
  if (Array.isArray(spec.identities)) {
    const seen = new Set<string>();
    spec.identities.forEach((name, i) => {
      if (seen.has(name)) model.problem(`/identities/${i}`, `identity '${name}' is declared twice`);
      if (name === operatorCliIdentityName) model.problem(`/identities/${i}`, `'${name}' is the operator CLI's own device`);
      seen.add(name);
    });
  }
  if (spec.profile !== undefined && !findProfile(spec.profile)) model.problem("/profile", `unknown profile '${spec.profile}' (${profileList()})`);
  for (const key of Object.keys(spec.verdicts ?? {})) {
    if (key !== "default" && !findProfile(key)) model.problem(`/verdicts/${key}`, `unknown profile '${key}' (${profileList()}, default)`);
  }
  (spec.invariants ?? []).forEach((ref, i) => {
    const name = invariantRefName(ref);
    if (!invariantNames.includes(name)) model.problem(`/invariants/${i}`, `unknown invariant '${name}' (one of ${invariantNames.join(", ")})`);
  });
  (spec.pairing?.paired ?? []).forEach((p, i) => {
    if (!model.identities.has(p.identity)) model.problem(`/pairing/paired/${i}/identity`, `unknown identity '${p.identity}'`);
  });
  for (const [at, message] of gatewaySectionProblems(spec.gateway, model.profile, "/gateway")) model.problem(at, message);
  if (!model.standard && (spec.gateway !== undefined || spec.pairing !== undefined)) {
    model.problem(spec.gateway !== undefined ? "/gateway" : "/pairing", "a bare world builds its gateway in steps; gateway and pairing belong to the standard world");
  }
}

function profileList(): string {
  return profiles.map((p) => p.name).join(", ");
}

function stepProblems(step: Step, i: number, model: StaticModel): void {
  const at = `/steps/${i}`;
  const kinds = kindKeysOf(step);
  if (kinds.length !== 1) {
    model.problem(at, `a step has exactly one of ${stepKindNames.join(", ")}`);
    return;
  }
  const kind = stepKinds[kinds[0]!] as unknown as StepKind;
  for (const key of Object.keys(step)) {
    if (key === kinds[0] || (commonStepKeys as readonly string[]).includes(key)) continue;
    if (!(key in (kind.extras ?? {}))) model.problem(`${at}/${key}`, `${key} belongs to a ${ownerOf(key)} step`);
  }
  for (const [k, name] of [...(step.when?.profiles ?? []), ...(step.when?.notProfiles ?? [])].entries()) {
    if (!findProfile(name)) model.problem(`${at}/when`, `unknown profile '${name}' (entry ${k})`);
  }
  if (step.when?.switch !== undefined && switchValue(findProfile("2026.3")!, step.when.switch) === undefined) {
    model.problem(`${at}/when/switch`, `no profile switch '${step.when.switch}'`);
  }
  // A step guarded away from the chosen release does not run there, so it is not checked against it (nor does it
  // start or name anything later steps may use there): the check under a release it applies to covers it. This
  // lets per-release variants of one step (perProfile) start the same client. Without a chosen release every
  // step is checked.
  if (model.profile && !stepApplies(step.when, model.profile)) return;
  kind.check(step as never, model, `${at}/${kinds[0]}`);
}


function ownerOf(key: string): string {
  return stepKindNames.find((k) => key in ((stepKinds[k] as unknown as StepKind).extras ?? {})) ?? "different";
}

export { switchValue };
