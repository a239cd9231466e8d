import { appManifest } from "@atlas/next-app/branding";

export default function manifest() {
  return appManifest({
    name: "Atlas admin",
    shortName: "Atlas admin",
    description: "Atlas admin: the coach console.",
  });
}
