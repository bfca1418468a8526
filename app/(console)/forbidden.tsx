import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";

/** What forbidden() renders inside the console shell (HTTP 403): members opening /admin. */
export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <ShieldAlert className="size-10 text-amber-500" aria-hidden="true" />
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">403</p>
      <h1 id="forbidden-title" className="text-2xl font-semibold">
        Admins only
      </h1>
      <p className="text-zinc-600 dark:text-zinc-400">Your account is a member account. Ask an admin if you need to manage users, tools or policies.</p>
      <Link href="/keys" className={buttonClasses("secondary")}>
        Back to your keys
      </Link>
    </section>
  );
}
