import { NextResponse, type NextRequest } from "next/server";
import { CONSOLE_PATH_HEADER } from "@/lib/console/console-path-header";

/**
 * Next 16's request proxy (formerly middleware). It does not authenticate: the console layout
 * checks the session against the database. It only tells server components which page was asked
 * for, so the sign-in redirect can carry `?callbackUrl=`.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(CONSOLE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Console pages only: not the API (its own auth), Next's assets, or files.
  matcher: ["/((?!api/|_next/|favicon\\.ico|login|signup).*)"],
};
