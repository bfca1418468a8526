"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { TextField } from "@/app/_components/text-field";
import { acceptInviteAction, type AcceptInviteResult } from "./actions";

/**
 * The invitee chooses a password, and is signed in with it at once (as sign-up does). Should that
 * sign-in fail, the account still exists: they are offered the sign-in page instead.
 */
export function AcceptInviteForm({ token, email, minPasswordLength }: { token: string; email: string; minPasswordLength: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<AcceptInviteResult | null>(null);
  const failure = result && !result.ok ? result : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const form = new FormData(event.currentTarget);
    let outcome: AcceptInviteResult;
    try {
      outcome = await acceptInviteAction(form);
    } catch {
      outcome = { ok: false, message: "Could not reach the hub. Try again in a moment.", fieldErrors: {} };
    }
    if (outcome.ok) {
      const signedIn = await signIn("credentials", { email: outcome.email, password: String(form.get("password")), redirect: false }).catch(() => undefined);
      if (signedIn?.ok) {
        router.replace("/keys");
        router.refresh();
        return;
      }
    }
    setResult(outcome);
    setPending(false);
  }

  if (result?.ok) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold">Your account is ready</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Sign in as {result.email} with the password you just chose.</p>
        <Link href="/login" className={buttonClasses("primary")}>
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={submit} aria-labelledby="accept-title" className="flex flex-col gap-4">
      <h1 id="accept-title" className="text-xl font-semibold">
        Join Switchboard
      </h1>
      <p className="-mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        You were invited as <strong className="text-zinc-900 dark:text-zinc-100">{email}</strong>. Choose a password to finish.
      </p>
      <FormAlert message={failure?.message} />
      <input type="hidden" name="token" value={token} />
      <TextField label="Name (optional)" name="name" autoComplete="name" maxLength={200} error={failure?.fieldErrors.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        minLength={minPasswordLength}
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters.`}
        error={failure?.fieldErrors.password}
        autoFocus
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
