/** The admin console's router (apps/admin serves it at its own /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { listWeekSummaries } from "./routers/admin/week/list-week-summaries.ts";
import { listAuditLog } from "./routers/admin/platform/audit/list-audit-log.ts";
import { breakGlass } from "./routers/admin/platform/support/break-glass.ts";
import { getSupportMembers } from "./routers/admin/platform/support/get-support-members.ts";
import { listMyGrants } from "./routers/admin/platform/support/list-my-grants.ts";
import { requestSupportAccess } from "./routers/admin/platform/support/request-support-access.ts";
import { listTenants } from "./routers/admin/platform/tenants/list-tenants.ts";
import { clearMemberStatus } from "./routers/admin/portfolio/clear-member-status.ts";
import { listPortfolio } from "./routers/admin/portfolio/list-portfolio.ts";
import { setMemberStatus } from "./routers/admin/portfolio/set-member-status.ts";
import { createTRPCRouter } from "./trpc.ts";
import { listApprovalQueue } from "./routers/admin/ai/list-approval-queue.ts";
import { reviewSuggestions } from "./routers/admin/ai/review-suggestions.ts";
import { createNote } from "./routers/admin/member/create-note.ts";
import { deleteNote } from "./routers/admin/member/delete-note.ts";
import { getMember } from "./routers/admin/member/get-member.ts";
import { getMemberDashboard } from "./routers/admin/member/get-member-dashboard.ts";
import { getMemberHabitHistory } from "./routers/admin/member/get-member-habit-history.ts";
import { getMemberToday } from "./routers/admin/member/get-member-today.ts";
import { getOverloadHistory } from "./routers/admin/member/get-overload-history.ts";
import { listMemberLog } from "./routers/admin/member/list-member-log.ts";
import { listNotes } from "./routers/admin/member/list-notes.ts";
import { recordOverride } from "./routers/admin/member/record-override.ts";
import { updateMemberHabit } from "./routers/admin/member/update-member-habit.ts";
import { updateMemberTask } from "./routers/admin/member/update-member-task.ts";
import { updateNote } from "./routers/admin/member/update-note.ts";

const portfolioRouter = {
  list: listPortfolio,
  setStatus: setMemberStatus,
  clearStatus: clearMemberStatus,
} satisfies TRPCRouterRecord;

const weekRouter = {
  list: listWeekSummaries,
} satisfies TRPCRouterRecord;

/** Atlas staff only (platformProcedure); member data only under a support grant. */
const platformRouter = {
  tenants: { list: listTenants },
  audit: { list: listAuditLog },
  support: {
    request: requestSupportAccess,
    breakGlass,
    listMine: listMyGrants,
    members: getSupportMembers,
  },
} satisfies TRPCRouterRecord;

/** One member's drill-down (/members/[workspaceId]/[memberId]): every call names both. */
const memberRouter = {
  get: getMember,
  today: getMemberToday,
  dashboard: getMemberDashboard,
  habitHistory: getMemberHabitHistory,
  log: listMemberLog,
  overloadHistory: getOverloadHistory,
  override: recordOverride,
  updateHabit: updateMemberHabit,
  updateTask: updateMemberTask,
} satisfies TRPCRouterRecord;

const notesRouter = {
  list: listNotes,
  create: createNote,
  update: updateNote,
  delete: deleteNote,
} satisfies TRPCRouterRecord;

/** docs/domain.md "AI suggestions" → "The approval queue". */
const approvalsRouter = {
  list: listApprovalQueue,
  review: reviewSuggestions,
} satisfies TRPCRouterRecord;

export const adminRouter = createTRPCRouter({
  portfolio: portfolioRouter,
  week: weekRouter,
  platform: platformRouter,
  member: memberRouter,
  notes: notesRouter,
  approvals: approvalsRouter,
});

export type AdminRouter = typeof adminRouter;
