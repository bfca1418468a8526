"use client";

import { Button } from "@/app/_components/button";
import { LabelledField } from "@/app/_components/labelled-field";
import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { grantToolAction, revokeGrantAction } from "./actions";

interface GrantRow {
  id: string;
  role: string | null;
  userEmail: string | null;
}

/** "Who may call it": admins always, everyone for public tools, plus grants (add and remove). */
export function ToolGrants({ tool, grants, grantees }: { tool: { name: string; public: boolean }; grants: GrantRow[]; grantees: { id: string; email: string }[] }) {
  const { result, pending, submit } = useAdminAction(grantToolAction);

  return (
    <>
      <h2 className="text-sm font-medium">Who may call it</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{tool.public ? "Everyone: this tool is public." : "Admins, and:"}</p>
      {grants.length === 0 ? (
        tool.public ? null : <p className="text-sm text-zinc-600 dark:text-zinc-400">nobody else yet — grant it to members or to one person below.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {grants.map((grant) => {
            const who = grant.userEmail ?? `every ${grant.role}`;
            return (
              <li key={grant.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span>{who}</span>
                <ActionButton
                  label="Remove"
                  ariaLabel={`Remove the grant of ${tool.name} to ${who}`}
                  variant="danger"
                  action={revokeGrantAction}
                  fields={{ grantId: grant.id }}
                  confirm={{ title: `Remove ${tool.name} from ${who}?`, body: "Their keys lose the tool at once; connected clients are told the tool list changed.", confirmLabel: "Remove grant" }}
                />
              </li>
            );
          })}
        </ul>
      )}
      {tool.public ? null : (
        <form method="post" onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="name" value={tool.name} />
          <LabelledField id={`grant-${tool.name}`} name="grantee" label={`Grant ${tool.name} to`}>
            {(control) => (
              <select {...control} required defaultValue="" className="max-w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
                <option value="" disabled>
                  Pick a role or a person
                </option>
                <option value="role:member">Every member</option>
                {grantees.map((user) => (
                  <option key={user.id} value={`user:${user.id}`}>
                    {user.email}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Granting…" : "Grant"}
          </Button>
        </form>
      )}
      <div className="mt-2">
        <ActionMessage result={result} />
      </div>
    </>
  );
}
