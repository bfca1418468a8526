import { z } from "zod";
import { heldFingerprintSchema } from "@/lib/upstreams/held-fingerprint-schema";

/** POST /api/v1/servers/{name}/approve: every held change of the server, or one tool's (the version reviewed, with its fingerprint). */
export const approveServerSchema = z
  .strictObject({
    tool: z.string().min(1).max(256).optional().describe("Approve only this tool (TOOL or NAME__TOOL); omit for all held changes"),
    fingerprint: heldFingerprintSchema.optional(),
  })
  .refine((body) => body.fingerprint === undefined || body.tool !== undefined, { path: ["fingerprint"], message: "names one tool's held version: give tool too" });
