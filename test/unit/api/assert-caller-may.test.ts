import assert from "node:assert/strict";
import { test } from "node:test";
import type { ApiCaller } from "@/lib/api/api-caller";
import { assertCallerMay } from "@/lib/api/assert-caller-may";
import type { RoleCapability } from "@/lib/permissions/principal-may";
import { callerMay } from "@/lib/api/caller-may";
import { HubError } from "@/lib/errors/hub-error";
import type { Role } from "@/lib/generated/prisma/enums";

const ADMIN_ONLY = "Forbidden: only admin users may do this.";
const TOOL_LIMITED_KEY = "This key is limited to specific tools and cannot administer the hub; use an unrestricted key or the console.";

type Caller = Pick<ApiCaller, "role" | "via" | "principal">;

function callerOf(role: Role, via: ApiCaller["via"], allowedTools: string[] = []): Caller {
  return { role, via, principal: { userId: "u", email: "u@example.test", role, keyId: "k", keyPrefix: "sb_x", allowedTools, rateLimitPolicy: null } };
}

const CASES: { name: string; caller: Caller; capability: RoleCapability; refusal: string | null }[] = [
  { name: "admin session manages the hub", caller: callerOf("admin", "session"), capability: "manageHub", refusal: null },
  { name: "admin session sees all usage", caller: callerOf("admin", "session"), capability: "seeAllUsage", refusal: null },
  { name: "unrestricted admin key manages the hub", caller: callerOf("admin", "key"), capability: "manageHub", refusal: null },
  { name: "tool-limited admin key may not manage the hub", caller: callerOf("admin", "key", ["echo"]), capability: "manageHub", refusal: TOOL_LIMITED_KEY },
  { name: "tool-limited admin key may not see all usage", caller: callerOf("admin", "key", ["echo"]), capability: "seeAllUsage", refusal: TOOL_LIMITED_KEY },
  { name: "member session may not manage the hub", caller: callerOf("member", "session"), capability: "manageHub", refusal: ADMIN_ONLY },
  { name: "member key may not see all usage", caller: callerOf("member", "key"), capability: "seeAllUsage", refusal: ADMIN_ONLY },
  { name: "tool-limited member key gets the role message", caller: callerOf("member", "key", ["echo"]), capability: "manageHub", refusal: ADMIN_ONLY },
  { name: "member may not call all tools", caller: callerOf("member", "session"), capability: "allTools", refusal: ADMIN_ONLY },
];

for (const { name, caller, capability, refusal } of CASES) {
  test(`assertCallerMay: ${name}`, () => {
    assert.equal(callerMay(caller, capability), refusal === null);
    if (refusal === null) return assert.doesNotThrow(() => assertCallerMay(caller, capability));
    assert.throws(
      () => assertCallerMay(caller, capability),
      (error) => error instanceof HubError && error.code === "forbidden" && error.message === refusal,
    );
  });
}
