import type { ReactNode } from "react";
import { HeaderMenuPanel } from "./header-menu-panel.tsx";

const TRIGGER =
  "flex h-9 items-center gap-2 rounded-md px-2.5 text-sm font-medium whitespace-nowrap text-foreground hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * A header's menu on the browser's Popover API: a button (`popovertarget`) and the panel it shows
 * and hides (`popover="auto"`). The browser exposes the button as expanded or collapsed, closes the
 * panel on Escape (focus back to the button) and on a click outside, and puts the panel next in
 * the tab order after the button; the panel's small client part does the rest (header-menu-panel).
 * `id` names the panel and must be unique on the page.
 */
export function HeaderMenu({
  id,
  trigger,
  children,
  triggerClassName,
}: {
  id: string;
  /** The button's content; it names the button. */
  trigger: ReactNode;
  children: ReactNode;
  /** The button's classes, in place of the header's plain button. */
  triggerClassName?: string;
}) {
  return (
    <>
      <button type="button" popoverTarget={id} className={triggerClassName ?? TRIGGER}>
        {trigger}
      </button>
      <HeaderMenuPanel id={id}>{children}</HeaderMenuPanel>
    </>
  );
}
