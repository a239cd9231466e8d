"use client";

import { useState, type ReactNode } from "react";
import { buttonVariants } from "./button-variants.ts";

/**
 * A closed disclosure (`<details>`) whose content renders the first time it opens and stays
 * rendered after: given a lazily loaded component, its code is fetched then, not with the page
 * (ADR 0013). For a part people use now and then, such as a plan's edit form on its page.
 */
export function OpenToLoad({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary
        className={`${buttonVariants({ variant: "outline" })} w-fit list-none [&::-webkit-details-marker]:hidden`}
      >
        {summary}
      </summary>
      {opened ? <div className="mt-4">{children}</div> : null}
    </details>
  );
}
