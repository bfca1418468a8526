"use server";

import { revalidatePath } from "next/cache";
import { createCommandTool } from "@/lib/command-tools/create-command-tool";
import { deleteCommandTool } from "@/lib/command-tools/delete-command-tool";
import { updateCommandTool } from "@/lib/command-tools/update-command-tool";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { parseAdminForm } from "@/lib/console/admin/parse-admin-form";
import { runAdminAction } from "@/lib/console/admin/run-admin-action";
import { commandToolFormSchema } from "@/lib/console/tools/command-tool-form-schema";
import { toolNameFormSchema } from "@/lib/console/tools/tool-form-schemas";

const FORM_FIELDS = ["name", "version", "title", "description", "argv", "parameters", "workingDir", "timeoutSeconds", "maxOutputKb", "public"] as const;

function readCommandToolForm(formData: FormData) {
  return parseAdminForm(commandToolFormSchema, Object.fromEntries(FORM_FIELDS.map((field) => [field, formData.get(field) ?? undefined])));
}

/** Registers a new command tool (the service checks argv placeholders, patterns, folder; audits; notifies sessions). */
export async function createCommandToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("create the command tool", async ({ actor }) => {
    const form = readCommandToolForm(formData);
    if (!form.ok) return form;
    await createCommandTool({ definition: form.data, actor });
    revalidatePath("/admin/command-tools");
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${form.data.name} is registered. Admins can call it now; grant it to members on the Tools page.` };
  });
}

/** Replaces a command tool's definition; a breaking schema change is refused by the service (use a new name). */
export async function updateCommandToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("save the command tool", async ({ actor }) => {
    const form = readCommandToolForm(formData);
    if (!form.ok) return form;
    await updateCommandTool({ name: form.data.name, definition: form.data, actor });
    revalidatePath("/admin/command-tools");
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${form.data.name} is saved; connected clients see the new definition.` };
  });
}

/** Deletes a command tool with its grants. */
export async function deleteCommandToolAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("delete the command tool", async ({ actor }) => {
    const form = parseAdminForm(toolNameFormSchema, { name: formData.get("name") });
    if (!form.ok) return form;
    await deleteCommandTool({ name: form.data.name, actor });
    revalidatePath("/admin/command-tools");
    revalidatePath("/tools", "layout");
    return { ok: true, message: `${form.data.name} is deleted.` };
  });
}
