import assert from "node:assert/strict";
import { test } from "node:test";
import { acceptInviteFormSchema } from "@/lib/console/admin/accept-invite-form-schema";
import { auditFilterSchema } from "@/lib/console/admin/audit-filter-schema";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { rateLimitPolicyFormSchema } from "@/lib/console/admin/rate-limit-policy-form-schema";
import { changeRoleFormSchema, createUserFormSchema, inviteUserFormSchema, setUserDisabledFormSchema } from "@/lib/console/admin/user-form-schemas";

const USER_ID = "8c6f1b8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f";
const TOKEN = "A".repeat(43);
const FIELDS = "Check the highlighted fields.";

const CASES: { name: string; run: () => unknown; expected: unknown }[] = [
  {
    name: "create user: trims and lower-cases the email, member by default, blank name dropped",
    run: () => parseAdminForm(createUserFormSchema, { email: " Bob@Example.COM ", password: "long enough pass", role: undefined, name: "  " }),
    expected: { ok: true, data: { email: "bob@example.com", password: "long enough pass", role: "member", name: undefined } },
  },
  {
    name: "create user: short password and bad email",
    run: () => parseAdminForm(createUserFormSchema, { email: "bob", password: "short", role: "admin" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { email: "Enter a valid email address", password: "Use at least 12 characters" } },
  },
  {
    name: "create user: unknown role",
    run: () => parseAdminForm(createUserFormSchema, { email: "bob@example.com", password: "long enough pass", role: "owner" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { role: "Pick admin or member" } },
  },
  {
    name: "invite: admin role kept",
    run: () => parseAdminForm(inviteUserFormSchema, { email: "new@example.com", role: "admin" }),
    expected: { ok: true, data: { email: "new@example.com", role: "admin" } },
  },
  {
    name: "change role: user id must be a uuid",
    run: () => parseAdminForm(changeRoleFormSchema, { userId: "1", role: "admin" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { userId: "Unknown user" } },
  },
  {
    name: "disable: posted text becomes a boolean",
    run: () => parseAdminForm(setUserDisabledFormSchema, { userId: USER_ID, disabled: "true" }),
    expected: { ok: true, data: { userId: USER_ID, disabled: true } },
  },
  {
    name: "rate limit: blank means back to the default",
    run: () => parseAdminForm(rateLimitPolicyFormSchema, { role: "member", policy: "  " }),
    expected: { ok: true, data: { role: "member", policy: null } },
  },
  {
    name: "rate limit: a valid policy is kept as typed",
    run: () => parseAdminForm(rateLimitPolicyFormSchema, { role: "admin", policy: "600/1m" }),
    expected: { ok: true, data: { role: "admin", policy: "600/1m" } },
  },
  {
    name: "rate limit: the service's parser explains a bad policy",
    run: () => parseAdminForm(rateLimitPolicyFormSchema, { role: "member", policy: "ten a minute" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { policy: 'Invalid rate limit "ten a minute": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h' } },
  },
  {
    name: "accept invite: malformed token",
    run: () => parseAdminForm(acceptInviteFormSchema, { token: "abc", password: "long enough pass" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { token: "This invitation link is incomplete" } },
  },
  {
    name: "accept invite: well-formed",
    run: () => parseAdminForm(acceptInviteFormSchema, { token: TOKEN, password: "long enough pass", name: " Ada " }),
    expected: { ok: true, data: { token: TOKEN, password: "long enough pass", name: "Ada" } },
  },
  {
    name: "audit filter: blanks dropped, dates parsed, prefix actions allowed",
    run: () => parseAdminForm(auditFilterSchema, { actor: "", action: "grant.", targetType: "", targetId: "", from: "2026-11-01T00:00:00.000Z", to: "", cursor: "" }),
    expected: { ok: true, data: { actor: undefined, action: "grant.", targetType: undefined, targetId: undefined, from: new Date("2026-11-01T00:00:00.000Z"), to: undefined, cursor: undefined } },
  },
  {
    name: "audit filter: bad action and cursor",
    run: () => parseAdminForm(auditFilterSchema, { action: "DROP TABLE", cursor: "abc" }),
    expected: { ok: false, message: FIELDS, fieldErrors: { action: "Use an action such as grant.add or a prefix such as grant.", cursor: "Invalid string: must match pattern /^\\d+$/" } },
  },
];

for (const { name, run, expected } of CASES) {
  test(name, () => assert.deepEqual(run(), expected));
}
