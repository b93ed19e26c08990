// `pnpm schema`: writes the RunSpec JSON Schema (src/scenario/lang/schema.ts) to schema/scenario.schema.json,
// the file editors use through `# yaml-language-server: $schema=…`. A test keeps the two equal.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runSpecSchema } from "../src/index.ts";

export const schemaPath = join(import.meta.dirname, "..", "schema", "scenario.schema.json");

writeFileSync(schemaPath, `${JSON.stringify(runSpecSchema, null, 2)}\n`);
console.log(`wrote ${schemaPath}`);
