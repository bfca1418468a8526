"use client";

import { useRef, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/text-field";
import { ActionMessage } from "@/app/(console)/admin/_components/action-message";
import { SelectField } from "@/app/(console)/admin/_components/select-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { createUserAction } from "./actions";

/** "Create a user" with an initial password the admin hands over. */
export function CreateUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const { result, pending, run } = useAdminAction(createUserAction);
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(new FormData(event.currentTarget), () => formRef.current?.reset());
  }

  return (
    <form ref={formRef} method="post" onSubmit={submit} aria-labelledby="create-user-title" className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="create-user-title" className="text-lg font-semibold">
        Create a user
      </h2>
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
        <option value="member">Member</option>
        <option value="admin">Admin</option>
      </SelectField>
      <ActionMessage result={result} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </Button>
      </div>
    </form>
  );
}
