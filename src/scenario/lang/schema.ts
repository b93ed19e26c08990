// The ONE JSON Schema of a RunSpec (scenario files, builders' output, chaos-generated runs), assembled from the
// top-level fields and every registered step kind's fragment. schema/scenario.schema.json is this value
// written out (a test keeps them equal); editors use it through `# yaml-language-server: $schema=…`.
import { gatewaySectionSchema } from "./gateway-section.ts";
import { stepKinds, stepKindNames } from "./registry.ts";
import { invariantNames } from "./invariants.ts";
import type { JsonSchema } from "./step-kind.ts";

export const schemaId = "https://clawsim.dev/schema/scenario.schema.json";

const whenSchema = {
  type: "object",
  description: "run this step only under these profiles, or where a profile switch has a value",
  properties: {
    profiles: { type: "array", items: { type: "string" } },
    notProfiles: { type: "array", items: { type: "string" } },
    switch: { type: "string", pattern: "^(gateway|client|service)\\.[A-Za-z0-9]+$" },
    equals: {},
  },
  additionalProperties: false,
};

function stepSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of stepKindNames) {
    const kind = stepKinds[name];
    properties[name] = kind.schema;
    for (const [extra, schema] of Object.entries(kind.extras ?? {})) properties[extra] = schema;
  }
  properties["when"] = whenSchema;
  return {
    type: "object",
    description: `one step: exactly one of ${stepKindNames.join(", ")}`,
    properties,
    additionalProperties: false,
    minProperties: 1,
  };
}

export function buildRunSpecSchema(): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: schemaId,
    title: "clawsim scenario (RunSpec)",
    type: "object",
    required: ["name", "steps"],
    properties: {
      name: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]*$" },
      description: { type: "string" },
      profile: { type: "string" },
      seed: { type: "integer", minimum: 0 },
      world: { enum: ["standard", "bare"] },
      gateway: gatewaySectionSchema,
      identities: {
        anyOf: [
          { type: "array", items: { type: "string" } },
          { type: "object", additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" } },
        ],
      },
      pairing: {
        type: "object",
        properties: {
          paired: {
            type: "array",
            items: {
              type: "object",
              required: ["identity"],
              properties: { identity: { type: "string" }, role: { type: "string" }, scopes: { type: "array", items: { type: "string" } } },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      verdicts: { type: "object", additionalProperties: { enum: ["pass", "fail"] } },
      invariants: {
        type: "array",
        items: {
          anyOf: [
            { type: "string", description: `one of ${invariantNames.join(", ")}` },
            { type: "object", required: ["name"], properties: { name: { type: "string" } } },
          ],
        },
      },
      budgets: {
        type: "object",
        properties: { stepsMax: { type: "integer", minimum: 1 }, virtualTimeMsMax: { type: "integer", minimum: 1 }, connectionsMax: { type: "integer", minimum: 1 } },
        additionalProperties: false,
      },
      steps: { type: "array", minItems: 1, items: stepSchema() },
    },
    additionalProperties: false,
  };
}

export const runSpecSchema: JsonSchema = buildRunSpecSchema();
