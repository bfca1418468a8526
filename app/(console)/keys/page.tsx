import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listGrantableTools } from "@/lib/console/list-grantable-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { MintKeyPanel } from "./mint-key-panel";
import { KeyTable } from "./key-table";

export const metadata: Metadata = { title: "Keys" };

export default async function KeysPage() {
  const user = await requireConsoleUser();
  const [allKeys, tools] = await Promise.all([listApiKeys(user.id), listGrantableTools(user)]);
  const keys = allKeys.filter((key) => key.oauthClientId === null);
  const authorizedClients = allKeys.filter((key) => key.oauthClientId !== null);
  const now = new Date();

  // One tree for both cases, the panel always in the same place: minting the first key re-renders
  // this page with a list, and the panel (holding the one-time secret) must not remount.
  return (
    <>
      <PageHeader title="API keys" description="Personal keys that let Claude Code and other MCP clients call the hub's tools as you." />
      <div className="flex flex-col gap-6">
        {keys.length === 0 ? (
          <EmptyState icon={<KeyRound className="size-6" />} title="Mint your first key">
            A key connects an MCP client to this hub. Name it below; you will see its secret once, with a ready-to-paste <code className="font-mono">claude mcp add</code> command.
          </EmptyState>
        ) : null}
        <div>
          <MintKeyPanel tools={tools} startOpen={keys.length === 0} />
        </div>
        {keys.length === 0 ? null : <KeyTable keys={keys} now={now} />}
        {authorizedClients.length === 0 ? null : (
          <section aria-labelledby="authorized-clients" className="flex flex-col gap-2">
            <h2 id="authorized-clients" className="text-base font-semibold">Authorized clients</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">MCP clients you signed in to with OAuth. Revoking one signs it out and closes its live sessions.</p>
            <KeyTable keys={authorizedClients} now={now} caption="Authorized clients" />
          </section>
        )}
      </div>
    </>
  );
}
