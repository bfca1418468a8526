"use server";

import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { runAdminAction } from "@/lib/console/admin/run-admin-action";
import { deprecateToolFormSchema, grantToolFormSchema, revokeGrantFormSchema, setToolEnabledFormSchema, toolNameFormSchema } from "@/lib/console/tools/tool-form-schemas";
import { grantTool } from "@/lib/permissions/grant-tool";
import { revokeToolGrant } from "@/lib/permissions/revoke-tool-grant";
import { deprecateTool } from "@/lib/tool-catalog/deprecate-tool";
import { setToolEnabled } from "@/lib/tool-catalog/set-tool-enabled";
import { undeprecateTool } from "@/lib/tool-catalog/undeprecate-tool";

// Each action: admin re-checked on the server (runAdminAction), form validated with zod, one
// catalogue or permission service call (which audits and publishes the hub event that sends
// notifications/tools/list_changed to live sessions), then the page re-renders.

/** Enables or disables a tool. */
export async function setToolEnabledAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("change the tool", async ({ actor }) => {
    const form = parseAdminForm(setToolEnabledFormSchema, { name: formData.get("name"), enabled: formData.get("enabled") });
    if (!form.ok) return form;
    await setToolEnabled({ ...form.data, actor });
    revalidatePath("/tools", "layout");
    return { ok: true, message: form.data.enabled ? `${form.data.name} is enabled: clients see it again.` : `${form.data.name} is disabled: no client can list or call it.` };
  });
}

/** Flags a tool deprecated (message, replacement, sunset), or updates its deprecation. */
export async function deprecateToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("deprecate the tool", async ({ actor }) => {
    const form = parseAdminForm(deprecateToolFormSchema, {
      name: formData.get("name"),
      message: formData.get("message"),
      replacement: formData.get("replacement"),
      sunset: formData.get("sunset"),
    });
    if (!form.ok) return form;
    await deprecateTool({ ...form.data, actor });
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${form.data.name} is deprecated; connected clients were told the tool list changed.` };
  });
}

/** Clears a tool's deprecation. */
export async function undeprecateToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("clear the deprecation", async ({ actor }) => {
    const form = parseAdminForm(toolNameFormSchema, { name: formData.get("name") });
    if (!form.ok) return form;
    await undeprecateTool({ name: form.data.name, actor });
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${form.data.name} is no longer deprecated.` };
  });
}

/** Grants a tool to a role or a user. */
export async function grantToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("grant the tool", async ({ actor }) => {
    const form = parseAdminForm(grantToolFormSchema, { name: formData.get("name"), grantee: formData.get("grantee") });
    if (!form.ok) return form;
    const grant = await grantTool({ ...form.data, actor });
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${grant.toolName} granted to ${grant.userEmail ?? `every ${grant.role}`}.` };
  });
}

/** Removes one grant. */
export async function revokeGrantAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("remove the grant", async ({ actor }) => {
    const form = parseAdminForm(revokeGrantFormSchema, { grantId: formData.get("grantId") });
    if (!form.ok) return form;
    const grant = await revokeToolGrant({ grantId: form.data.grantId, actor });
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${grant.userEmail ?? `Every ${grant.role}`} may no longer call ${grant.toolName}.` };
  });
}
