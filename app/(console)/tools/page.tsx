import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { listMyTools } from "@/lib/console/list-my-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { listAdminToolCatalog } from "@/lib/console/tools/list-admin-tool-catalog";
import { ROLES } from "@/lib/permissions/roles";
import { listUsers } from "@/lib/users/list-users";
import { AdminToolList } from "./admin-tool-list";
import { MemberToolList } from "./member-tool-list";

export const metadata: Metadata = { title: "Tools" };

/** Members: the tools they may call (read-only). Admins: the whole catalogue, managed here. */
export default async function ToolsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireConsoleUser();
  if (!ROLES[user.role].manageHub) {
    return (
      <>
        <PageHeader title="Tools" description="What your keys can call, as MCP clients see it in tools/list. A key limited to some tools sees only those." />
        <MemberToolList tools={await listMyTools(user)} />
      </>
    );
  }
  const [tools, users, params] = await Promise.all([listAdminToolCatalog(), listUsers(), searchParams]);
  const grantees = users.filter((candidate) => candidate.disabledAt === null && !ROLES[candidate.role].allTools).map(({ id, email }) => ({ id, email }));
  return (
    <>
      <PageHeader
        title="Tools"
        description="The whole catalogue. Changes reach every connected client within a second (notifications/tools/list_changed). Admins may call every tool; members call public tools and the ones granted to them."
      />
      <AdminToolList tools={tools} grantees={grantees} statusFilter={typeof params.status === "string" ? params.status : null} />
    </>
  );
}
