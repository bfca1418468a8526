import { getPrisma } from "@/lib/db/prisma";

export interface OAuthClientSummary {
  id: string;
  clientId: string;
  kind: string;
  name: string;
  clientUri: string | null;
  redirectUris: string[];
  revokedAt: Date | null;
  createdAt: Date;
  /** Grants (user authorizations) not revoked. */
  activeGrants: number;
}

/** Admin view of every OAuth client the hub knows, newest first, with its count of live grants. */
export async function listOAuthClients(): Promise<OAuthClientSummary[]> {
  const clients = await getPrisma().oAuthClient.findMany({
    orderBy: { createdAt: "desc" },
    take: 1000,
    select: {
      id: true,
      clientId: true,
      kind: true,
      name: true,
      clientUri: true,
      redirectUris: true,
      revokedAt: true,
      createdAt: true,
      _count: { select: { grants: { where: { revokedAt: null } } } },
    },
  });
  return clients.map(({ _count, ...client }) => ({ ...client, activeGrants: _count.grants }));
}
