import { parseTheme, resolveLocale } from "@atlas/ui/preferences";
import { describe, expect, it } from "vitest";

describe("resolveLocale (the request's Accept-Language → the locale dates are written in)", () => {
  it.each([
    ["en-US,en;q=0.9", "en-US"],
    ["de-DE,de;q=0.9,en;q=0.8", "de-DE"],
    ["en-gb", "en-GB"],
    // By quality first, then order.
    ["fr;q=0.5, nl-BE;q=0.9", "nl-BE"],
    // "*", q=0 and tags Intl cannot parse are skipped.
    ["*, de;q=0", "en-GB"],
    ["not a tag!, ja-JP", "ja-JP"],
    ["", "en-GB"],
    [null, "en-GB"],
  ])("%s → %s", (header, locale) => {
    expect(resolveLocale(header)).toBe(locale);
  });
});

describe("parseTheme", () => {
  it("keeps the three choices and falls back to the system for anything else", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
  });
});
