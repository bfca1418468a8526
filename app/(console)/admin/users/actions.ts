"use server";

import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { createInvite } from "@/lib/console/admin/create-invite";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { runAdminAction } from "@/lib/console/admin/run-admin-action";
import { revokeInvite } from "@/lib/console/admin/revoke-invite";
import { changeRoleFormSchema, createUserFormSchema, inviteUserFormSchema, revokeInviteFormSchema, setUserDisabledFormSchema } from "@/lib/console/admin/user-form-schemas";
import { getEnv } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { setUserRole } from "@/lib/users/set-user-role";

// Each action: admin re-checked on the server, form validated with zod, one user service call
// (which writes the audit log and publishes the hub event), then the page re-renders.

/** Creates a user with an initial password. */
export async function createUserAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("create the user", async ({ actor }) => {
    const form = parseAdminForm(createUserFormSchema, { email: formData.get("email"), password: formData.get("password"), role: formData.get("role"), name: formData.get("name") });
    if (!form.ok) return form;
    const user = await createUser({ ...form.data, actor });
    revalidatePath("/admin/users");
    return { ok: true, message: `Created ${user.role} ${user.email}. Give them the password through a private channel.` };
  });
}

/** Creates a one-time invitation link; the link is in the answer and nowhere else. */
export async function inviteUserAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("create the invitation", async ({ actor }) => {
    const form = parseAdminForm(inviteUserFormSchema, { email: formData.get("email"), role: formData.get("role") });
    if (!form.ok) return form;
    const invite = await createInvite({ ...form.data, actor });
    revalidatePath("/admin/users");
    return {
      ok: true,
      message: `Invitation for ${form.data.email} created. Copy the link now: it is shown only once and works once, for 7 days.`,
      inviteUrl: new URL(`/invite/${invite.token}`, getEnv().publicUrl).toString(),
    };
  });
}

/** Withdraws an open invitation: its link stops working at once. */
export async function revokeInviteAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("withdraw the invitation", async ({ actor }) => {
    const form = parseAdminForm(revokeInviteFormSchema, { inviteId: formData.get("inviteId") });
    if (!form.ok) return form;
    const invite = await revokeInvite({ ...form.data, actor });
    revalidatePath("/admin/users");
    return { ok: true, message: `Invitation for ${invite.email} withdrawn.` };
  });
}

/** Changes a user's role. */
export async function changeRoleAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("change the role", async ({ actor }) => {
    const form = parseAdminForm(changeRoleFormSchema, { userId: formData.get("userId"), role: formData.get("role") });
    if (!form.ok) return form;
    const user = await setUserRole({ ...form.data, actor });
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} is now ${user.role === "admin" ? "an admin" : "a member"}.` };
  });
}

/** Disables a user (keys and console sessions stop working at once) or re-enables them. */
export async function setUserDisabledAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("change the account", async ({ actor }) => {
    const form = parseAdminForm(setUserDisabledFormSchema, { userId: formData.get("userId"), disabled: formData.get("disabled") });
    if (!form.ok) return form;
    const user = await disableUser({ ...form.data, actor });
    revalidatePath("/admin/users");
    return { ok: true, message: form.data.disabled ? `${user.email} is disabled: their keys, MCP sessions and console sign-in stopped working.` : `${user.email} is enabled again.` };
  });
}
