import Link from "next/link";
import type { ReactNode } from "react";
import { BrandLink } from "@/app/_components/brand-link";
import { ThemeToggle } from "@/app/_components/theme-toggle";
import { getTheme } from "@/lib/console/get-theme";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { ConsoleNav } from "./console-nav";
import { UserMenu } from "./user-menu";

/** Every console page: requires a signed-in, enabled user (else /login) and draws the shell. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [user, theme] = await Promise.all([requireConsoleUser(), getTheme()]);
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <BrandLink href="/keys" />
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <ConsoleNav isAdmin={user.role === "admin"} />
          </div>
          <div className="ml-auto flex items-center gap-1 sm:ml-0">
            <ThemeToggle initialTheme={theme} />
            <UserMenu email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
