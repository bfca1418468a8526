import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { AdminBackLink } from "@/app/(console)/admin/_components/admin-back-link";
import { getCommandTool } from "@/lib/command-tools/get-command-tool";
import { HubError } from "@/lib/errors/hub-error";
import { CommandToolForm } from "../command-tool-form";
import { requireConsoleAdmin } from "@/lib/console/require-console-admin";

export const metadata: Metadata = { title: "Edit command tool" };

export default async function EditCommandToolPage({ params }: { params: Promise<{ name: string }> }) {
  await requireConsoleAdmin();
  const { name } = await params;
  const definition = await getCommandTool(decodeURIComponent(name)).catch((error: unknown) => {
    if (error instanceof HubError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <AdminBackLink />
      <PageHeader title={definition.name} description="Changes reach connected clients at once. Removing or narrowing a parameter is refused: register the new definition under a new name." />
      <CommandToolForm initial={definition} mode="edit" />
    </>
  );
}
