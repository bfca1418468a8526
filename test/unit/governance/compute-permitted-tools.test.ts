import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "@/lib/generated/prisma/enums";
import { computePermittedTools } from "@/lib/permissions/compute-permitted-tools";

const TOOLS = [
  { name: "echo", public: true },
  { name: "notes_search", public: false },
  { name: "workspace_read", public: false },
  { name: "run_tests", public: false },
  { name: "brand_new", public: false },
];

describe("computePermittedTools (permission matrix)", () => {
  const cases: { name: string; role: Role; roleGrants?: string[]; userGrants?: string[]; allowedTools?: string[]; expected: string[] }[] = [
    { name: "member without grants: public tools only", role: "member", expected: ["echo"] },
    { name: "member with a role grant", role: "member", roleGrants: ["notes_search"], expected: ["echo", "notes_search"] },
    { name: "member with a user grant", role: "member", userGrants: ["run_tests"], expected: ["echo", "run_tests"] },
    { name: "role and user grants add up", role: "member", roleGrants: ["notes_search"], userGrants: ["workspace_read"], expected: ["echo", "notes_search", "workspace_read"] },
    { name: "key narrowing keeps only allowed tools", role: "member", roleGrants: ["notes_search", "workspace_read"], allowedTools: ["notes_search"], expected: ["notes_search"] },
    { name: "key narrowing cannot add an ungranted tool", role: "member", allowedTools: ["run_tests", "echo"], expected: ["echo"] },
    { name: "key narrowing applies to public tools too", role: "member", roleGrants: ["notes_search"], allowedTools: ["notes_search"], expected: ["notes_search"] },
    { name: "admin gets every tool, new ones included", role: "admin", expected: ["brand_new", "echo", "notes_search", "run_tests", "workspace_read"] },
    { name: "admin key narrowed", role: "admin", allowedTools: ["run_tests"], expected: ["run_tests"] },
    { name: "grants of tools not in the catalogue are ignored", role: "member", roleGrants: ["gone_tool"], userGrants: ["also_gone"], expected: ["echo"] },
    { name: "allowedTools naming unknown tools yields nothing", role: "admin", allowedTools: ["nope"], expected: [] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const permitted = computePermittedTools({
        tools: TOOLS,
        role: testCase.role,
        roleGrants: new Set(testCase.roleGrants ?? []),
        userGrants: new Set(testCase.userGrants ?? []),
        allowedTools: testCase.allowedTools ?? [],
      });
      assert.deepEqual([...permitted].sort(), testCase.expected);
    });
  }
});
