"use client";

import { useRouter } from "next/navigation";
import { TextField } from "@/app/_components/text-field";
import { AdminFormCard } from "@/app/(console)/admin/_components/admin-form-card";
import { TextAreaField } from "@/app/(console)/admin/_components/text-area-field";
import { useAdminAction } from "@/app/(console)/admin/_components/use-admin-action";
import { createCommandToolAction, updateCommandToolAction } from "./actions";
import { ParameterEditor, type ParameterDefinition } from "./parameter-editor";

/** The definition fields the form edits (what getCommandTool returns). */
export interface CommandToolFormValues {
  name: string;
  version: string;
  title: string;
  description: string;
  argv: string[];
  parameters: Record<string, ParameterDefinition>;
  workingDir: string;
  timeoutMs: number;
  maxOutputBytes: number;
  public: boolean;
}

export const EMPTY_COMMAND_TOOL: CommandToolFormValues = {
  name: "",
  version: "1.0.0",
  title: "",
  description: "",
  argv: [],
  parameters: {},
  workingDir: ".",
  timeoutMs: 60_000,
  maxOutputBytes: 65_536,
  public: false,
};

/** Create (no `existing`) or edit a command tool; the name is fixed once created. */
export function CommandToolForm({ initial, mode }: { initial: CommandToolFormValues; mode: "create" | "edit" }) {
  const router = useRouter();
  const { result, pending, submit } = useAdminAction(mode === "create" ? createCommandToolAction : updateCommandToolAction);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  return (
    <AdminFormCard
      titleId="command-form-title"
      title={mode === "create" ? "New command tool" : `Edit ${initial.name}`}
      onSubmit={(event) =>
        submit(event, () => {
          if (mode === "create") router.push("/admin/command-tools");
        })
      }
      result={result}
      pending={pending}
      submitLabel={mode === "create" ? "Create command tool" : "Save changes"}
      pendingLabel="Saving…"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <TextField
            label="Name"
            name="name"
            defaultValue={initial.name}
            readOnly={mode === "edit"}
            required
            pattern="[a-z][a-z0-9_]{1,63}"
            placeholder="run_lint"
            hint={mode === "edit" ? "A breaking change needs a new name, e.g. run_lint_v2." : "Lowercase letters, digits and _; this is what clients call."}
            error={errors.name}
          />
        </div>
        <TextField label="Version" name="version" defaultValue={initial.version} required pattern="\d+\.\d+\.\d+" hint="Semver; bump the minor version when adding parameters." error={errors.version} />
      </div>
      <TextField label="Title" name="title" defaultValue={initial.title} required maxLength={100} placeholder="Run the linter" error={errors.title} />
      <TextAreaField label="Description" name="description" defaultValue={initial.description} required rows={3} maxLength={2000} hint="What the tool does, for the model." error={errors.description} />
      <TextAreaField
        label="Command (argv)"
        name="argv"
        defaultValue={initial.argv.join("\n")}
        required
        rows={4}
        placeholder={"npx\neslint\n--format\njson\n{{path}}"}
        hint="One argument per line; the first is the program. No shell: pipes, globs and $VARS are passed literally."
        error={errors.argv}
      />
      <ParameterEditor initial={initial.parameters} error={errors.parameters} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Working folder" name="workingDir" defaultValue={initial.workingDir} hint="Relative to the workspace root." error={errors.workingDir} />
        <TextField label="Timeout (seconds)" name="timeoutSeconds" type="number" min={1} max={3600} required defaultValue={initial.timeoutMs / 1000} error={errors.timeoutSeconds} />
        <TextField label="Output cap (KiB)" name="maxOutputKb" type="number" min={1} max={4096} required defaultValue={Math.round(initial.maxOutputBytes / 1024)} hint="stdout and stderr together." error={errors.maxOutputKb} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="public" defaultChecked={initial.public} />
        Public: every role may call it without a grant
      </label>
    </AdminFormCard>
  );
}
