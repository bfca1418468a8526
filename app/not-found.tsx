import Link from "next/link";
import { BrandLink } from "@/app/_components/brand-link";
import { buttonClasses } from "@/app/_components/button";
import { ConsoleNav } from "@/app/(console)/console-nav";
import { getConsoleUser } from "@/lib/auth/get-console-user";

/**
 * Any unknown path. Signed-in users keep the console's navigation and go back to their keys;
 * signed-out visitors are offered sign-in (their keys would only bounce them to /login).
 */
export default async function NotFound() {
  const user = await getConsoleUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <BrandLink href="/" />
          {user ? <ConsoleNav isAdmin={user.role === "admin"} /> : null}
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-3 px-6 py-16 text-center">
        <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">404</p>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-zinc-600 dark:text-zinc-400">This page does not exist or has moved.</p>
        <Link href={user ? "/keys" : "/login"} className={buttonClasses("secondary")}>
          {user ? "Go to your keys" : "Sign in"}
        </Link>
      </main>
    </div>
  );
}
