export { default, metadata } from "@atlas/next-app/dev-sign-in-page";
