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
  const [keys, tools] = await Promise.all([listApiKeys(user.id), listGrantableTools(user)]);
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
      </div>
    </>
  );
}
