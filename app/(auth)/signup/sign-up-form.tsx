"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { TextField } from "@/app/_components/text-field";
import { signUpAction, type SignUpResult } from "./actions";

/** Creates the account through a Server Action, then signs in with the same credentials. */
export function SignUpForm({ minPasswordLength, submitLabel }: { minPasswordLength: number; submitLabel: string }) {
  const router = useRouter();
  const [result, setResult] = useState<SignUpResult | null>(null);
  const [pending, setPending] = useState(false);
  const failure = result && !result.ok ? result : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const form = new FormData(event.currentTarget);
    const outcome = await signUpAction(form);
    setResult(outcome);
    if (!outcome.ok) {
      setPending(false);
      return;
    }
    const signedIn = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    router.replace(signedIn?.ok ? "/keys" : "/login");
    router.refresh();
  }

  return (
    <form method="post" onSubmit={handleSubmit} className="flex flex-col gap-4">
      <FormAlert message={failure?.message} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus error={failure?.fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters. A passphrase works well.`}
        error={failure?.fieldErrors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : submitLabel}
      </Button>
    </form>
  );
}
