/**
 * Who is in the seed: users (memorable @atlas.local emails), the two workspaces and the
 * memberships. Dates are relative to each user's own local today.
 */
import { addDays, localToday, type LocalDate, type TimeSettingVersion } from "@atlas/time";
import type {
  MembershipSpec,
  UserSpec,
  WeekCapacity,
  WorkspaceKey,
  WorkspaceSpec,
} from "./model.ts";
import { atHour } from "./time.ts";

/** Users were "created" this many days before their local today (history is 60 days). */
export const USER_AGE_DAYS = 63;

interface PersonTemplate {
  key: string;
  email: string;
  name: string;
  /** Atlas staff (User.isPlatformAdmin): the platform admin, member of no workspace. */
  isPlatformAdmin?: true;
  /** Zone history, oldest first; a later entry starts `fromDay` days relative to today. */
  zones: { timeZone: string; dayStartMinutes: number; fromDay?: number }[];
}

export const PEOPLE: readonly PersonTemplate[] = [
  {
    key: "owner",
    email: "owner@atlas.local",
    name: "Olivia Owner",
    zones: [{ timeZone: "Europe/Berlin", dayStartMinutes: 0 }],
  },
  {
    key: "coach",
    email: "coach@atlas.local",
    name: "Carlos Coach",
    zones: [{ timeZone: "America/Chicago", dayStartMinutes: 0 }],
  },
  {
    key: "nora",
    email: "nora.newyork@atlas.local",
    name: "Nora Newman",
    // Moved from London to New York 30 days ago: westward, so the two versions' days never overlap.
    zones: [
      { timeZone: "Europe/London", dayStartMinutes: 0 },
      { timeZone: "America/New_York", dayStartMinutes: 0, fromDay: -30 },
    ],
  },
  {
    key: "bernd",
    email: "bernd.berlin@atlas.local",
    name: "Bernd Becker",
    zones: [{ timeZone: "Europe/Berlin", dayStartMinutes: 240 }],
  },
  {
    key: "kenji",
    email: "kenji.tokyo@atlas.local",
    name: "Kenji Kato",
    zones: [{ timeZone: "Asia/Tokyo", dayStartMinutes: 0 }],
  },
  {
    key: "sam",
    email: "sam.sydney@atlas.local",
    name: "Sam Sutherland",
    zones: [{ timeZone: "Australia/Sydney", dayStartMinutes: 0 }],
  },
  {
    key: "priya",
    email: "owner.second@atlas.local",
    name: "Priya Patel",
    zones: [{ timeZone: "Asia/Kolkata", dayStartMinutes: 0 }],
  },
  {
    key: "staff",
    email: "staff@atlas.local",
    name: "Stella Staff",
    isPlatformAdmin: true,
    zones: [{ timeZone: "Europe/Dublin", dayStartMinutes: 0 }],
  },
];

/** A user's time settings, created day and createdAt, all derived from `now`. */
function buildUser(now: Date, person: PersonTemplate): UserSpec {
  const last = person.zones[person.zones.length - 1];
  if (last === undefined) throw new Error(`${person.key} has no zone`);
  // Today in the latest zone; a zone change never makes today fall back, so this is the user's today.
  const provisional: TimeSettingVersion[] = [{ effectiveFrom: "0000-01-01" as LocalDate, ...last }];
  const today = localToday(provisional, now);
  const created = addDays(today, -USER_AGE_DAYS);
  const settings: TimeSettingVersion[] = person.zones.map((z, i) => ({
    effectiveFrom: i === 0 ? created : addDays(today, z.fromDay ?? 0),
    timeZone: z.timeZone,
    dayStartMinutes: z.dayStartMinutes,
  }));
  return {
    key: person.key,
    email: person.email,
    name: person.name,
    isPlatformAdmin: person.isPlatformAdmin ?? false,
    createdAt: atHour(settings, created, 5),
    settings,
  };
}

export function buildUsers(now: Date): UserSpec[] {
  return PEOPLE.map((p) => buildUser(now, p));
}

/** The user's local today. */
export function todayOf(user: UserSpec, now: Date): LocalDate {
  return localToday(user.settings, now);
}

export function userByKey(users: readonly UserSpec[], key: string): UserSpec {
  const user = users.find((u) => u.key === key);
  if (user === undefined) throw new Error(`unknown seed user ${key}`);
  return user;
}

/** The workspace is created on its owner's first day, an hour after the owner signed up. */
export function buildWorkspaces(users: readonly UserSpec[]): WorkspaceSpec[] {
  const owner = userByKey(users, "owner");
  const priya = userByKey(users, "priya");
  return [
    {
      key: "demo",
      name: "Demo Team",
      slug: "demo",
      defaultTimeZone: "Europe/Berlin",
      planKey: "self_hosted",
      lateEntryWindowDays: 7,
      createdAt: new Date(owner.createdAt.getTime() + 3_600_000),
      subscription: { status: "active", seats: 10 },
    },
    {
      key: "second",
      name: "Second Workspace",
      slug: "second",
      defaultTimeZone: "Australia/Sydney",
      planKey: "self_hosted",
      lateEntryWindowDays: 7,
      createdAt: new Date(priya.createdAt.getTime() + 3_600_000),
    },
  ];
}

const DEFAULT_CAPACITY: WeekCapacity = [360, 360, 360, 360, 360, 0, 0];
/** Kenji works part-time: 4 hours Monday to Thursday. */
const PART_TIME: WeekCapacity = [240, 240, 240, 240, 0, 0, 0];

const MEMBERSHIPS: readonly {
  workspace: WorkspaceKey;
  user: string;
  role: MembershipSpec["role"];
  capacity?: WeekCapacity;
}[] = [
  { workspace: "demo", user: "owner", role: "owner" },
  { workspace: "demo", user: "coach", role: "coach" },
  { workspace: "demo", user: "nora", role: "member" },
  { workspace: "demo", user: "bernd", role: "member" },
  { workspace: "demo", user: "kenji", role: "member", capacity: PART_TIME },
  { workspace: "demo", user: "sam", role: "member" },
  { workspace: "second", user: "priya", role: "owner" },
  { workspace: "second", user: "coach", role: "coach" },
  { workspace: "second", user: "sam", role: "member" },
];

/** Everyone joins the day after signing up (the owner when creating the workspace). */
export function buildMemberships(
  users: readonly UserSpec[],
  workspaces: readonly WorkspaceSpec[],
): MembershipSpec[] {
  return MEMBERSHIPS.map((m) => {
    const user = userByKey(users, m.user);
    const ws = workspaces.find((w) => w.key === m.workspace);
    if (ws === undefined) throw new Error(`unknown workspace ${m.workspace}`);
    const joined =
      m.role === "owner"
        ? ws.createdAt
        : new Date(Math.max(ws.createdAt.getTime(), user.createdAt.getTime()) + 86_400_000);
    return {
      workspace: m.workspace,
      user: m.user,
      role: m.role,
      capacity: m.capacity ?? DEFAULT_CAPACITY,
      createdAt: joined,
    };
  });
}
