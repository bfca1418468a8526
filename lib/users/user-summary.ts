import type { User } from "@/lib/generated/prisma/client";

/** A user as shown to people and APIs: no password hash. */
export type UserSummary = Omit<User, "passwordHash"> & { hasPassword: boolean };

/** Prisma select for the fields of UserSummary (add hasPassword with toUserSummary). */
export const USER_SUMMARY_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  maxLiveKeys: true,
  createdAt: true,
  updatedAt: true,
  passwordHash: true,
} as const;

/** Drops the hash, keeping only whether one is set. */
export function toUserSummary(row: User): UserSummary {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
