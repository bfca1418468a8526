"use client";

import { Button } from "@/app/_components/button";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { changeRoleAction } from "./actions";
import { RoleOptions } from "./role-options";

/** Role picker on a user row; saving applies at once (the role decides which tools keys may call). */
export function ChangeRoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const { result, pending, submit } = useAdminAction(changeRoleAction);
  const selectId = `role-${userId}`;

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={selectId} className="sr-only">
          Role of {email}
        </label>
        <select id={selectId} name="role" defaultValue={role} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          <RoleOptions />
        </select>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Save the role of ${email}`}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
