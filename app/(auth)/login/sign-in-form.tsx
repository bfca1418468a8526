"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { TextField } from "@/app/_components/text-field";
import { describeSignInError } from "@/lib/auth/describe-sign-in-error";
import type { SsoProviderOption } from "@/lib/auth/list-sso-providers";

/** Email + password sign-in through next-auth's Credentials provider, plus any SSO buttons. */
export function SignInForm({
  callbackPath,
  ssoProviders,
  initialError,
}: {
  callbackPath: string;
  ssoProviders: SsoProviderOption[];
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    // redirect:false keeps us on the address in use; next-auth would redirect to its absolute NEXTAUTH_URL.
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    if (!result || result.error) {
      setError(describeSignInError(result?.error ?? "CredentialsSignin"));
      setPending(false);
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-5">
      <form method="post" onSubmit={handleSubmit} className="flex flex-col gap-4">
        <FormAlert message={error} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {ssoProviders.length > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-center text-xs text-zinc-500 uppercase dark:text-zinc-400">or</p>
          {ssoProviders.map((provider) => (
            <Button key={provider.id} variant="secondary" onClick={() => signIn(provider.id, { callbackUrl: callbackPath })}>
              {provider.label}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
