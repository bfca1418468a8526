"use server";

import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { rateLimitPolicyFormSchema } from "@/lib/console/admin/rate-limit-policy-form-schema";
import { runAdminAction } from "@/lib/console/admin/run-admin-action";
import { setRoleRateLimitPolicy } from "@/lib/rate-limit/set-role-rate-limit-policy";

/** Sets (or, blank, removes) a role's tools/call rate limit; audited by the service, effective at once. */
export async function setRolePolicyAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("save the rate limit", async ({ actor }) => {
    const form = parseAdminForm(rateLimitPolicyFormSchema, { role: formData.get("role"), policy: formData.get("policy") ?? "" });
    if (!form.ok) return form;
    const stored = await setRoleRateLimitPolicy({ ...form.data, actor });
    revalidatePath("/admin/policies");
    return { ok: true, message: stored ? `Keys of every ${form.data.role} may now make ${stored} tool calls.` : `Every ${form.data.role} is back on the default limit.` };
  });
}
