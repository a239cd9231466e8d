"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { buttonVariants } from "./button-variants.ts";

/**
 * A closed disclosure (`<details>`) whose content renders the first time it opens and stays
 * rendered after: given a lazily loaded component, its code is fetched then, not with the page
 * (ADR 0013). For a part people use now and then: a plan's form ("New habit", "Edit goal"). With
 * `id`, an address ending in `#id` (a link from another page, or a plain `<a href="#id">` on this
 * one) opens it and scrolls it into view.
 */
export function OpenToLoad({
  id,
  summary,
  children,
}: {
  id?: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (id === undefined) return;
    function openIfAddressed() {
      if (window.location.hash !== `#${id}` || details.current === null) return;
      details.current.open = true;
      details.current.scrollIntoView({ block: "start" });
    }
    openIfAddressed();
    window.addEventListener("hashchange", openIfAddressed);
    return () => window.removeEventListener("hashchange", openIfAddressed);
  }, [id]);

  return (
    <details
      ref={details}
      id={id}
      className="scroll-mt-4"
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
