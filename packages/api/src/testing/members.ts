/**
 * Fresh members for the read-model suites: the seeded people carry 60 days of history, which
 * would blur an exact score or ranking, so these suites arrange their own people.
 */
import { randomUUID } from "node:crypto";
import type { LocalDate } from "@atlas/time";
import type { Harness, WorkspaceKey } from "./harness.ts";
import { clockAt, wallTime } from "./plans.ts";

export interface FreshMember {
  userId: string;
  timeZone: string;
  /** A caller acting as the member at `time` on their local `date`. */
  at(date: LocalDate, time?: string): ReturnType<Harness["as"]>;
}

/**
 * A user with one time setting and a membership created on `joinedOn` (their local day): nothing
 * before it is derived, so every write's refresh stays short.
 */
export async function newMember(
  h: Harness,
  options: {
    joinedOn: LocalDate;
    name?: string;
    timeZone?: string;
    role?: "owner" | "admin" | "coach" | "member";
    workspace?: WorkspaceKey;
  },
): Promise<FreshMember> {
  const timeZone = options.timeZone ?? "America/New_York";
  const workspace = options.workspace ?? "demo";
  const joinedAt = wallTime(timeZone, options.joinedOn, "08:00");
  const user = await h.admin.user.create({
    data: { email: `${randomUUID()}@atlas.test`, name: options.name ?? "Fresh Member" },
  });
  await h.admin.userTimeSetting.create({
    data: {
      userId: user.id,
      effectiveFrom: new Date(`${options.joinedOn}T00:00:00.000Z`),
      timeZone,
      dayStartMinutes: 0,
    },
  });
  await h.admin.membership.create({
    data: {
      workspaceId: h.workspaceIds[workspace],
      userId: user.id,
      role: options.role ?? "member",
      createdAt: joinedAt,
    },
  });
  return {
    userId: user.id,
    timeZone,
    at: (date, time = "12:00") =>
      h.as(user.id, workspace, { clock: clockAt(wallTime(timeZone, date, time)) }),
  };
}
