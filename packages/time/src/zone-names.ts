/**
 * Time zones by their current IANA names, with their UTC offsets, for choosing one
 * (docs/domain.md "Time and local days"). V8's Intl canonicalises to CLDR's names, some of which
 * IANA has since renamed ("Asia/Calcutta" for Asia/Kolkata, "Europe/Kiev" for Europe/Kyiv):
 * every name is resolved through Intl and then renamed, so any spelling Intl accepts is stored
 * as the current name. No zod here: the picker imports this on open, in the browser.
 */

/** CLDR canonical name → current IANA name (renames only; links such as Europe/Bratislava stay). */
const RENAMED: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * The current IANA name of a zone Intl accepts, in any spelling or alias ("asia/calcutta",
 * "Asia/Kolkata", "US/Eastern" → "Asia/Kolkata", "Asia/Kolkata", "America/New_York").
 * Throws a RangeError for a name Intl does not know (validate first: isValidTimeZone).
 */
export function currentZoneName(timeZone: string): string {
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  return RENAMED[canonical] ?? canonical;
}

export interface ZoneOption {
  /** The current IANA name, the value stored. */
  zone: string;
  /** Minutes east of UTC at `at`. */
  offsetMinutes: number;
  /** "UTC+05:30 · Asia/Kolkata (Kolkata)" */
  label: string;
  /** Lower-case text a search matches: name, city, region and offset in several spellings. */
  search: string;
}

/** "UTC+05:30", "UTC−03:00", "UTC" from a zone's offset in minutes. */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "−";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

/** The zone's offset from UTC at `at`, in minutes ("GMT+05:30" from Intl's longOffset). */
export function offsetMinutesAt(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-−])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "+" ? minutes : -minutes;
}

/** One zone as the picker shows it: "UTC+05:30 · Asia/Kolkata (Kolkata)". */
export function zoneOption(zone: string, at: Date): ZoneOption {
  const offsetMinutes = offsetMinutesAt(zone, at);
  const offset = offsetLabel(offsetMinutes);
  const city = zone.split("/").pop()!.replaceAll("_", " ");
  const label = zone === offset ? zone : `${offset} · ${zone}${city !== zone ? ` (${city})` : ""}`;
  // "+5:30", "+05:30", "gmt+5:30" and "utc+5:30" all find Kolkata.
  const short = offset.replace(/([+−])0/, "$1").replace("−", "-");
  const search = [
    zone.replaceAll("_", " "),
    offset.replace("−", "-"),
    short,
    short.replace("UTC", "GMT"),
  ]
    .join(" ")
    .toLowerCase();
  return { zone, offsetMinutes, label, search };
}

/** Every zone this runtime knows, by current name, west to east then by name; UTC included. */
export function zoneOptions(at: Date): ZoneOption[] {
  const names = new Set(["UTC", ...Intl.supportedValuesOf("timeZone").map(currentZoneName)]);
  return [...names]
    .map((zone) => zoneOption(zone, at))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.zone.localeCompare(b.zone));
}

/** The options whose text holds every word of `query` (case-insensitive); all for an empty one. */
export function searchZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const words = query
    .toLowerCase()
    .replaceAll("_", " ")
    .replace("−", "-")
    .split(/\s+/)
    .filter(Boolean);
  return words.length === 0
    ? [...options]
    : options.filter((option) => words.every((word) => option.search.includes(word)));
}
