import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { ROLES } from "@/lib/permissions/roles";
import { listRateLimitPolicies } from "@/lib/rate-limit/list-rate-limit-policies";
import { RolePolicyForm } from "./role-policy-form";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

export const metadata: Metadata = { title: "Rate limits" };

export default async function PoliciesPage() {
  await requireConsoleAdmin();
  const policies = await listRateLimitPolicies();
  return (
    <>
      <AdminBackLink />
      <PageHeader
        title="Rate limits"
        description={`tools/call per API key, in a sliding window. A key's own limit (set when it is minted) wins over its owner's role. Default: ${policies.defaultPolicy}.`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        {policies.roles.map((role) => (
          <RolePolicyForm key={role.role} role={role.role} label={ROLES[role.role].label} policy={role.policy} overridden={role.overridden} defaultPolicy={policies.defaultPolicy} />
        ))}
      </div>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Failed authentications are limited per client IP to <code className="font-mono">{policies.authFailures}</code>, so key guessing is slow while a typo never locks anyone out. Refused calls get HTTP 429 with Retry-After and appear on the usage dashboards.
      </p>
    </>
  );
}
