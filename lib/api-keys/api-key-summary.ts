import type { ApiKey } from "@/lib/generated/prisma/client";

/** An API key as shown to people and APIs: everything but the hash. */
export type ApiKeySummary = Omit<ApiKey, "hash">;

/** Prisma select for ApiKeySummary, so the hash never leaves the database by accident. */
export const API_KEY_SUMMARY_SELECT = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  allowedTools: true,
  rateLimitPolicy: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  parentKeyId: true,
  rootKeyId: true,
  oauthClientId: true,
} as const satisfies Record<keyof ApiKeySummary, true>;
