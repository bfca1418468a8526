import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/get-auth-options";

// Options are built on the first request, not at import: `next build` loads this module without the runtime settings.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
