import { ScrollText, ShieldCheck, Users } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Admin" };

const ADMIN_SECTIONS = [
  { title: "Users", icon: Users, text: "Create accounts, change roles, disable people who left." },
  { title: "Tools and policies", icon: ShieldCheck, text: "Grant tools to roles or people, deprecate tools, set rate limits." },
  { title: "Audit log", icon: ScrollText, text: "Who changed what, with the state before and after." },
] as const;

export default function AdminPage() {
  return (
    <>
      <PageHeader title="Admin" description="Run the hub: people, permissions, policies and the audit trail." />
      <ul className="grid gap-4 sm:grid-cols-3">
        {ADMIN_SECTIONS.map(({ title, icon: Icon, text }) => (
          <li key={title} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
            <Icon className="size-5 text-indigo-600 dark:text-indigo-400" aria-hidden="true" />
            <h2 className="mt-3 font-medium">{title}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
