"use client";

import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  use,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { cn } from "./cn.ts";

/*
 * A small menu button (WAI-ARIA "menu button" pattern), our own so that the shell does not ship a
 * positioning engine: the trigger has aria-haspopup/aria-expanded; the open menu takes the focus
 * (the checked item, else the first), arrows/Home/End move it, Enter/Space choose, Escape closes
 * and returns to the trigger, Tab or a click outside closes. The menu opens below its trigger.
 */

interface MenuState {
  open: boolean;
  menuId: string;
  triggerId: string;
  trigger: RefObject<HTMLElement | null>;
  close(focusTrigger: boolean): void;
  toggle(): void;
}

const MenuContext = createContext<MenuState | null>(null);
const RadioContext = createContext<{ value: string; onValueChange(value: string): void } | null>(
  null,
);

function useMenu(): MenuState {
  const menu = use(MenuContext);
  if (menu === null) throw new Error("Menu parts belong inside <DropdownMenu>.");
  return menu;
}

export function DropdownMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const state: MenuState = {
    open,
    menuId: `${id}-menu`,
    triggerId: `${id}-trigger`,
    trigger,
    close(focusTrigger) {
      setOpen(false);
      if (focusTrigger) trigger.current?.focus();
    },
    toggle: () => setOpen((was) => !was),
  };
  return (
    <MenuContext value={state}>
      <div ref={root} className="relative inline-block">
        {children}
      </div>
    </MenuContext>
  );
}

/** The button that opens the menu; with `asChild`, its single child (our Button, say) is it. */
export function DropdownMenuTrigger({
  asChild = false,
  children,
  ...props
}: ComponentProps<"button"> & { asChild?: boolean }) {
  const menu = useMenu();
  const triggerProps = {
    ref: menu.trigger,
    id: menu.triggerId,
    "aria-haspopup": "menu",
    "aria-expanded": menu.open,
    "aria-controls": menu.open ? menu.menuId : undefined,
    onClick: () => menu.toggle(),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === "ArrowDown" && !menu.open) {
        event.preventDefault();
        menu.toggle();
      }
    },
  } as const;
  if (!asChild) {
    return (
      <button
        type="button"
        {...props}
        {...triggerProps}
        ref={menu.trigger as RefObject<HTMLButtonElement | null>}
      >
        {children}
      </button>
    );
  }
  const child = Children.only(children);
  if (!isValidElement(child)) throw new Error("DropdownMenuTrigger asChild needs one element.");
  return cloneElement(child, triggerProps as object);
}

const ITEM = '[role^="menuitem"]:not([aria-disabled="true"])';

export function DropdownMenuContent({
  className,
  align = "start",
  children,
  ...props
}: ComponentProps<"div"> & { align?: "start" | "end" }) {
  const menu = useMenu();
  const content = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu.open) return;
    const items = content.current?.querySelectorAll<HTMLElement>(ITEM);
    const checked = content.current?.querySelector<HTMLElement>(`${ITEM}[aria-checked="true"]`);
    (checked ?? items?.[0])?.focus();
  }, [menu.open]);

  if (!menu.open) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(content.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at < 0 ? -1 : at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(-1);
    else if (event.key === "Escape") {
      event.preventDefault();
      menu.close(true);
    } else if (event.key === "Tab") menu.close(false);
  }

  return (
    <div
      ref={content}
      id={menu.menuId}
      role="menu"
      aria-labelledby={menu.triggerId}
      onKeyDown={onKeyDown}
      className={cn("menu", align === "end" ? "right-0" : "left-0", className)}
      {...props}
    >
      {children}
    </div>
  );
}

type ItemProps = Omit<ComponentProps<"div">, "onSelect"> & { onSelect?: () => void };

/** One menu item: `role` and `aria-checked` say what it is, `onSelect` runs, then the menu closes. */
function Item({ className, onSelect, ...props }: ItemProps) {
  const menu = useMenu();
  const choose = () => {
    menu.close(true);
    onSelect?.();
  };
  return (
    <div
      tabIndex={-1}
      className={cn("menu-item", className)}
      onClick={(event: MouseEvent<HTMLDivElement>) => {
        if (event.currentTarget.getAttribute("aria-disabled") !== "true") choose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      }}
      {...props}
    />
  );
}

export function DropdownMenuItem(props: ItemProps) {
  return <Item role="menuitem" {...props} />;
}

export function DropdownMenuGroup(props: ComponentProps<"div">) {
  return <div role="group" {...props} />;
}

export function DropdownMenuRadioGroup({
  value,
  onValueChange,
  ...props
}: Omit<ComponentProps<"div">, "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  return (
    <RadioContext value={{ value, onValueChange }}>
      <div role="group" {...props} />
    </RadioContext>
  );
}

export function DropdownMenuRadioItem({
  className,
  value,
  children,
  ...props
}: Omit<ComponentProps<"div">, "onSelect"> & { value: string }) {
  const group = use(RadioContext);
  if (group === null) throw new Error("A radio item belongs inside <DropdownMenuRadioGroup>.");
  const checked = group.value === value;
  return (
    <Item
      role="menuitemradio"
      aria-checked={checked}
      className={cn("pl-7", className)}
      onSelect={() => group.onValueChange(value)}
      {...props}
    >
      <span className="absolute left-2 flex size-3.5 items-center justify-center">
        {checked ? <span aria-hidden className="block size-2 rounded-full bg-primary" /> : null}
      </span>
      {children}
    </Item>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("menu-label", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      className={cn("menu-separator", className)}
      {...props}
    />
  );
}
