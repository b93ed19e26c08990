// Finding the system's Chromium for the browser tests (HTML screenshot, Mermaid parser); undefined when absent.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const launchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function findChromium(): string | undefined {
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
    if (found) return found.split("\n")[0];
  } catch {
    // not on PATH
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const chromiumPath = findChromium();
if (!chromiumPath) console.warn("[report] Chromium not found (run .ci/install-chromium): skipping the headless browser tests");
