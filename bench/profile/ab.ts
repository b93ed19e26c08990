// A/B of two builds' device-signed handshakes in one process (same load for both): each side's
// `handshakeWorld` bundled (`npx esbuild bench/handshake.ts --bundle --platform=node --format=esm
// --packages=external --outfile=.tmp/hw.mjs` in each checkout, so packages resolve from its node_modules), then
// `node --import tsx bench/profile/ab.ts <A>/.tmp/hw.mjs <B>/.tmp/hw.mjs [fake|real] [rounds]` (absolute paths): CPU µs per handshake,
// alternated in batches of 200. `fake` stubs node:crypto sign/verify, leaving the harness's own cost.
import { createRequire, syncBuiltinESMExports } from "node:module";
const require = createRequire(import.meta.url);
const c = require("node:crypto");
const sig = Buffer.alloc(64, 7);
const fake = (process.argv[4] ?? "real") !== "real";
if (fake) { c.sign = () => sig; c.verify = () => true; syncBuiltinESMExports(); }
const A = (await import(process.argv[2]!)).handshakeWorld;
const B = (await import(process.argv[3]!)).handshakeWorld;
const wa = A({ paired: 10, withDevice: true }), wb = B({ paired: 10, withDevice: true });
const batch = 200, rounds = Number(process.argv[5] ?? 60);
const ta: number[] = [], tb: number[] = [];
const time = (w: any) => { const t0 = process.cpuUsage(); for (let i = 0; i < batch; i++) w.handshake(); const d = process.cpuUsage(t0); return (d.user + d.system) / batch; };
for (let r = 0; r < 5; r++) { time(wa); time(wb); }
for (let r = 0; r < rounds; r++) { if (r % 2) { ta.push(time(wa)); tb.push(time(wb)); } else { tb.push(time(wb)); ta.push(time(wa)); } }
const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
const q1 = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 2]!;
console.log(`A median ${med(ta).toFixed(1)} q1 ${q1(ta).toFixed(1)} | B median ${med(tb).toFixed(1)} q1 ${q1(tb).toFixed(1)} µs/handshake (${fake ? "fake" : "real"} crypto)  B/A ${(med(tb) / med(ta)).toFixed(3)}`);
