import { redirect } from "next/navigation";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getConsoleUser } from "@/lib/auth/get-console-user";

/** For console pages and Server Actions: the signed-in user, or a redirect to /login. */
export async function requireConsoleUser(): Promise<ConsoleUser> {
  const user = await getConsoleUser();
  if (!user) redirect("/login");
  return user;
}
