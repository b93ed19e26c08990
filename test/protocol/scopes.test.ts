import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLI_DEFAULT_OPERATOR_SCOPES,
  isMethodClassified,
  methodDenialError,
  methodScopeDecision,
  normalizeDeviceAuthScopes,
  resolveMissingRequestedScope,
  roleScopesAllow,
} from "../../src/protocol/index.ts";

const ADMIN = "operator.admin";
const READ = "operator.read";
const WRITE = "operator.write";
const PAIRING = "operator.pairing";
const APPROVALS = "operator.approvals";

const scopeArb = fc.oneof(
  fc.constantFrom(ADMIN, READ, WRITE, PAIRING, APPROVALS, "operator.talk.secrets", "node.camera", " operator.read ", "", "  "),
  fc.string({ maxLength: 8 }),
);
const operatorScopeArb = fc.constantFrom(ADMIN, READ, WRITE, PAIRING, APPROVALS, "operator.talk.secrets");

describe("normalizeDeviceAuthScopes (§6.1)", () => {
  it("trims, dedupes, adds implied scopes and sorts", () => {
    expect(normalizeDeviceAuthScopes([" operator.admin ", "operator.pairing", "operator.admin", ""])).toEqual([
      ADMIN,
      PAIRING,
      READ,
      WRITE,
    ]);
    expect(normalizeDeviceAuthScopes([WRITE])).toEqual([READ, WRITE]);
    expect(normalizeDeviceAuthScopes([ADMIN], { impliedScopes: false })).toEqual([ADMIN]);
    expect(normalizeDeviceAuthScopes(undefined)).toEqual([]);
    expect(normalizeDeviceAuthScopes([1, null, "x"])).toEqual(["x"]);
  });

  it("property: output is sorted, unique, trimmed, non-blank, closed under the implications, idempotent", () => {
    fc.assert(
      fc.property(fc.array(scopeArb, { maxLength: 10 }), (scopes) => {
        const out = normalizeDeviceAuthScopes(scopes);
        expect(out).toEqual([...new Set(out)].sort());
        for (const scope of out) expect(scope).toBe(scope.trim());
        expect(out.includes("")).toBe(false);
        if (out.includes(ADMIN)) expect(out).toEqual(expect.arrayContaining([READ, WRITE]));
        if (out.includes(WRITE)) expect(out).toContain(READ);
        expect(normalizeDeviceAuthScopes(out)).toEqual(out);
        const allowed = new Set([...scopes.map((s) => s.trim()), READ, WRITE]);
        for (const scope of out) expect(allowed.has(scope)).toBe(true);
      }),
    );
  });
});

describe("roleScopesAllow (§6.1)", () => {
  it("operator examples", () => {
    expect(roleScopesAllow("operator", [READ], [ADMIN])).toBe(true);
    expect(roleScopesAllow("operator", [READ], [WRITE])).toBe(true);
    expect(roleScopesAllow("operator", [WRITE], [READ])).toBe(false);
    expect(roleScopesAllow("operator", [PAIRING], [READ, WRITE])).toBe(false);
    expect(roleScopesAllow("operator", ["node.camera"], [ADMIN])).toBe(false);
    expect(roleScopesAllow("operator", [], [])).toBe(true);
    expect(roleScopesAllow("operator", [READ], [])).toBe(false);
    expect(resolveMissingRequestedScope("operator", [READ, PAIRING, ADMIN], [WRITE])).toBe(PAIRING);
  });

  it("other roles need the exact scope under their own prefix", () => {
    expect(roleScopesAllow("node", ["node.camera"], ["node.camera"])).toBe(true);
    expect(roleScopesAllow("node", ["node.camera"], ["node.screen"])).toBe(false);
    expect(roleScopesAllow("node", [READ], [READ, ADMIN])).toBe(false);
  });

  it("property: an empty (or blank-only) request is always allowed", () => {
    fc.assert(
      fc.property(fc.constantFrom("operator", "node"), fc.array(fc.constantFrom("", " ", "\t")), fc.array(scopeArb), (role, requested, approved) => {
        expect(roleScopesAllow(role, requested, approved)).toBe(true);
      }),
    );
  });

  it("property: requesting a subset of the approved operator scopes is allowed", () => {
    fc.assert(
      fc.property(fc.array(operatorScopeArb, { minLength: 1 }), fc.nat(), (approved, pick) => {
        const requested = approved.filter((_, index) => (pick >> index) & 1);
        expect(roleScopesAllow("operator", requested, approved)).toBe(true);
      }),
    );
  });

  it("property: admin covers every operator scope and nothing outside operator.*", () => {
    fc.assert(
      fc.property(fc.array(operatorScopeArb), fc.string({ minLength: 1 }).filter((s) => s.trim() !== "" && !s.trim().startsWith("operator.")), (requested, foreign) => {
        expect(roleScopesAllow("operator", requested, [ADMIN])).toBe(true);
        expect(roleScopesAllow("operator", [...requested, foreign], [ADMIN])).toBe(false);
      }),
    );
  });

  it("property: granting more never takes anything away", () => {
    fc.assert(
      fc.property(fc.constantFrom("operator", "node"), fc.array(scopeArb), fc.array(scopeArb), fc.array(scopeArb), (role, requested, approved, extra) => {
        if (roleScopesAllow(role, requested, approved)) {
          expect(roleScopesAllow(role, requested, [...approved, ...extra])).toBe(true);
        }
      }),
    );
  });

  it("property: write implies read, and read never implies write", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(PAIRING, APPROVALS)), (others) => {
        expect(roleScopesAllow("operator", [READ], [WRITE, ...others])).toBe(true);
        expect(roleScopesAllow("operator", [WRITE], [READ, ...others])).toBe(false);
      }),
    );
  });
});

describe("methodScopeDecision (§4.6, §6.4)", () => {
  it("health needs nothing, for any role", () => {
    expect(methodScopeDecision("health", "operator", [])).toEqual({ ok: true });
    expect(methodScopeDecision("health", "node", [])).toEqual({ ok: true });
  });

  it("status needs operator.read (write implies read)", () => {
    expect(methodScopeDecision("status", "operator", [])).toEqual({
      ok: false,
      kind: "scope",
      missingScope: READ,
      requiredScopes: [READ],
    });
    expect(methodScopeDecision("status", undefined, [WRITE])).toEqual({ ok: true });
    expect(methodScopeDecision("status", "operator", [READ])).toEqual({ ok: true });
  });

  it("write and pairing methods", () => {
    expect(methodScopeDecision("chat.send", "operator", [READ])).toMatchObject({ missingScope: WRITE });
    expect(methodScopeDecision("send", "operator", [WRITE])).toEqual({ ok: true });
    for (const method of ["device.pair.list", "device.pair.approve", "device.pair.reject", "device.pair.remove", "device.token.rotate", "device.token.revoke"]) {
      expect(methodScopeDecision(method, "operator", [READ, WRITE])).toMatchObject({ missingScope: PAIRING, requiredScopes: [PAIRING] });
      expect(methodScopeDecision(method, "operator", [PAIRING])).toEqual({ ok: true });
    }
  });

  it("admin satisfies everything an operator may call; unknown methods need admin", () => {
    for (const method of ["status", "chat.send", "device.token.revoke", "config.set", "who.knows"]) {
      expect(methodScopeDecision(method, "operator", [ADMIN])).toEqual({ ok: true });
    }
    expect(methodScopeDecision("who.knows", "operator", CLI_DEFAULT_OPERATOR_SCOPES.filter((s) => s !== ADMIN))).toMatchObject({
      missingScope: ADMIN,
    });
    expect(isMethodClassified("who.knows")).toBe(false);
    expect(isMethodClassified("config.set")).toBe(true);
  });

  it("node-only methods and roles", () => {
    expect(methodScopeDecision("node.event", "operator", [ADMIN])).toEqual({ ok: false, kind: "role", message: "unauthorized role: operator" });
    expect(methodScopeDecision("node.event", "node", [])).toEqual({ ok: true });
    expect(methodScopeDecision("status", "node", [])).toEqual({ ok: false, kind: "role", message: "unauthorized role: node" });
    expect(methodScopeDecision("status", "member", [ADMIN])).toEqual({ ok: false, kind: "role", message: "unauthorized role: member" });
  });

  it("denials become INVALID_REQUEST (mid) or FORBIDDEN with MISSING_SCOPE details (2026.9)", () => {
    const denied = methodScopeDecision("device.pair.list", "operator", []);
    if (denied.ok) throw new Error("expected a denial");
    expect(methodDenialError(denied, { missingScopeStyle: "invalid-request" })).toEqual({
      code: "INVALID_REQUEST",
      message: "missing scope: operator.pairing",
    });
    expect(methodDenialError(denied, { missingScopeStyle: "forbidden" })).toEqual({
      code: "FORBIDDEN",
      message: "missing scope: operator.pairing",
      details: { code: "MISSING_SCOPE", missingScope: PAIRING, requiredScopes: [PAIRING] },
    });
    const role = methodScopeDecision("node.event", "operator", []);
    if (role.ok) throw new Error("expected a denial");
    expect(methodDenialError(role, { missingScopeStyle: "forbidden" })).toEqual({
      code: "INVALID_REQUEST",
      message: "unauthorized role: operator",
    });
  });
});
