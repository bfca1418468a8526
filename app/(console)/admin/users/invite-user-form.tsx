"use client";

import { useRef, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { CopyButton } from "@/app/_components/copy-button";
import { TextField } from "@/app/_components/text-field";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { inviteUserAction } from "./actions";

/** "Invite by link": makes a one-time link (shown once) with which the invitee sets a password. */
export function InviteUserForm() {
  const { result, pending, run } = useAdminAction(inviteUserAction);
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;
  const inviteUrl = result?.ok ? result.inviteUrl : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(new FormData(event.currentTarget), () => formRef.current?.reset());
  }

  return (
    <form ref={formRef} method="post" onSubmit={submit} aria-labelledby="invite-title" className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="invite-title" className="text-lg font-semibold">
        Invite by link
      </h2>
      <p className="-mt-2 text-sm text-zinc-600 dark:text-zinc-400">They choose their own password. The link works once, for 7 days.</p>
      <TextField id="invite-email" label="Email" name="email" type="email" required autoComplete="off" error={failure?.fieldErrors?.email} />
      <SelectField id="invite-role" label="Role" name="role" defaultValue="member" error={failure?.fieldErrors?.role}>
        <option value="member">Member</option>
        <option value="admin">Admin</option>
      </SelectField>
      <ActionMessage result={result} />
      {inviteUrl ? (
        <div className="flex items-start gap-2">
          <pre aria-label="Invitation link" className="min-w-0 flex-1 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 dark:bg-black">
            {inviteUrl}
          </pre>
          <CopyButton text={inviteUrl} label="the invitation link" />
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating link…" : "Create invitation link"}
        </Button>
      </div>
    </form>
  );
}
