import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in console user as pages see it: always re-read from the database, never only the JWT. */
export interface ConsoleUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}
