/** Today's page (and API) as the journeys read them. */
import type { APIRequestContext, Page } from "@playwright/test";
import { query } from "./trpc.ts";

export interface TodayView {
  localDate: string;
  score: { percent: number | null; dueCount: number; doneCount: number };
  habits: {
    id: string;
    name: string;
    state: "pending" | "met" | "partial" | "skipped";
    skips: { allowance: number | null; used: number; remaining: number | null };
  }[];
}

export const getToday = (request: APIRequestContext, baseUrl: string) =>
  query<TodayView>(request, baseUrl, "today.get");

/** A habit's row on Today: the list item under its name's heading. */
export const habitRow = (page: Page, name: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
