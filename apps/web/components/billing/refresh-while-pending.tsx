"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 2_000;
const AT_MOST = 15;

/**
 * Back from Checkout before Stripe's webhook has brought the subscription here: the page asks the
 * server again every 2 seconds (at most 15 times) until it shows the new plan.
 */
export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    let times = 0;
    const timer = setInterval(() => {
      times += 1;
      if (times >= AT_MOST) clearInterval(timer);
      router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
