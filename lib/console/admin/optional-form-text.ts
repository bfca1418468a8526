import { z } from "zod";

/**
 * A text input that may be left blank: trimmed, and "" becomes undefined (HTML forms post empty
 * strings for untouched inputs). `inner` validates the non-blank value.
 */
export function optionalFormText<T extends z.ZodType>(inner: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), inner.optional());
}
