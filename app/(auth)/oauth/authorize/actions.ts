"use server";

import { redirect } from "next/navigation";
import { decideOAuthConsent } from "@/lib/console/decide-oauth-consent";
import { requireConsoleUser } from "@/lib/console/require-console-user";

const MAX_PARAMS_LENGTH = 20_000;

/**
 * Allow or Deny on the consent page (a Server Action: Next refuses a cross-origin POST, which is
 * the CSRF defence). Redirects to the client, or back to the page with the problem shown.
 */
export async function decideConsentAction(formData: FormData): Promise<void> {
  const user = await requireConsoleUser();
  const raw = String(formData.get("request") ?? "");
  const query = new URLSearchParams(raw.length <= MAX_PARAMS_LENGTH ? raw : "");
  const params: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    params[name] = values.length === 1 ? values[0] : values;
  }
  const restrict = formData.get("toolScope") === "some";
  const tools = restrict ? formData.getAll("tools").map(String) : [];
  if (restrict && tools.length === 0) redirect(`/oauth/authorize?${query}&consent_error=${encodeURIComponent("Pick at least one tool, or allow all your tools.")}`);
  const outcome = await decideOAuthConsent({ user, params, allow: formData.get("decision") === "allow", tools });
  if (!outcome.ok) redirect(`/oauth/authorize?${query}&consent_error=${encodeURIComponent(outcome.message)}`);
  redirect(outcome.redirect);
}
