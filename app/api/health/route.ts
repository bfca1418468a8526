import packageJson from "@/package.json" with { type: "json" };

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Never touches the database (that is /api/ready). */
export function GET() {
  return Response.json({ status: "ok", version: packageJson.version }, { headers: { "Cache-Control": "no-store" } });
}
