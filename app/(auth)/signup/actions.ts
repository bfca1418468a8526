"use server";

import { z } from "zod";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";

export type SignUpResult =
  | { ok: true }
  | { ok: false; message: string | null; fieldErrors: Partial<Record<"email" | "password", string>> };

/** Creates the account; the client then signs in with the same credentials. */
export async function signUpAction(formData: FormData): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { ok: false, message: null, fieldErrors: { email: fieldErrors.email?.[0], password: fieldErrors.password?.[0] } };
  }
  try {
    await signUpUser(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof HubError && error.code === "conflict") {
      return { ok: false, message: null, fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
    }
    if (error instanceof HubError) return { ok: false, message: error.message, fieldErrors: {} };
    logger.error({ err: error }, "sign-up failed");
    return { ok: false, message: "Sign-up failed. Try again in a moment.", fieldErrors: {} };
  }
}
