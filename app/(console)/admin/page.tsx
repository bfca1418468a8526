import { Gauge, Network, ScrollText, SquareTerminal, Users, Wrench } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

export const metadata: Metadata = { title: "Admin" };

const ADMIN_SECTIONS = [
  { href: "/admin/users", title: "Users", icon: Users, text: "Create accounts, invite by link, change roles, disable people who left." },
  { href: "/tools", title: "Tools and grants", icon: Wrench, text: "Enable, disable and deprecate tools; decide who may call them." },
  { href: "/admin/servers", title: "Servers", icon: Network, text: "Put existing MCP servers behind the hub; review tools they redefine before anyone can call them." },
  { href: "/admin/command-tools", title: "Command tools", icon: SquareTerminal, text: "Expose commands (tests, linters) as tools with typed, checked parameters." },
  { href: "/admin/policies", title: "Rate limits", icon: Gauge, text: "How many tool calls per window each role's keys may make." },
  { href: "/admin/audit", title: "Audit log", icon: ScrollText, text: "Who changed what, with the state before and after." },
] as const;

export default async function AdminPage() {
  await requireConsoleAdmin();
  return (
    <>
      <PageHeader title="Admin" description="Run the hub: people, tools, policies and the audit trail." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_SECTIONS.map(({ href, title, icon: Icon, text }) => (
          <li key={href}>
            <Link
              href={href}
              className="block h-full rounded-xl border border-zinc-200 bg-white p-5 transition-colors hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-700"
            >
              <Icon className="size-5 text-indigo-600 dark:text-indigo-400" aria-hidden="true" />
              <h2 className="mt-3 font-medium">{title}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
