"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The console's sections; `adminOnly` entries are only offered to admins. */
const NAV_ITEMS = [
  { href: "/keys", label: "Keys", adminOnly: false },
  { href: "/tools", label: "Tools", adminOnly: false },
  { href: "/usage", label: "Usage", adminOnly: false },
  { href: "/admin", label: "Admin", adminOnly: true },
] as const;

/** Top navigation; marks the current section with aria-current. */
export function ConsoleNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex items-center gap-1 overflow-x-auto">
      {NAV_ITEMS.filter((item) => isAdmin || !item.adminOnly).map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-[current=page]:bg-zinc-100 aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50"
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
