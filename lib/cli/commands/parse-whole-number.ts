import { CliUsageError } from "@/lib/cli/cli-usage-error";

/** A whole-number option value (at most 7 digits); CliUsageError naming the option otherwise. */
export function parseWholeNumber(text: string, option: string): number {
  if (!/^\d{1,7}$/.test(text)) throw new CliUsageError(`${option} takes a whole number, got "${text.slice(0, 40)}".`);
  return Number(text);
}
