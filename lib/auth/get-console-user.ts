import { getServerSession } from "next-auth/next";
import { cache } from "react";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getAuthOptions } from "@/lib/auth/get-auth-options";
import { getPrisma } from "@/lib/db/prisma";

/**
 * The signed-in console user for the current request, or null. The session JWT only names the
 * user: role and disabled state are re-read from the database on every request, so a demotion or
 * a disabled account takes effect at once rather than when the JWT expires. Memoised per request
 * (layout and page both ask).
 */
export const getConsoleUser = cache(async (): Promise<ConsoleUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
