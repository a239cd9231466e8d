import { describe, expect, it } from "vitest";
import { ZTimeZone } from "./day-key.ts";
import {
  currentZoneName,
  offsetLabel,
  searchZones,
  zoneOption,
  zoneOptions,
} from "./zone-names.ts";

const JUNE = new Date("2026-06-15T12:00:00Z");

describe("currentZoneName", () => {
  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["Europe/Zaporozhye", "Europe/Kyiv"],
    ["America/Godthab", "America/Nuuk"],
    ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
    ["Asia/Katmandu", "Asia/Kathmandu"],
    ["Asia/Rangoon", "Asia/Yangon"],
    ["Atlantic/Faeroe", "Atlantic/Faroe"],
    ["Pacific/Truk", "Pacific/Chuuk"],
    ["asia/calcutta", "Asia/Kolkata"],
    ["US/Eastern", "America/New_York"],
    ["Europe/Bratislava", "Europe/Bratislava"],
    ["UTC", "UTC"],
  ])("%s → %s", (name, current) => {
    expect(currentZoneName(name)).toBe(current);
  });

  it("every current name is accepted by Intl and is its own current name", () => {
    for (const { zone } of zoneOptions(JUNE)) expect(currentZoneName(zone)).toBe(zone);
  });
});

describe("ZTimeZone", () => {
  it("accepts a legacy name and parses it to the current one", () => {
    expect(ZTimeZone.parse("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(ZTimeZone.parse("Europe/Kyiv")).toBe("Europe/Kyiv");
  });
  it("still rejects offsets and unknown names", () => {
    expect(ZTimeZone.safeParse("+05:30").success).toBe(false);
    expect(ZTimeZone.safeParse("Mars/Olympus").success).toBe(false);
  });
});

describe("zone options", () => {
  it("labels a zone with its offset, name and city", () => {
    expect(zoneOption("Asia/Kolkata", JUNE).label).toBe("UTC+05:30 · Asia/Kolkata (Kolkata)");
    expect(zoneOption("America/St_Johns", JUNE).label).toBe(
      "UTC−02:30 · America/St_Johns (St Johns)",
    );
    expect(zoneOption("UTC", JUNE).label).toBe("UTC");
    expect(offsetLabel(-180)).toBe("UTC−03:00");
  });

  it("lists current names only, no legacy ones", () => {
    const zones = zoneOptions(JUNE).map((o) => o.zone);
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Europe/Kiev");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("finds zones by city, region and offset", () => {
    const options = zoneOptions(JUNE);
    const find = (q: string) => searchZones(options, q).map((o) => o.zone);
    expect(find("Kyiv")).toEqual(["Europe/Kyiv"]);
    expect(find("ho chi")).toEqual(["Asia/Ho_Chi_Minh"]);
    expect(find("+5:30")).toContain("Asia/Kolkata");
    expect(find("utc+05:30")).toContain("Asia/Kolkata");
    expect(find("europe kyiv")).toEqual(["Europe/Kyiv"]);
    expect(find("")).toHaveLength(options.length);
  });
});
