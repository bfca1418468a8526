import assert from "node:assert/strict";
import { test } from "node:test";
import { assertRoleParam } from "@/lib/api/assert-role-param";
import { assertUuidParam } from "@/lib/api/assert-uuid-param";
import { HubError } from "@/lib/errors/hub-error";

const isNotFound = (message: string) => (error: unknown) => error instanceof HubError && error.code === "not_found" && error.message === message;

test("assertUuidParam: a UUID passes through, in any case", () => {
  assert.equal(assertUuidParam("8C6F1B8E-1D2A-4C3B-9E4F-5A6B7C8D9E0F", "User"), "8C6F1B8E-1D2A-4C3B-9E4F-5A6B7C8D9E0F");
});

for (const value of ["42", "", "8c6f1b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0", "8c6f1b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0fz", "' OR 1=1 --"]) {
  test(`assertUuidParam: ${JSON.stringify(value)} is not found`, () => {
    assert.throws(() => assertUuidParam(value, "User"), isNotFound(`User ${value} not found`));
  });
}

test("assertRoleParam: known roles pass", () => {
  assert.equal(assertRoleParam("admin"), "admin");
  assert.equal(assertRoleParam("member"), "member");
});

for (const value of ["owner", "Admin", "toString", "__proto__"]) {
  test(`assertRoleParam: ${value} is not found`, () => {
    assert.throws(() => assertRoleParam(value), isNotFound(`Role ${value} not found: expected one of admin, member`));
  });
}
