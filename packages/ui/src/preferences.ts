/**
 * The reader's display preferences that the server must know before the first paint: the colour
 * theme (a cookie the toggle writes) and the locale dates are written in (the request's
 * Accept-Language). Both are resolved on the server and passed down, so the server's render and
 * the browser's agree and nothing flashes.
 */

export const THEME_COOKIE = "atlas-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The stored choice; anything else (absent, tampered) follows the system. */
export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

/** When the request names no language Intl knows: day-month-year, as before. */
export const DEFAULT_LOCALE = "en-GB";

/**
 * The first language of an Accept-Language header (by quality, then order) that Intl can format
 * dates in, canonicalised ("en-gb" → "en-GB"); DEFAULT_LOCALE when none. "*" and malformed tags
 * are skipped.
 */
export function resolveLocale(acceptLanguage: string | null | undefined): string {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== "" && tag !== "*" && Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next.
    }
  }
  return DEFAULT_LOCALE;
}
