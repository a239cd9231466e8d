import { describe, expect, it } from "vitest";
import { csvLine } from "./csv.ts";

describe("csvLine", () => {
  it.each([
    [["a", "b"], "a,b\r\n"],
    [["a,b", 'say "hi"', "two\nlines"], '"a,b","say ""hi""","two\nlines"\r\n'],
    [[null, 12.5, true, ""], ",12.5,true,\r\n"],
    [["=SUM(A1:A9)", "+1", "-x", "@cmd", "fine = ok"], "'=SUM(A1:A9),'+1,'-x,'@cmd,fine = ok\r\n"],
    [["=a,b"], `"'=a,b"\r\n`],
  ] as const)("%j → %j", (values, line) => {
    expect(csvLine(values)).toBe(line);
  });
});
