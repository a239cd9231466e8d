/** The route handler the web app mounts at /api/inngest serves the day-close, week-summary, billing, AI suggestion and notification functions. */
import { describe, expect, it, vi } from "vitest";

describe("inngestHandler", () => {
  it("exposes GET, POST and PUT for a Next route and lists the functions (embedded mode)", async () => {
    vi.stubEnv("ATLAS_MODE", "embedded");
    const { inngestHandler } = await import("./serve.ts");
    expect(typeof inngestHandler.POST).toBe("function");
    expect(typeof inngestHandler.PUT).toBe("function");
    const get = inngestHandler.GET as unknown as (req: Request, res?: unknown) => Promise<Response>;
    const response = await get(new Request("http://127.0.0.1:3000/api/inngest"), undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { function_count?: number };
    expect(body.function_count).toBe(16);
    vi.unstubAllEnvs();
  });
});
