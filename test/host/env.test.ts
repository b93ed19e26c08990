import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fillFromDotEnv, mergeEnvLayers, parseDotEnv, renderDotEnv } from "../../src/host/index.ts";

describe(".env files", () => {
  it("parses KEY=value lines, comments, export, quotes; the last assignment wins", () => {
    const parsed = parseDotEnv(
      ['# comment', 'export OPENCLAW_GATEWAY_TOKEN=abc', "A='single # kept'", 'B="x\\"y"', "C=plain # trailing", "A=2", "bad line", ""].join("\n"),
    );
    expect(parsed.vars).toEqual({ OPENCLAW_GATEWAY_TOKEN: "abc", A: "2", B: 'x"y', C: "plain" });
    expect(parsed.issues).toEqual([{ line: 7, message: "expected KEY=value" }]);
  });

  it("render/parse round trip", () => {
    const key = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.string()), (vars) => {
        expect(parseDotEnv(renderDotEnv(vars)).vars).toEqual(vars);
      }),
    );
  });

  it("dotenv never overrides; explicit layers do", () => {
    expect(fillFromDotEnv({ A: "shell" }, [{ A: "cwd", B: "cwd" }, { B: "state", C: "state" }])).toEqual({ A: "shell", B: "cwd", C: "state" });
    expect(mergeEnvLayers([{ A: "1" }, { A: "2" }])).toEqual({ A: "2" });
  });
});
