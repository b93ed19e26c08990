// The ban list (TigerBeetle tidy style): nothing under src/ outside src/kernel may read wall-clock time,
// real timers, real sockets or unseeded randomness. This test fails on any such use.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const banned: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "Date.now()"],
  [/\bnew Date\s*\(\s*\)/, "new Date()"],
  [/\bperformance\.now\s*\(/, "performance.now()"],
  [/\bMath\.random\s*\(/, "Math.random()"],
  [/\brandomUUID\s*\(/, "crypto.randomUUID()"],
  [/\bgetRandomValues\s*\(/, "crypto.getRandomValues()"],
  [/\brandomBytes\s*\(/, "crypto.randomBytes()"],
  [/\bprocess\.hrtime\b/, "process.hrtime"],
  [/(?<![.\w])setTimeout\s*\(/, "setTimeout"],
  [/(?<![.\w])setInterval\s*\(/, "setInterval"],
  [/(?<![.\w])setImmediate\s*\(/, "setImmediate"],
  [/from\s+["'](node:)?(dgram|http|https|tls|http2)["']/, "a real network module"],
  [/import\s*\{[^}]*\b(createServer|createConnection|connect|Socket|Server)\b[^}]*\}\s*from\s*["'](node:)?net["']/, "a real socket from node:net"],
  [/import\s+(\*\s+as\s+\w+|\w+)\s+from\s*["'](node:)?net["']/, "the whole node:net module"],
  [/from\s+["']ws["']/, "the real ws package"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export function findBannedUses(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = stripComments(readFileSync(file, "utf8")).split("\n");
    lines.forEach((line, i) => {
      for (const [pattern, what] of banned) if (pattern.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${what}`);
    });
  }
  return found;
}

describe("determinism ban list", () => {
  it("no file under src/ outside src/kernel reads wall time, real timers, sockets or Math.random", () => {
    const files = sourceFiles(join(root, "src")).filter((f) => !relative(root, f).startsWith(join("src", "kernel")));
    expect(files.length).toBeGreaterThan(0);
    expect(findBannedUses(files)).toEqual([]);
  });

  it("catches a banned call when one is present (the check itself can fail)", () => {
    const tmp = join(root, "test", "lint", "fixtures", "bad-clock.ts.txt");
    const found = findBannedUses([tmp]);
    expect(found.map((f) => f.split(": ")[1])).toEqual(["Date.now()", "Math.random()", "setTimeout"]);
  });
});
