"use server";

import { z } from "zod";
import { acceptInvite } from "@/lib/console/admin/accept-invite";
import { acceptInviteFormSchema } from "@/lib/console/admin/accept-invite-form-schema";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";

export type AcceptInviteResult = { ok: true; email: string } | { ok: false; message: string | null; fieldErrors: Partial<Record<"password" | "name", string>> };

/**
 * Creates the invited account. Public on purpose (the invitee has no session yet): the one-time
 * token is the authorization, checked and consumed by acceptInvite.
 */
export async function acceptInviteAction(formData: FormData): Promise<AcceptInviteResult> {
  const parsed = acceptInviteFormSchema.safeParse({ token: formData.get("token"), password: formData.get("password"), name: formData.get("name") ?? undefined });
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return { ok: false, message: fieldErrors.token?.[0] ?? formErrors[0] ?? null, fieldErrors: { password: fieldErrors.password?.[0], name: fieldErrors.name?.[0] } };
  }
  try {
    const user = await acceptInvite(parsed.data);
    return { ok: true, email: user.email };
  } catch (error) {
    if (error instanceof HubError) return { ok: false, message: error.message, fieldErrors: {} };
    logger.error({ err: error }, "accepting an invitation failed");
    return { ok: false, message: "Could not create your account. Try again in a moment.", fieldErrors: {} };
  }
}
