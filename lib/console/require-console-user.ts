import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getConsoleUser } from "@/lib/auth/get-console-user";
import { CONSOLE_PATH_HEADER } from "@/lib/console/console-path-header";
import { safeCallbackPath } from "@/lib/console/safe-callback-path";

/**
 * For console pages and Server Actions: the signed-in user, or a redirect to /login that brings
 * the visitor back to the page they asked for (path from proxy.ts, checked to be same-site).
 */
export async function requireConsoleUser(): Promise<ConsoleUser> {
  const user = await getConsoleUser();
  if (user) return user;
  const requested = safeCallbackPath((await headers()).get(CONSOLE_PATH_HEADER) ?? undefined);
  redirect(requested === "/keys" || requested === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(requested)}`);
}
