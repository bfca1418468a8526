"use client";

import { ChevronDown, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * The signed-in user's menu (email, role, sign out). A native <details> keeps it keyboard- and
 * screen-reader-usable without a menu library; Escape and outside clicks close it.
 */
export function UserMenu({ email, role }: { email: string; role: string }) {
  const router = useRouter();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    function close(event: Event) {
      const menu = menuRef.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.contains(event.target as Node)) menu.open = false;
    }
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);

  async function handleSignOut() {
    setSigningOut(true);
    // redirect:false: next-auth would send us to its absolute NEXTAUTH_URL, which may differ from the address in use.
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  }

  return (
    <details ref={menuRef} className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Account menu for </span>
        <span className="max-w-32 truncate sm:max-w-48">{email}</span>
        <ChevronDown className="size-4" aria-hidden="true" />
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium">{email}</p>
          <p className="text-xs text-zinc-500 capitalize dark:text-zinc-400">{role}</p>
        </div>
        <hr className="my-1 border-zinc-200 dark:border-zinc-800" />
        <button
          type="button"
          onClick={handleSignOut}
          disabled={signingOut}
          className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <LogOut className="size-4" aria-hidden="true" />
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </details>
  );
}
