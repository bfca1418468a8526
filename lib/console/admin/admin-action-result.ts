/**
 * What every admin Server Action answers: a message the page shows as it is (success or a
 * client-safe refusal), per-field errors for forms, and for invites the one-time link.
 */
export type AdminActionResult =
  | { ok: true; message: string; inviteUrl?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };
