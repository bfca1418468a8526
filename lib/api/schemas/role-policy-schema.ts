import { z } from "zod";
import { rateLimitPolicyFormSchema } from "@/lib/console/admin/rate-limit-policy-form-schema";

/**
 * PUT /api/v1/rate-limits/{role}: the role's tools/call limit, checked by the console form's own
 * policy field ("600/1m"); null or "" goes back to the default.
 */
export const rolePolicySchema = z.strictObject({
  policy: rateLimitPolicyFormSchema.shape.policy.nullable(),
});
