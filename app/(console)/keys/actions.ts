"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { buildClientSnippets, type ClientSnippets } from "@/lib/console/build-client-snippets";
import { mintConsoleKey } from "@/lib/console/mint-console-key";
import { mintKeyFormSchema } from "@/lib/console/mint-key-form-schema";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { getEnv } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";

export type MintKeyResult =
  | { ok: true; name: string; prefix: string; secret: string; snippets: ClientSnippets }
  | { ok: false; message: string | null; fieldErrors: Partial<Record<"name" | "lifetime" | "tools", string>> };

export type RevokeKeyResult = { ok: true } | { ok: false; message: string };

/** Only HubError messages are client-safe; anything else is logged and answered generically. */
function failureMessage(error: unknown, action: string): string {
  if (error instanceof HubError) return error.message;
  logger.error({ err: error }, `${action} failed`);
  return `Could not ${action}. Try again in a moment.`;
}

/** Mints a key for the signed-in user; the secret is in the result and nowhere else. */
export async function mintKeyAction(formData: FormData): Promise<MintKeyResult> {
  const user = await requireConsoleUser();
  const parsed = mintKeyFormSchema.safeParse({ name: formData.get("name"), lifetime: formData.get("lifetime") ?? undefined, tools: formData.getAll("tools") });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { ok: false, message: null, fieldErrors: { name: fieldErrors.name?.[0], lifetime: fieldErrors.lifetime?.[0], tools: fieldErrors.tools?.[0] } };
  }
  try {
    const { key, secret } = await mintConsoleKey(user, parsed.data);
    revalidatePath("/keys");
    return { ok: true, name: key.name, prefix: key.prefix, secret, snippets: buildClientSnippets(getEnv().publicUrl, secret) };
  } catch (error) {
    return { ok: false, message: failureMessage(error, "mint the key"), fieldErrors: {} };
  }
}

/** Revokes one of the signed-in user's own keys (someone else's key id is "not found"). */
export async function revokeKeyAction(keyId: string): Promise<RevokeKeyResult> {
  const user = await requireConsoleUser();
  try {
    await revokeApiKey({ keyId: String(keyId), ownerId: user.id, actor: { userId: user.id, label: user.email } });
    revalidatePath("/keys");
    return { ok: true };
  } catch (error) {
    return { ok: false, message: failureMessage(error, "revoke the key") };
  }
}
