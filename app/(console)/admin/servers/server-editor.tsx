"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/app/_components/button";
import { EditServerForm, type EditableServer } from "./edit-server-form";
import { RenameServerForm } from "./rename-server-form";

/**
 * A server card's actions with an Edit toggle first; the edit and rename forms open on a line of
 * their own below (basis-full in the card's wrapping flex row).
 */
export function ServerEditor({ server, children }: { server: EditableServer; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const formId = `edit-${server.name}`;
  return (
    <>
      <div className="flex flex-wrap items-start gap-2">
        <Button variant="secondary" aria-label={`Edit ${server.name}`} aria-expanded={open} aria-controls={open ? formId : undefined} onClick={() => setOpen(!open)}>
          {open ? "Close editor" : "Edit"}
        </Button>
        {children}
      </div>
      {open ? (
        <div id={formId} className="flex min-w-0 basis-full flex-col gap-3">
          <EditServerForm server={server} />
          <RenameServerForm server={server} />
        </div>
      ) : null}
    </>
  );
}
