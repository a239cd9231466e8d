import { appManifest } from "@atlas/next-app/branding";

export default function manifest() {
  return appManifest({
    name: "Atlas",
    shortName: "Atlas",
    description: "The execution OS for teams and their coaches.",
  });
}
