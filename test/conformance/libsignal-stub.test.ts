// The stub that stands in for the WhatsApp channel's GitHub-hosted `libsignal` when old releases are installed:
// named ES imports of its files resolve (2026.2.12 imports them at start-up), and calling anything throws.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeLibsignalStub } from "../../sim/conformance/install.ts";

const root = mkdtempSync(join(tmpdir(), "clawsim-stub-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("libsignal stub", () => {
  const dir = writeLibsignalStub(root);
  it("is a package named libsignal", () => {
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name).toBe("libsignal");
  });
  it("offers the names baileys imports, each throwing when called", async () => {
    const curve = (await import(pathToFileURL(join(dir, "src", "curve.js")).href)) as Record<string, unknown>;
    const crypto = (await import(pathToFileURL(join(dir, "src", "crypto.js")).href)) as Record<string, unknown>;
    for (const name of ["generateKeyPair", "calculateSignature", "verifySignature"]) expect(typeof curve[name], name).toBe("function");
    for (const name of ["deriveSecrets", "encrypt", "decrypt", "calculateMAC"]) expect(typeof crypto[name], name).toBe("function");
    expect(() => (crypto["deriveSecrets"] as () => void)()).toThrow(/libsignal stub/);
  });
});
