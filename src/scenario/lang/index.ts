// The step language: RunSpec/Step data, the step registry, the one schema, parsing with every problem at once,
// the interpreter, invariantsFor, and the typed builders.
export * from "./spec.ts";
export type { JsonSchema, StaticModel, StepEnv, StepKind as StepKindModule } from "./step-kind.ts";
export { defineStepKind } from "./step-kind.ts";
export { stepKinds as stepKindRegistry, stepKindNames, kindOf, printStep } from "./registry.ts";
export { runSpecSchema, buildRunSpecSchema, schemaId } from "./schema.ts";
export { schemaProblems, staticProblems, switchValue } from "./check.ts";
export { parseRunSpec, checkRunSpec, problemsLine, type SpecParse } from "./parse.ts";
export { specScenario, stepApplies } from "./interpret.ts";
export { invariantsFor, invariantNames, standardInvariants, isConvergeNote } from "./invariants.ts";
export { identitySeedFor, gatewayHostName, standardPort, standardGatewayName, gatewayMachineName, operatorCliIdentityName } from "./standard-world.ts";
export { registerScript, scriptNames, type ScriptFn } from "./kinds/script.ts";
export { releaseTuiIdentity } from "./kinds/tui-identity.ts";
export { expectationFailures, signingAttempt, type ExpectationFailure } from "./kinds/connect.ts";
export { resolveNumbers } from "./placeholders.ts";
export { identitySeeds } from "./standard-world.ts";
export { scenario, perProfile, ScenarioBuilder, filledSeedHex, libraryGatewayAddress, libraryLocalUrl, libraryRemoteUrl, libraryPort } from "./builder.ts";
export { specToYaml, schemaRepoPath } from "./export.ts";
export { resolveBuildId, gatewayBuildId } from "./placeholders.ts";
