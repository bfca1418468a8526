import { ChevronLeft } from "lucide-react";
import Link from "next/link";

/** "← Admin" above an admin subpage's title. */
export function AdminBackLink() {
  return (
    <Link href="/admin" className="mb-2 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
      <ChevronLeft className="size-4" aria-hidden="true" />
      Admin
    </Link>
  );
}
