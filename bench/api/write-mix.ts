/**
 * The write mix: each connection checks a habit in (log.checkIn), then undoes that entry
 * (log.undo), over and over, across many members and habits, every request with its own
 * idempotency key. A ledger keeps every key sent and its answer, so that the events in the
 * database can be matched to the answers afterwards: none lost, none doubled.
 */
import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import type pg from "pg";

export interface HabitToLog {
  habitId: string;
  /** The owner's session cookie. */
  cookie: string;
  /** An at_most habit is checked in with an amount; the others with a plain done. */
  value?: number;
}

interface Sent {
  kind: "done" | "undo";
  /** The HTTP status; undefined while in flight (or when the run stopped before the answer). */
  status?: number;
}

/** What one connection remembers between its check-in and its undo. */
interface Cycle {
  habit?: HabitToLog;
  key?: string;
  eventId?: string;
}

const isOk = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export function writeMix(habits: readonly HabitToLog[], connections: number) {
  // Room for every connection's habit in use plus the ones left done by a failed undo.
  if (habits.length < 4 * connections) {
    throw new Error(`the write mix needs at least ${4 * connections} habits, has ${habits.length}`);
  }
  const ledger = new Map<string, Sent>();
  // Habits not done today: a connection takes one for a cycle and gives it back once undone.
  const free = [...habits];
  const post = (request: autocannon.Request, cookie: string, input: object) => ({
    ...request,
    method: "POST" as const,
    headers: { ...request.headers, cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });

  const requests: autocannon.Request[] = [
    {
      path: "/api/trpc/log.checkIn",
      setupRequest: (request, context) => {
        const cycle = context as Cycle;
        const habit = free.shift();
        if (habit === undefined) throw new Error("the write mix ran out of habits not done today");
        const key = randomUUID();
        ledger.set(key, { kind: "done" });
        Object.assign(cycle, { habit, key, eventId: undefined });
        return post(request, habit.cookie, {
          idempotencyKey: key,
          habitId: habit.habitId,
          ...(habit.value === undefined ? {} : { value: habit.value }),
        });
      },
      onResponse: (status, body, context) => {
        const cycle = context as Cycle;
        ledger.get(cycle.key!)!.status = status;
        if (isOk(status)) {
          const answer = JSON.parse(body) as {
            result: { data: { json: { event: { id: string } } } };
          };
          cycle.eventId = answer.result.data.json.event.id;
        } else {
          free.push(cycle.habit!);
        }
      },
    },
    {
      path: "/api/trpc/log.undo",
      setupRequest: (request, context) => {
        const cycle = context as Cycle;
        // No entry to undo (the check-in was refused): start the next cycle instead.
        if (cycle.eventId === undefined) return null as unknown as autocannon.Request;
        const key = randomUUID();
        ledger.set(key, { kind: "undo" });
        cycle.key = key;
        return post(request, cycle.habit!.cookie, { idempotencyKey: key, eventId: cycle.eventId });
      },
      onResponse: (status, _body, context) => {
        const cycle = context as Cycle;
        ledger.get(cycle.key!)!.status = status;
        // A failed undo leaves the habit done today: it leaves the rotation.
        if (isOk(status)) free.push(cycle.habit!);
      },
    },
  ];
  return { requests, ledger };
}

export interface WriteCheck {
  checkIns: number;
  undos: number;
  events: number;
  /** Answered 2xx, no event with its key. */
  lost: number;
  /** More than one event for a key, an event of the wrong kind, or an event with a key never sent. */
  doubled: number;
  /** Answered with an error (non-2xx), yet an event carries its key: committed, then failed. */
  writtenDespiteRefusal: number;
  /** Sent but unanswered when the run stopped: either outcome is right. */
  inFlight: number;
}

/** Matches the events recorded since `since` (read as the admin role) to the ledger's answers. */
export async function checkWrites(
  client: pg.ClientBase,
  since: Date,
  ledger: ReadonlyMap<string, Sent>,
): Promise<WriteCheck> {
  const { rows } = await client.query<{ idempotencyKey: string; kind: string }>(
    `SELECT "idempotencyKey", kind FROM "ExecutionEvent" WHERE "recordedAt" >= $1`,
    [since],
  );
  const eventsByKey = new Map<string, string[]>();
  for (const row of rows) {
    eventsByKey.set(row.idempotencyKey, [...(eventsByKey.get(row.idempotencyKey) ?? []), row.kind]);
  }
  const check: WriteCheck = {
    checkIns: 0,
    undos: 0,
    events: rows.length,
    lost: 0,
    doubled: 0,
    writtenDespiteRefusal: 0,
    inFlight: 0,
  };
  for (const [key, sent] of ledger) {
    const kinds = eventsByKey.get(key) ?? [];
    eventsByKey.delete(key);
    if (sent.status === undefined) {
      check.inFlight++;
    } else if (!isOk(sent.status)) {
      if (kinds.length > 0) check.writtenDespiteRefusal++;
    } else {
      if (sent.kind === "done") check.checkIns++;
      else check.undos++;
      if (kinds.length === 0) check.lost++;
      else if (kinds.length > 1 || kinds[0] !== sent.kind) check.doubled++;
    }
  }
  for (const kinds of eventsByKey.values()) check.doubled += kinds.length;
  return check;
}
