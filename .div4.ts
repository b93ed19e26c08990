import { readFileSync, readdirSync } from "node:fs";
import { findProfile } from "./src/index.ts";
import { parseConformanceFixture, replayConformanceFixture } from "./sim/conformance/fixture.ts";
const dir = "test/fixtures/conformance";
const known = JSON.parse(readFileSync(`${dir}/known-divergences.json`, "utf8"));
const override = JSON.parse(process.argv[2] ?? "{}");
for (const f of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json").sort()) {
  const e = known[f]; const base = findProfile(e.profile)!;
  const p = { ...base, gateway: { ...base.gateway, ...override } };
  const fx = parseConformanceFixture(readFileSync(`${dir}/${f}`, "utf8"), f);
  const n = new Set(replayConformanceFixture(fx, p).filter((x) => /^c\d+(-op)?$/.test(x.attempt)).map((x) => `${x.run}/${x.attempt}`)).size;
  console.log(`${f.replace("conformance-openclaw-", "")}\t${e.profile}\tknown ${e.divergentAttempts}\tnow ${n}`);
}
