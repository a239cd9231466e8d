import { createNextConfig } from "@atlas/next-app/next-config";
import { loadEnv } from "./env.ts";

export default createNextConfig({ loadEnv });
