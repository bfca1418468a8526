"use client";

import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { renameServerAction } from "./actions";

/**
 * Renames a server: its tools become NEW__TOOL, with their grants, keys' tool lists and
 * deprecations; call logs keep the names that were called. Sent with the settings version the
 * page was loaded with, so a rename over someone else's newer change is refused.
 */
export function RenameServerForm({ server }: { server: { name: string; settingsVersion: string } }) {
  const { result, pending, submit } = useAdminAction(renameServerAction);
  const id = `rename-${server.name}`;
  return (
    <AdminFormCard titleId={`${id}-title`} title={`Rename ${server.name}`} onSubmit={(event) => submit(event)} result={result} pending={pending} submitLabel="Rename" pendingLabel="Renaming…">
      <input type="hidden" name="server" value={server.name} />
      <input type="hidden" name="expectedVersion" value={server.settingsVersion} />
      <TextField
        id={`${id}-name`}
        label="New name"
        name="newName"
        required
        maxLength={32}
        autoComplete="off"
        hint={`Lowercase letters, digits and hyphens. Its tools become NEW__TOOL (now ${server.name}__…); clients are told their lists changed.`}
        error={result && !result.ok ? result.fieldErrors?.newName : undefined}
      />
    </AdminFormCard>
  );
}
