"use client";

import { CopyButton } from "@/app/_components/copy-button";
import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { inviteUserAction } from "./actions";
import { RoleOptions } from "./role-options";

/** "Invite by link": makes a one-time link (shown once) with which the invitee sets a password. */
export function InviteUserForm() {
  const { result, pending, submit } = useAdminAction(inviteUserAction);
  const failure = result && !result.ok ? result : null;
  const inviteUrl = result?.ok ? result.inviteUrl : undefined;

  return (
    <AdminFormCard
      titleId="invite-title"
      title="Invite by link"
      onSubmit={(event) => submit(event, (form) => form.reset())}
      result={result}
      pending={pending}
      submitLabel="Create invitation link"
      pendingLabel="Creating link…"
      afterAnswer={
        inviteUrl ? (
          <div className="flex items-start gap-2">
            <pre aria-label="Invitation link" className="min-w-0 flex-1 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">
              {inviteUrl}
            </pre>
            <CopyButton text={inviteUrl} label="the invitation link" />
          </div>
        ) : null
      }
    >
      <p className="-mt-2 text-sm text-zinc-600 dark:text-zinc-400">They choose their own password. The link works once, for 7 days.</p>
      <TextField id="invite-email" label="Email" name="email" type="email" required autoComplete="off" error={failure?.fieldErrors?.email} />
      <SelectField id="invite-role" label="Role" name="role" defaultValue="member" error={failure?.fieldErrors?.role}>
        <RoleOptions />
      </SelectField>
    </AdminFormCard>
  );
}
