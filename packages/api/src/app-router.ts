/** The web app's router (apps/web serves it at /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { archiveGoal } from "./routers/app/goal/archive-goal.ts";
import { createGoal } from "./routers/app/goal/create-goal.ts";
import { createMilestone } from "./routers/app/goal/create-milestone.ts";
import { getGoal } from "./routers/app/goal/get-goal.ts";
import { listGoals } from "./routers/app/goal/list-goals.ts";
import { removeMilestone } from "./routers/app/goal/remove-milestone.ts";
import { reorderMilestones } from "./routers/app/goal/reorder-milestones.ts";
import { updateGoal } from "./routers/app/goal/update-goal.ts";
import { updateMilestone } from "./routers/app/goal/update-milestone.ts";
import { archiveHabit } from "./routers/app/habit/archive-habit.ts";
import { createHabit } from "./routers/app/habit/create-habit.ts";
import { getHabit } from "./routers/app/habit/get-habit.ts";
import { getHabitHistory } from "./routers/app/habit/get-habit-history.ts";
import { listHabits } from "./routers/app/habit/list-habits.ts";
import { updateHabit } from "./routers/app/habit/update-habit.ts";
import { checkIn } from "./routers/app/log/check-in.ts";
import { getLogDay } from "./routers/app/log/get-log-day.ts";
import { skipHabit } from "./routers/app/log/skip-habit.ts";
import { undoEvent } from "./routers/app/log/undo-event.ts";
import { getMe } from "./routers/app/me/get-me.ts";
import { getMySettings } from "./routers/app/me/get-my-settings.ts";
import { updateMySettings } from "./routers/app/me/update-my-settings.ts";
import { getCapacity } from "./routers/app/membership/get-capacity.ts";
import { updateCapacity } from "./routers/app/membership/update-capacity.ts";
import { getCurrentWorkspace } from "./routers/app/workspace/get-current-workspace.ts";
import { getDashboard } from "./routers/app/dashboard/get-dashboard.ts";
import { applyRelief } from "./routers/app/overload/apply-relief.ts";
import { getToday } from "./routers/app/today/get-today.ts";
import { listMyNotes } from "./routers/app/coach-note/list-my-notes.ts";
import { archiveTask } from "./routers/app/task/archive-task.ts";
import { rescheduleOverdue } from "./routers/app/task/reschedule-overdue.ts";
import { createTask } from "./routers/app/task/create-task.ts";
import { getTask } from "./routers/app/task/get-task.ts";
import { listTasks } from "./routers/app/task/list-tasks.ts";
import { updateTask } from "./routers/app/task/update-task.ts";
import { getWorkspaceSettings } from "./routers/app/workspace/get-workspace-settings.ts";
import { listMembers } from "./routers/app/workspace/list-members.ts";
import { acceptInvitation } from "./routers/app/workspace/accept-invitation.ts";
import { changeRole } from "./routers/app/workspace/change-role.ts";
import { invite } from "./routers/app/workspace/invite.ts";
import { listInvitations } from "./routers/app/workspace/list-invitations.ts";
import { removeMember } from "./routers/app/workspace/remove-member.ts";
import { revokeInvitation } from "./routers/app/workspace/revoke-invitation.ts";
import { listWorkspaces } from "./routers/app/workspace/list-workspaces.ts";
import { updateWorkspaceSettings } from "./routers/app/workspace/update-workspace-settings.ts";
import { approveSupportGrant } from "./routers/app/support/approve-support-grant.ts";
import { getActiveSupport } from "./routers/app/support/get-active-support.ts";
import { listSupportGrants } from "./routers/app/support/list-support-grants.ts";
import { refuseSupportGrant } from "./routers/app/support/refuse-support-grant.ts";
import { revokeSupportGrant } from "./routers/app/support/revoke-support-grant.ts";
import { setSupportAccess } from "./routers/app/support/set-support-access.ts";
import { exportLog } from "./routers/app/export/export-log.ts";
import { changePlan } from "./routers/app/billing/change-plan.ts";
import { getBillingSummary } from "./routers/app/billing/get-billing-summary.ts";
import { listInvoices } from "./routers/app/billing/list-invoices.ts";
import { openBillingPortal } from "./routers/app/billing/open-billing-portal.ts";
import { previewPlanChange } from "./routers/app/billing/preview-plan-change.ts";
import { startCheckout } from "./routers/app/billing/start-checkout.ts";
import { decideSuggestion } from "./routers/app/ai/decide-suggestion.ts";
import { getSuggestion } from "./routers/app/ai/get-suggestion.ts";
import { listSuggestions } from "./routers/app/ai/list-suggestions.ts";
import { requestSuggestion } from "./routers/app/ai/request-suggestion.ts";
import { getUnreadCount } from "./routers/app/inbox/get-unread-count.ts";
import { listInbox } from "./routers/app/inbox/list-inbox.ts";
import { liveInbox } from "./routers/app/inbox/live-inbox.ts";
import { markAllRead, markRead } from "./routers/app/inbox/mark-read.ts";
import { getPreferences } from "./routers/app/notifications/get-preferences.ts";
import { pushPublicKey, pushSubscribe, pushUnsubscribe } from "./routers/app/notifications/push.ts";
import { updatePreferences } from "./routers/app/notifications/update-preferences.ts";
import { updateSettings } from "./routers/app/notifications/update-settings.ts";
import { advanceFirstRun, skipFirstRun } from "./routers/app/first-run/advance-first-run.ts";
import { getFirstRun } from "./routers/app/first-run/get-first-run.ts";
import { pickStarterHabits } from "./routers/app/first-run/pick-starter-habits.ts";
import { createTRPCRouter } from "./trpc.ts";

const workspaceRouter = {
  current: getCurrentWorkspace,
  list: listWorkspaces,
  members: listMembers,
  settings: { get: getWorkspaceSettings, update: updateWorkspaceSettings },
  /** docs/domain.md "Members and invitations". */
  changeRole,
  removeMember,
  invite,
  invitations: listInvitations,
  revokeInvitation,
  acceptInvitation,
} satisfies TRPCRouterRecord;

/** docs/domain.md "Notifications" › "Preferences": the caller's own choices in this workspace. */
const notificationsRouter = {
  preferences: { get: getPreferences, update: updatePreferences },
  settings: { update: updateSettings },
  push: { publicKey: pushPublicKey, subscribe: pushSubscribe, unsubscribe: pushUnsubscribe },
} satisfies TRPCRouterRecord;

const meRouter = {
  get: getMe,
  settings: { get: getMySettings, update: updateMySettings },
} satisfies TRPCRouterRecord;

const membershipRouter = {
  capacity: { get: getCapacity, update: updateCapacity },
} satisfies TRPCRouterRecord;

/** docs/domain.md "First run": the guide a member with nothing planned sees on Today. */
const firstRunRouter = {
  get: getFirstRun,
  pickHabits: pickStarterHabits,
  advance: advanceFirstRun,
  skip: skipFirstRun,
} satisfies TRPCRouterRecord;

/** Plans of work (docs/domain.md "Plans of work"): every create is idempotent on `idempotencyKey`. */
const goalRouter = {
  list: listGoals,
  get: getGoal,
  create: createGoal,
  update: updateGoal,
  archive: archiveGoal,
  milestone: {
    create: createMilestone,
    update: updateMilestone,
    reorder: reorderMilestones,
    remove: removeMilestone,
  },
} satisfies TRPCRouterRecord;

const habitRouter = {
  list: listHabits,
  get: getHabit,
  history: getHabitHistory,
  create: createHabit,
  update: updateHabit,
  archive: archiveHabit,
} satisfies TRPCRouterRecord;

const taskRouter = {
  list: listTasks,
  get: getTask,
  create: createTask,
  update: updateTask,
  archive: archiveTask,
  rescheduleOverdue,
} satisfies TRPCRouterRecord;

/** The execution log (docs/domain.md "The execution log"): append-only. */
const logRouter = {
  checkIn,
  skip: skipHabit,
  undo: undoEvent,
  day: getLogDay,
} satisfies TRPCRouterRecord;

/** Read models of the member's screens, "as of now" (docs/domain.md "Read models"). */
const todayRouter = { get: getToday } satisfies TRPCRouterRecord;
const dashboardRouter = { get: getDashboard } satisfies TRPCRouterRecord;

/** docs/domain.md "Overload": applying the relief the dashboard proposes. */
const overloadRouter = { applyRelief } satisfies TRPCRouterRecord;

/** Atlas staff's support access, as the workspace sees it (docs/domain.md "Support access"). */
const supportRouter = {
  list: listSupportGrants,
  active: getActiveSupport,
  approve: approveSupportGrant,
  refuse: refuseSupportGrant,
  revoke: revokeSupportGrant,
  setEnabled: setSupportAccess,
} satisfies TRPCRouterRecord;
/** docs/domain.md "Data export": the log a page at a time (the CSV route at /api/export/log walks it). */
const exportRouter = { log: exportLog } satisfies TRPCRouterRecord;

/** docs/domain.md "Coach notes": what coaches shared with the caller. */
const coachNoteRouter = { listMine: listMyNotes } satisfies TRPCRouterRecord;

/** The billing page (docs/domain.md "Billing page"): owners act, admins read. */
const billingRouter = {
  summary: getBillingSummary,
  checkout: startCheckout,
  previewPlanChange,
  changePlan,
  portal: openBillingPortal,
  invoices: listInvoices,
} satisfies TRPCRouterRecord;

/** docs/domain.md "AI suggestions": the planner proposes, nothing changes until the member decides. */
const aiRouter = {
  request: requestSuggestion,
  list: listSuggestions,
  get: getSuggestion,
  decide: decideSuggestion,
} satisfies TRPCRouterRecord;

/** docs/architecture.md "Live inbox": the in-app notifications and their live stream. */
const inboxRouter = {
  list: listInbox,
  unreadCount: getUnreadCount,
  markRead,
  markAllRead,
  live: liveInbox,
} satisfies TRPCRouterRecord;

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  me: meRouter,
  membership: membershipRouter,
  firstRun: firstRunRouter,
  goal: goalRouter,
  habit: habitRouter,
  task: taskRouter,
  log: logRouter,
  today: todayRouter,
  dashboard: dashboardRouter,
  overload: overloadRouter,
  support: supportRouter,
  coachNote: coachNoteRouter,
  export: exportRouter,
  billing: billingRouter,
  ai: aiRouter,
  inbox: inboxRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
