import { listCallerTools } from "@/lib/api/list-caller-tools";
import { withApiRoute } from "@/lib/api/with-api-route";

/** Members: the tools they may call now. Admins: the whole catalogue with status and grants. */
export const GET = withApiRoute({}, async ({ caller }) => Response.json({ tools: await listCallerTools(caller) }));
