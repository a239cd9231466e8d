"use client";

// Replaces Next's built-in error page when the root layout fails (packages/next-app).
export { GlobalErrorPage as default } from "@atlas/next-app/global-error-page";
