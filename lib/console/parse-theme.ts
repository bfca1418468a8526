/** The console themes; "system" follows prefers-color-scheme. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Cookie holding the user's theme choice (read by the root layout, written by the toggle). */
export const THEME_COOKIE = "sb-theme";

/** A cookie value as a Theme; anything unknown means "system". */
export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
