// Device ids of a scenario file's named identities, so reports can show `c5b940ed…(svc)` instead of a bare
// hash. Library scenarios need none: their devices are named after the client that used them.
import { crypto, identitySeedFor, parseCaseFile, type RunResult } from "../src/index.ts";
import { readInputFile, scenarioFileBytesMax } from "./files.ts";

export function identityNamesOf(result: RunResult): Map<string, string> | undefined {
  if (result.source.kind !== "file") return undefined;
  let parsed;
  try {
    parsed = parseCaseFile(readInputFile(result.source.path, "scenario file", scenarioFileBytesMax), result.source.path);
  } catch {
    return undefined;
  }
  if (!parsed.ok) return undefined;
  const ids = parsed.file.identities;
  const seeds: [string, string][] = Array.isArray(ids) ? ids.map((n) => [n, identitySeedFor(n)]) : Object.entries(ids ?? {});
  const names = new Map<string, string>();
  for (const [name, seed] of seeds) names.set(crypto.identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))).deviceId, name);
  return names;
}
