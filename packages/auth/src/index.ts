export type { Session } from "./session.ts";
export {
  authEnv,
  authEnvShape,
  authProvider,
  clerkKeysPresent,
  devSessionSecretPath,
  loadOrCreateDevSessionSecret,
  CLERK_VARIABLES,
  DEV_SESSION_SECRET_MIN_LENGTH,
  type AuthEnv,
  type AuthProvider,
  type ClerkAuthEnv,
  type DevAuthEnv,
} from "./env.ts";
export {
  mapClerkRole,
  sessionFromClerkClaims,
  sessionFromClerkRequest,
  sessionFromClerkToken,
  type ClerkRequestOptions,
  type ClerkTokenOptions,
} from "./clerk.ts";
export {
  assertDevSignInAllowed,
  closeDevSession,
  devSessionCookieOptions,
  DevSignInRefusedError,
  DEV_SESSION_COOKIE,
  DEV_SESSION_ISSUER,
  DEV_SESSION_MAX_AGE_SECONDS,
  isDevSessionOpen,
  issueDevSession,
  listDevUsers,
  openDevSession,
  readDevSession,
  type DevSessionClaims,
  type DevUser,
} from "./dev/session.ts";
export { getSession, readCookie } from "./session-from-request.ts";
export {
  CLERK_WEBHOOK_PROVIDER,
  handleClerkWebhook,
  SELF_HOSTED_PLAN_KEY,
  type ClerkWebhookOptions,
  type ClerkWebhookOutcome,
} from "./webhooks/clerk.ts";
