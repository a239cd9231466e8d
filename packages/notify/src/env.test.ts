import { describe, expect, it } from "vitest";
import { notifyConfig } from "./env.ts";

describe("notifyConfig", () => {
  it("fills embedded mode with the outbox and development defaults", () => {
    expect(notifyConfig({ ATLAS_MODE: "embedded" })).toMatchObject({
      smtpUrl: null,
      webUrl: "http://127.0.0.1:3000",
      vapid: null,
    });
  });

  it("names every variable production needs, never a value", () => {
    expect(() => notifyConfig({ SMTP_URL: "smtp://secret-host:25" })).toThrow(
      /Missing EMAIL_FROM, NOTIFY_SIGNING_SECRET, ATLAS_WEB_URL, ATLAS_ADMIN_URL/,
    );
    expect(() => notifyConfig({ ATLAS_MODE: "test", VAPID_SUBJECT: "mailto:a@b.c" })).toThrow(
      /VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY/,
    );
  });
});
