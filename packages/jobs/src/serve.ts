/** The Next route handler for /api/inngest: `export const { GET, POST, PUT } = inngestHandler`. */
import { serve } from "inngest/next";
import { inngest } from "./client.ts";
import { functions } from "./functions/index.ts";

export const inngestHandler = serve({ client: inngest, functions });
