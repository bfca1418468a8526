import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import AuthLayout from "@/app/(auth)/layout";
import { buttonClasses } from "@/app/_components/button";
import { findUsableInvite } from "@/lib/console/admin/find-usable-invite";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/create-user";
import { AcceptInviteForm } from "./accept-invite-form";

// The token is in the path: keep it out of Referer headers and search indexes.
export const metadata: Metadata = { title: "Accept invitation", robots: { index: false }, referrer: "no-referrer" };

/**
 * /invite/<token>: outside the console layout (no session needed), in the sign-in pages' frame; the token itself is the
 * authorization, and an unusable one gets the same answer whatever the reason.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findUsableInvite(token);
  return (
    <AuthLayout>
      {invite.ok ? (
        <AcceptInviteForm token={token} email={invite.email} minPasswordLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <div className="flex flex-col items-center gap-3 text-center">
          <LinkIcon className="size-8 text-zinc-400" aria-hidden="true" />
          <h1 className="text-xl font-semibold">Invitation not usable</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{invite.message}</p>
          <Link href="/login" className={buttonClasses("secondary")}>
            Go to sign-in
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}
