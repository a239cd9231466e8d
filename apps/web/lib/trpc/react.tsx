"use client";

import type { AppRouter } from "@atlas/api";
import { createTRPCReactProvider } from "@atlas/next-app/trpc-react";

export const { TRPCReactProvider, useTRPC } = createTRPCReactProvider<AppRouter>();
