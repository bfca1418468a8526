import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getConsoleUser } from "@/lib/auth/get-console-user";
import { getSignUpPolicy } from "@/lib/auth/get-sign-up-policy";
import { listSsoProviders } from "@/lib/auth/list-sso-providers";
import { describeSignInError } from "@/lib/auth/describe-sign-in-error";
import { safeCallbackPath } from "@/lib/console/safe-callback-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getConsoleUser()) redirect(callbackPath);
  const signUp = await getSignUpPolicy();
  const initialError = typeof params.error === "string" ? describeSignInError(params.error) : null;

  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">Use your Switchboard account to manage keys and tools.</p>
      <SignInForm callbackPath={callbackPath} ssoProviders={listSsoProviders()} initialError={initialError} />
      {signUp.ok ? (
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {signUp.role === "admin" ? "New hub? " : "No account yet? "}
          <Link href="/signup" className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400">
            {signUp.role === "admin" ? "Create the admin account" : "Sign up"}
          </Link>
        </p>
      ) : null}
    </>
  );
}
