"use client";

import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { createUserAction } from "./actions";
import { RoleOptions } from "./role-options";

/** "Create a user" with an initial password the admin hands over. */
export function CreateUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const { result, pending, submit } = useAdminAction(createUserAction);
  const failure = result && !result.ok ? result : null;

  return (
    <AdminFormCard
      titleId="create-user-title"
      title="Create a user"
      onSubmit={(event) => submit(event, (form) => form.reset())}
      result={result}
      pending={pending}
      submitLabel="Create user"
      pendingLabel="Creating…"
    >
      <TextField id="create-email" label="Email" name="email" type="email" required autoComplete="off" error={failure?.fieldErrors?.email} />
      <TextField id="create-name" label="Name (optional)" name="name" maxLength={200} autoComplete="off" error={failure?.fieldErrors?.name} />
      <TextField
        id="create-password"
        label="Initial password"
        name="password"
        type="password"
        required
        minLength={minPasswordLength}
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters. Tell it to them privately.`}
        error={failure?.fieldErrors?.password}
      />
      <SelectField id="create-role" label="Role" name="role" defaultValue="member" error={failure?.fieldErrors?.role}>
        <RoleOptions />
      </SelectField>
    </AdminFormCard>
  );
}
