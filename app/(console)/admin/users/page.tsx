import type { Metadata } from "next";
import { LocalTime } from "@/app/_components/charts/local-time";
import { DataTable } from "@/app/_components/data-table";
import { PageHeader } from "@/app/_components/page-header";
import { ActionButton } from "@/app/(console)/admin/_components/action-button";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { StatusBadge } from "@/app/(console)/admin/_components/status-badge";
import { listPendingInvites } from "@/lib/console/admin/list-pending-invites";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { revokeInviteAction, setUserDisabledAction } from "./actions";
import { ChangeRoleForm } from "./change-role-form";
import { CreateUserForm } from "./create-user-form";
import { InviteUserForm } from "./invite-user-form";

export const metadata: Metadata = { title: "Users" };

const USER_COLUMNS = [{ header: "User" }, { header: "Role" }, { header: "Sign-in" }, { header: "Created" }, { header: "Status" }, { header: <span className="sr-only">Actions</span> }] as const;

export default async function UsersPage() {
  const me = await requireConsoleAdmin();
  const [users, invites] = await Promise.all([listUsers(), listPendingInvites()]);
  return (
    <>
      <AdminBackLink />
      <PageHeader title="Users" description="Everyone who can sign in to the console and mint keys. Disabling someone stops their keys, MCP sessions and console sign-in at once." />
      <div className="grid gap-4 md:grid-cols-2">
        <CreateUserForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        <InviteUserForm />
      </div>

      {invites.length > 0 ? (
        <section aria-labelledby="invites-title" className="mt-8">
          <h2 id="invites-title" className="mb-3 text-lg font-semibold">
            Open invitations
          </h2>
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span>
                  {invite.email} <StatusBadge tone="indigo">{invite.role}</StatusBadge>
                </span>
                <span className="flex items-center gap-3 text-zinc-600 dark:text-zinc-400">
                  <span>
                    expires <LocalTime iso={invite.expiresAt.toISOString()} style="dayTime" />
                  </span>
                  <ActionButton
                    label="Withdraw"
                    ariaLabel={`Withdraw the invitation for ${invite.email}`}
                    action={revokeInviteAction}
                    fields={{ inviteId: invite.id }}
                    confirm={{ title: `Withdraw the invitation for ${invite.email}?`, body: "The link stops working at once. You can invite them again later.", confirmLabel: "Withdraw" }}
                  />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="users-title" className="mt-8">
        <h2 id="users-title" className="mb-3 text-lg font-semibold">
          People ({users.length})
        </h2>
        <DataTable caption="Users" columns={USER_COLUMNS}>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="px-4 py-3 font-medium">
                {user.email}
                {user.name ? <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{user.name}</span> : null}
                {user.id === me.id ? <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">you</span> : null}
              </th>
              <td className="px-4 py-3">{user.id === me.id ? <span className="capitalize">{user.role}</span> : <ChangeRoleForm userId={user.id} email={user.email} role={user.role} />}</td>
              <td className="px-4 py-3 text-xs">{user.hasPassword ? "Password" : "SSO only"}</td>
              <td className="px-4 py-3 whitespace-nowrap"><LocalTime iso={user.createdAt.toISOString()} style="dayTime" /></td>
              <td className="px-4 py-3">{user.disabledAt ? <StatusBadge tone="grey">disabled</StatusBadge> : <StatusBadge tone="green">active</StatusBadge>}</td>
              <td className="px-4 py-3">
                {user.id === me.id ? null : user.disabledAt ? (
                  <ActionButton label="Enable" ariaLabel={`Enable ${user.email}`} action={setUserDisabledAction} fields={{ userId: user.id, disabled: "false" }} />
                ) : (
                  <ActionButton
                    label="Disable"
                    ariaLabel={`Disable ${user.email}`}
                    variant="danger"
                    action={setUserDisabledAction}
                    fields={{ userId: user.id, disabled: "true" }}
                    confirm={{
                      title: `Disable ${user.email}?`,
                      body: "Their API keys stop working and their open MCP sessions and console sign-in end immediately. Enabling the account later makes their unrevoked keys work again.",
                      confirmLabel: "Disable user",
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
