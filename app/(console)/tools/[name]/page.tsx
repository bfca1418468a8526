import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listMyTools } from "@/lib/console/list-my-tools";
import { requireConsoleUser } from "@/lib/console/require-console-user";
import { listAdminToolCatalog } from "@/lib/console/tools/list-admin-tool-catalog";
import { listToolServers } from "@/lib/console/tools/list-tool-servers";
import { ROLES } from "@/lib/permissions/roles";
import { listUsers } from "@/lib/users/list-users";
import { AdminToolDetail } from "../admin-tool-detail";
import { MemberToolDetail } from "../member-tool-detail";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

/** One tool: admins manage it here; members see what their clients see. Unknown (or not permitted) tools are 404. */
export default async function ToolPage({ params }: { params: Params }) {
  const [user, { name: rawName }, servers] = await Promise.all([requireConsoleUser(), params, listToolServers()]);
  const name = decodeURIComponent(rawName);
  const server = servers.get(name) ?? null;
  if (!ROLES[user.role].manageHub) {
    const tool = (await listMyTools(user)).find((candidate) => candidate.name === name);
    if (!tool) notFound();
    return <MemberToolDetail tool={{ ...tool, server }} />;
  }
  const [tools, users] = await Promise.all([listAdminToolCatalog(), listUsers()]);
  const tool = tools.find((candidate) => candidate.name === name);
  if (!tool) notFound();
  const grantees = users.filter((candidate) => candidate.disabledAt === null && !ROLES[candidate.role].allTools).map(({ id, email }) => ({ id, email }));
  return <AdminToolDetail tool={{ ...tool, server }} grantees={grantees} otherTools={tools.map((other) => other.name).filter((other) => other !== name)} />;
}
