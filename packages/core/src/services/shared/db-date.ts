/** A @db.Date column holds the calendar date at UTC midnight: local dates in and out, exactly. */
import { toLocalDate, type LocalDate } from "@atlas/time";

export const toDbDate = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);
export const fromDbDate = (date: Date): LocalDate => toLocalDate(date.toISOString().slice(0, 10));
export const fromDbDateOrNull = (date: Date | null): LocalDate | null =>
  date === null ? null : fromDbDate(date);
