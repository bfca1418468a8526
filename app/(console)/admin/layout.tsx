import type { ReactNode } from "react";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

/**
 * /admin and everything under it: admins only; members get the 403 page (../forbidden.tsx), not a
 * redirect. Each page checks again itself (see requireConsoleAdmin): this check alone does not
 * stop a page's data from streaming.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireConsoleAdmin();
  return children;
}
