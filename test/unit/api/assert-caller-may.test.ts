import assert from "node:assert/strict";
import { test } from "node:test";
import { assertCallerMay, type RoleCapability } from "@/lib/api/assert-caller-may";
import { HubError } from "@/lib/errors/hub-error";
import type { Role } from "@/lib/generated/prisma/enums";

const CASES: { role: Role; capability: RoleCapability; allowed: boolean }[] = [
  { role: "admin", capability: "manageHub", allowed: true },
  { role: "admin", capability: "seeAllUsage", allowed: true },
  { role: "member", capability: "manageHub", allowed: false },
  { role: "member", capability: "seeAllUsage", allowed: false },
  { role: "member", capability: "allTools", allowed: false },
];

for (const { role, capability, allowed } of CASES) {
  test(`assertCallerMay: ${role} ${allowed ? "may" : "may not"} ${capability}`, () => {
    if (allowed) return assert.doesNotThrow(() => assertCallerMay({ role }, capability));
    assert.throws(
      () => assertCallerMay({ role }, capability),
      (error) => error instanceof HubError && error.code === "forbidden" && error.message === "Forbidden: only admin users may do this.",
    );
  });
}
