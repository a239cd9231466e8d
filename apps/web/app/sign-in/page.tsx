export { default } from "@atlas/next-app/clerk-sign-in-page";
