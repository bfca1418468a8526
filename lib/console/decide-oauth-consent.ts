import { claimLiveKeySlot } from "@/lib/api-keys/claim-live-key-slot";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { buildAuthorizationRedirect } from "@/lib/oauth/build-authorization-redirect";
import { checkAuthorizationRequest } from "@/lib/oauth/check-authorization-request";
import { issueAuthorizationCode } from "@/lib/oauth/issue-authorization-code";

export type ConsentOutcome = { ok: true; redirect: string } | { ok: false; message: string };

/**
 * The signed-in user's answer on the consent page. The authorization request is checked again
 * (the form carries it back and could have been edited); Deny sends access_denied to the client,
 * Allow issues a code for the user and the chosen tools (empty: all of the user's tools, as a
 * key; a subset may only name tools the user may call today), unless the user is at their
 * live-key cap (the message says to revoke a key or app).
 */
export async function decideOAuthConsent(input: {
  user: ConsoleUser;
  params: Record<string, string | string[] | undefined>;
  allow: boolean;
  tools: readonly string[];
}): Promise<ConsentOutcome> {
  const check = await checkAuthorizationRequest(input.params);
  if (!check.ok) return check.redirect === null ? { ok: false, message: check.message } : { ok: true, redirect: check.redirect };
  const { request } = check;
  if (!input.allow) return { ok: true, redirect: buildAuthorizationRedirect(request.redirectUri, request.state, { error: "access_denied", error_description: "The user denied access." }) };
  const tools = [...new Set(input.tools)];
  if (tools.length > 0) {
    const grantable = new Set(await listGrantableTools(input.user));
    const unknown = tools.filter((tool) => !grantable.has(tool));
    if (unknown.length > 0) return { ok: false, message: `You may not use: ${unknown.join(", ").slice(0, 500)}` };
  }
  // An Allow creates a grant, which holds one of the user's live-key slots: refuse here, where the user can act on it.
  const refusal = await getPrisma()
    .$transaction((tx) => claimLiveKeySlot(tx, input.user.id))
    .then(() => null, (error: unknown) => (error instanceof HubError ? error.message : Promise.reject(error)));
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, redirect: await issueAuthorizationCode({ request, userId: input.user.id, allowedTools: tools }) };
}
