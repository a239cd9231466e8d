import { describe, expect, it } from "vitest";
import { AtlasConfigError } from "./errors.ts";
import { atlasMode } from "./mode.ts";

function configError(fn: () => unknown): AtlasConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasConfigError);
    return error as AtlasConfigError;
  }
  throw new Error("expected an AtlasConfigError");
}

describe("atlasMode", () => {
  it("is production when ATLAS_MODE is unset, empty or blank", () => {
    expect(atlasMode({})).toBe("production");
    expect(atlasMode({ ATLAS_MODE: "" })).toBe("production");
    expect(atlasMode({ ATLAS_MODE: "  " })).toBe("production");
  });

  it("accepts the three modes", () => {
    expect(atlasMode({ ATLAS_MODE: "production" })).toBe("production");
    expect(atlasMode({ ATLAS_MODE: "embedded" })).toBe("embedded");
    expect(atlasMode({ ATLAS_MODE: " test " })).toBe("test");
  });

  it("refuses anything else, naming ATLAS_MODE and the allowed values", () => {
    for (const value of ["development", "Production", "dev", "prod"]) {
      const error = configError(() => atlasMode({ ATLAS_MODE: value }));
      expect(error.message).toContain("ATLAS_MODE");
      expect(error.message).toContain("production, embedded, test");
      expect(error.variables).toEqual(["ATLAS_MODE"]);
    }
  });

  it("does not look at NODE_ENV", () => {
    expect(atlasMode({ NODE_ENV: "development" })).toBe("production");
  });
});
