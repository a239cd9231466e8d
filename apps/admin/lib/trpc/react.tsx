"use client";

import type { AdminRouter } from "@atlas/api";
import { createTRPCReactProvider } from "@atlas/next-app/trpc-react";

export const { TRPCReactProvider, useTRPC } = createTRPCReactProvider<AdminRouter>();
