import type { ConsoleUser } from "@/lib/auth/console-user";
import { listPermittedTools } from "@/lib/permissions/list-permitted-tools";

/**
 * The tool names a console user may put on a key (every tool they may call), sorted. Asks the
 * permission service as if through a key with no tool restriction.
 */
export async function listGrantableTools(user: ConsoleUser): Promise<string[]> {
  const permitted = await listPermittedTools({
    userId: user.id,
    email: user.email,
    role: user.role,
    // A key id of its own so this never shares a cache entry with a real key.
    keyId: `console:${user.id}`,
    keyPrefix: "",
    allowedTools: [],
    rateLimitPolicy: null,
  });
  return [...permitted].sort();
}
