"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/console/parse-theme";

const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

/** Cycles system → light → dark; the choice is a cookie so the server renders it on the next load. */
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  const Icon = THEME_ICONS[theme];

  function switchTheme() {
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    setTheme(next);
  }

  return (
    <button
      type="button"
      onClick={switchTheme}
      aria-label={`Theme: ${theme}. Switch to ${next}`}
      title={`Theme: ${theme}`}
      className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <Icon className="size-4" aria-hidden="true" />
    </button>
  );
}
