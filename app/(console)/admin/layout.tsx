import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requireConsoleUser } from "@/lib/console/require-console-user";

/** /admin and everything under it: admins only; members get the 403 page (../forbidden.tsx), not a redirect. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireConsoleUser();
  if (user.role !== "admin") forbidden();
  return children;
}
