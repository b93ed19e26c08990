// `pnpm sim` entry: runs the compiled bundle (dist/main.mjs, built by `pnpm build:sim` on install) when it is
// newer than every source file it was built from, else the TypeScript sources through tsx — so an edit is
// never run stale, and a fresh clone without a build still works. Start-up cost is what this saves.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const bundle = join(root, "dist", "main.mjs");
const sourceDirs = ["src", "sim", "scenarios"];

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  const sources = Math.max(statSync(join(root, "package.json")).mtimeMs, ...sourceDirs.map((d) => newestSourceMs(join(root, d))));
  return built >= sources;
}

if (bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "sim", "main.ts")).href);
}
