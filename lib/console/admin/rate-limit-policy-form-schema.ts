import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";

/**
 * "Rate limit for a role": a policy such as 600/1m, or blank to fall back to the default. The
 * policy text is checked with the rate-limit service's own parser, so form and service agree.
 */
export const rateLimitPolicyFormSchema = z.object({
  role: z.enum(Role, { message: "Pick admin or member" }).describe("Role whose keys get this limit (a key's own limit still wins)"),
  policy: z
    .string()
    .trim()
    .max(32, { message: "Use a policy such as 600/1m" })
    .transform((text) => (text === "" ? null : text))
    .superRefine((text, context) => {
      if (text === null) return;
      const parsed = parseRateLimitPolicy(text);
      if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
    })
    .describe("<calls>/<window>, e.g. 60/1m or 1000/1h; blank = the default"),
});
