// Public surface of `pnpm sim conformance`: the real OpenClaw gateway as a differential oracle for the model over
// seeded, generated connect attempts (generator, comparison, grouping, greedy shrinking, report, the command).
export { runConformance, startReleaseGateway, removeScratchOnExit, type ReleaseGatewayOptions, profileFor, conformanceAttemptsDefault, conformanceAttemptsMax, conformanceSeedDefault } from "./run.ts";
export { runSuite, shrinkBudgetMsDefault, shrinkChecksMaxDefault, type SuiteOptions, type SuiteResult } from "./suite.ts";
export { OraclePair, type PairStep } from "./pair.ts";
export { ModelSide, type AttemptOracle, type ModelSideOptions } from "./sides.ts";
export { compareAttempt, type Divergence } from "./compare.ts";
export { attemptSize, groupDivergences, groupKeyOf, shrinkCandidates, shrinkGreedy, type DivergenceGroup, type ShrinkResult } from "./shrink.ts";
export { divergenceTable, exampleJson, markdownReport, summaryLines, type ConformanceResult, type ShrunkGroup } from "./report.ts";
export { attemptChoiceArb, attemptOf, attemptSequenceArb, conformanceIdentities, fastCheckSeed, generateAttempts, type AttemptChoice, type Credential } from "./generate.ts";
export { optionKinds } from "./kinds.ts";
export { cacheDirFor, ensureOpenclaw, parseAgainst, usableInstall, type AgainstParse, type OpenclawInstall } from "./install.ts";
