/**
 * The notification channels of the jobs' integration tests: the test-mode configuration, the
 * stored outbox over the admin client, no push, an in-process inbox bus.
 */
import type { Db } from "@atlas/db";
import { notifyConfig, outboxTransport } from "@atlas/notify";
import { createInboxBus } from "@atlas/notify/inbox-bus";
import type { NotifyChannels } from "./deps.ts";

export function testNotifyChannels(admin: Db): NotifyChannels {
  return {
    config: notifyConfig({}, "test"),
    email: outboxTransport(admin),
    push: null,
    inboxBus: createInboxBus(),
  };
}
