"use client";

import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/text-field";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { setRolePolicyAction } from "./actions";

/** One role's limit: the policy text (blank = default) and Save. */
export function RolePolicyForm({ role, label, policy, overridden, defaultPolicy }: { role: string; label: string; policy: string; overridden: boolean; defaultPolicy: string }) {
  const { result, pending, submit } = useAdminAction(setRolePolicyAction);
  const failure = result && !result.ok ? result : null;

  return (
    <form method="post" onSubmit={submit} aria-labelledby={`policy-${role}-title`} className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`policy-${role}-title`} className="font-semibold">
        {label}s
      </h2>
      <p className="-mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Now: <code className="font-mono">{policy}</code> {overridden ? "(set for this role)" : "(the default)"}
      </p>
      <input type="hidden" name="role" value={role} />
      <TextField
        id={`policy-${role}`}
        label={`Tool calls per key for ${label.toLowerCase()}s`}
        name="policy"
        defaultValue={overridden ? policy : ""}
        placeholder={defaultPolicy}
        hint={`<calls>/<window>, e.g. 600/1m or 1000/1h. Leave blank for the default (${defaultPolicy}).`}
        error={failure?.fieldErrors?.policy}
      />
      <ActionMessage result={result} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
