import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getConsoleUser } from "@/lib/auth/get-console-user";
import { getSignUpPolicy } from "@/lib/auth/get-sign-up-policy";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/create-user";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await getConsoleUser()) redirect("/keys");
  const policy = await getSignUpPolicy();
  const firstUser = policy.ok && policy.role === "admin";
  return (
    <>
      <h1 className="text-xl font-semibold">{policy.ok ? (firstUser ? "Create the admin account" : "Create your account") : "Sign-up is closed"}</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">
        {policy.ok
          ? firstUser
            ? "You are the first person here, so this account will administer the hub."
            : "Your account can mint keys and use the tools an admin grants you."
          : policy.message}
      </p>
      {policy.ok ? <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} submitLabel={firstUser ? "Create admin account" : "Create account"} /> : null}
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </>
  );
}
