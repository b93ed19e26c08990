// Summarises a V8 .cpuprofile: top functions by self time and by inclusive (total) time, as a Markdown table.
// `npx tsx bench/profile/top.ts file.cpuprofile [count]`
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const file = process.argv[2];
const count = Number(process.argv[3] ?? 15);
if (!file) {
  console.error("usage: top.ts <file.cpuprofile> [count]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^.*\/(src|bench|scenarios|sim|node_modules)\//, "$1/");
  return `${n.callFrame.functionName || "(anonymous)"} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  all += dt;
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
});
const table = (m: Map<string, number>, title: string) => {
  console.log(`| ${title} | % |\n|---|---|`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`| \`${k}\` | ${((100 * v) / all).toFixed(1)} |`);
};
table(self, "self time");
console.log();
table(total, "inclusive time");
