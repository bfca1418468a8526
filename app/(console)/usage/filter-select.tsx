import { FilterField } from "./filter-field";

/** A labelled native <select> in the console's form style (GET filter forms). */
export function FilterSelect({ label, name, value, options, emptyLabel }: { label: string; name: string; value: string | null | undefined; options: readonly { value: string; label: string }[]; emptyLabel: string }) {
  const id = `filter-${name}`;
  return (
    <FilterField label={label} htmlFor={id}>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
