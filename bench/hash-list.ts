// Every trace hash a speed change must keep: each library scenario under each profile, each scenario file as the
// gate runs it, chaos seeds 1–40 heavy and 1–100 light under 2026.9 and the default profile, and two small scale
// bench worlds (device-less and device-signed). One line per run: `<what> <verdict> <hash>`.
// `npx tsx bench/hash-list.ts > /tmp/before.txt`, change, run again, `diff` the two.
import { libraryJobs, findPreset, findProfile, profileDefault, profiles, runScenario } from "../src/index.ts";
import { scenarios } from "../scenarios/index.ts";
import { fileJobs } from "../sim/gate.ts";
import { runChaosPlan } from "../sim/chaos-run.ts";
import { runScale } from "./scale.ts";

/** The gate's seed (sim/main.ts seedDefault; importing main would run the CLI). */
const seedDefault = 424242n;

const out = (line: string) => process.stdout.write(`${line}\n`);

for (const job of [...libraryJobs(scenarios, profiles), ...fileJobs(profiles)]) {
  const r = await runScenario(job.scenario, { seed: seedDefault, profile: job.profile, ...(job.source ? { source: job.source } : {}) });
  const what = job.source?.kind === "file" ? job.source.path : job.scenario.name;
  out(`${what} @${job.profile.name} ${r.verdict} ${r.traceHash}`);
}
for (const profileName of ["2026.9", profileDefault]) {
  const profile = findProfile(profileName)!;
  for (const [presetName, count] of [["heavy", 40], ["light", 100]] as const) {
    const preset = findPreset(presetName)!;
    for (let s = 1n; s <= BigInt(count); s++) {
      const r = await runChaosPlan(s, preset, profile);
      out(`chaos ${presetName} ${s} @${profile.name} ${r.verdict} ${r.traceHash}`);
    }
  }
}
for (const devices of [false, true]) {
  const r = runScale({ clients: 300, devices, virtualMs: 60_000 });
  out(`scale 300 ${devices ? "devices" : "device-less"} ${r.outcome} ${r.events} ${r.traceHash}`);
}
