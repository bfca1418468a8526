import { withApiRoute } from "@/lib/api/with-api-route";
import { listOAuthClients } from "@/lib/oauth/list-oauth-clients";

/** Admin: every OAuth client (registered or known by its metadata document), with its live grants. */
export const GET = withApiRoute({ requires: "manageHub" }, async () => Response.json({ clients: await listOAuthClients() }));
