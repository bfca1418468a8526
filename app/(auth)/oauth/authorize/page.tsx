import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { buttonClasses } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { checkAuthorizationRequest } from "@/lib/oauth/check-authorization-request";
import { isOAuthEnabled } from "@/lib/oauth/is-oauth-enabled";
import { decideConsentAction } from "./actions";

export const metadata: Metadata = { title: "Authorize a client" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The OAuth authorization endpoint: after the console's own sign-in, a consent page naming the
 * client, where it will send you back, and which of your tools it may call, with Allow and Deny.
 * A request whose client or redirect URI cannot be trusted is shown as an error, never redirected.
 */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!isOAuthEnabled()) notFound();
  const params = await searchParams;
  const { consent_error: consentError, ...requestParams } = params;
  const user = await requireConsoleUser();
  const check = await checkAuthorizationRequest(requestParams);
  if (!check.ok && check.redirect !== null) redirect(check.redirect);
  if (!check.ok) {
    return (
      <>
        <h1 className="text-xl font-semibold">This sign-in link cannot be used</h1>
        <div className="mt-4">
          <FormAlert message={check.message} />
        </div>
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">Start the connection again from your MCP client.</p>
      </>
    );
  }
  const { client, redirectUri } = check.request;
  const tools = await listGrantableTools(user);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(requestParams)) for (const item of [value ?? []].flat()) query.append(name, item);
  const origin = client.kind === "metadata_document" ? new URL(client.clientId).host : "registered itself with this hub (not verified)";

  return (
    <>
      <h1 className="text-xl font-semibold">
        Allow <span data-testid="client-name">{client.name}</span> to use Switchboard as you?
      </h1>
      <dl className="mt-4 space-y-2 text-sm">
        <div>
          <dt className="font-medium">Client</dt>
          <dd className="break-all text-zinc-600 dark:text-zinc-400">{origin}</dd>
        </div>
        <div>
          <dt className="font-medium">Sends you back to</dt>
          <dd className="break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{new URL(redirectUri).origin}</dd>
        </div>
        <div>
          <dt className="font-medium">Signed in as</dt>
          <dd className="text-zinc-600 dark:text-zinc-400">{user.email}</dd>
        </div>
      </dl>
      <form action={decideConsentAction} className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="request" value={query.toString()} />
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">It will be able to call</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="toolScope" value="all" defaultChecked />
            All my tools ({tools.length === 0 ? "none granted to you yet" : tools.join(", ")})
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="toolScope" value="some" disabled={tools.length === 0} />
            Only the tools I pick
          </label>
          <div className="ml-6 flex flex-wrap gap-x-4 gap-y-1">
            {tools.map((tool) => (
              <label key={tool} className="flex items-center gap-1.5 font-mono text-xs">
                <input type="checkbox" name="tools" value={tool} />
                {tool}
              </label>
            ))}
          </div>
        </fieldset>
        <FormAlert message={typeof consentError === "string" ? consentError.slice(0, 500) : null} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">It acts as you until you revoke it on the Keys page. Allow only clients you started yourself.</p>
        <div className="flex gap-3">
          <button type="submit" name="decision" value="allow" className={buttonClasses("primary", "flex-1")}>
            Allow
          </button>
          <button type="submit" name="decision" value="deny" className={buttonClasses("secondary", "flex-1")}>
            Deny
          </button>
        </div>
      </form>
    </>
  );
}
