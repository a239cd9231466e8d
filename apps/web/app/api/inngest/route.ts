import { inngestHandler } from "@atlas/jobs/serve";

/** Inngest (cloud or self-hosted) calls the background functions here. */
export const { GET, POST, PUT } = inngestHandler;
