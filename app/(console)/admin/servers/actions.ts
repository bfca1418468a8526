"use server";

import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/lib/console/admin/admin-action-result";
import { readServerEditForm } from "@/lib/console/servers/read-server-edit-form";
import { readServerForm, SERVER_FORM_FIELDS } from "@/lib/console/servers/read-server-form";
import { readServerNameField } from "@/lib/console/servers/read-server-name-field";
import { runAdminAction } from "@/lib/console/admin/run-admin-action";
import { addUpstreamServer } from "@/lib/upstreams/add-upstream-server";
import { approveUpstreamTools } from "@/lib/upstreams/approve-upstream-tools";
import { editUpstreamServer } from "@/lib/upstreams/edit-upstream-server";
import { removeUpstreamServer } from "@/lib/upstreams/remove-upstream-server";
import { renameUpstreamServer } from "@/lib/upstreams/rename-upstream-server";
import { testUpstreamServer } from "@/lib/upstreams/test-upstream-server";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

function refresh(): void {
  revalidatePath("/admin/servers");
  revalidatePath("/tools");
}

/** Registers a server: connects, lists its tools and approves them (nothing is stored when that fails). */
export async function addServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("add the server", async ({ actor }) => {
    const form = readServerForm(Object.fromEntries(SERVER_FORM_FIELDS.map((field) => [field, text(formData, field)])));
    if (!form.ok) return form;
    const added = await addUpstreamServer({ spec: form.spec, actor });
    refresh();
    return { ok: true, message: `${added.server.name} is connected with ${added.tools.length} tool(s). Grant them to members on the Tools page (or grant ${added.server.name}__*).` };
  });
}

/** Saves a server's changed settings once they connect; every instance reconnects with them. */
export async function editServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("save the server", async ({ actor }) => {
    const values = Object.fromEntries([...formData.entries()].flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
    const name = readServerNameField(formData.get("server"));
    const form = readServerEditForm(values);
    if (!form.ok) return form;
    const edited = await editUpstreamServer({ name, edit: form.edit, actor });
    refresh();
    const held = edited.held.length > 0 ? ` Held for review (changed or new): ${edited.held.join(", ")}.` : "";
    return { ok: true, message: `${name} is saved and reconnects with the new settings; it lists ${edited.tools.length} tool(s).${held}` };
  });
}

/** Renames a server and its tools (NEW__TOOL), with their grants; every instance picks it up. */
export async function renameServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("rename the server", async ({ actor }) => {
    const renamed = await renameUpstreamServer({ name: readServerNameField(formData.get("server")), newName: text(formData, "newName")?.trim() ?? "", expectedVersion: text(formData, "expectedVersion") || undefined, actor });
    refresh();
    return { ok: true, message: `${renamed.renamed.from} is now ${renamed.renamed.to}; its ${renamed.tools.length} tool(s) are ${renamed.renamed.to}__…, with their grants. Call logs keep the old names.` };
  });
}

/** Approves the held changes of a server (all, or the one tool named in the form, in the version its fingerprint names). */
export async function approveServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("approve the change", async ({ actor }) => {
    const approved = await approveUpstreamTools({ serverName: readServerNameField(formData.get("server")), toolName: text(formData, "tool") || undefined, fingerprint: text(formData, "fingerprint") || undefined, actor });
    refresh();
    return { ok: true, message: `Approved ${approved.map((tool) => tool.name).join(", ")}; connected clients see it now.` };
  });
}

/** Connects to a server once with its stored settings. */
export async function testServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("test the server", async () => ({ ok: true, message: await testUpstreamServer(readServerNameField(formData.get("server"))) }));
}

/** Unregisters a server and its tools. */
export async function removeServerAction(formData: FormData): Promise<AdminActionResult> {
  return runAdminAction("remove the server", async ({ actor }) => {
    const name = readServerNameField(formData.get("server"));
    await removeUpstreamServer({ name, actor });
    refresh();
    return { ok: true, message: `${name} is removed.` };
  });
}
