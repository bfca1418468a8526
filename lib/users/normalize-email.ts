import { z } from "zod";

const emailSchema = z.email();

/** Trimmed, lower-cased email, or a message saying why it is not one. Pure. */
export function normalizeEmail(raw: string): { ok: true; email: string } | { ok: false; message: string } {
  const email = raw.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) return { ok: false, message: `Invalid email address "${raw.trim()}"` };
  return { ok: true, email };
}
