import type { Role } from "@/lib/generated/prisma/enums";

// What Switchboard keeps in the next-auth JWT and session (see lib/auth/get-auth-options.ts).
declare module "next-auth" {
  /** What authorize() returns (lib/auth/authorize-credentials.ts): a ConsoleUser. */
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
  }
}
