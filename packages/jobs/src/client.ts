/**
 * The Inngest client. In production it talks to Inngest cloud or a self-hosted server (keys from
 * INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY, read by the SDK); in embedded and test mode it is in
 * dev mode, needs no keys, and nothing is sent to it (`send` and the embedded scheduler run the
 * same plain functions in-process).
 */
import { atlasMode } from "@atlas/config";
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "atlas", isDev: atlasMode() !== "production" });
