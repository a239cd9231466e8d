"use client";

import { cn } from "@atlas/ui";
import type { ZoneOption } from "@atlas/time/zone-names";
import { useId, useRef, useState, type KeyboardEvent } from "react";

/** The list is built in the browser when first opened (Intl knows the zones; nothing is sent). */
interface Zones {
  options: ZoneOption[];
  search: (options: readonly ZoneOption[], query: string) => ZoneOption[];
}
let zoneList: Promise<Zones> | undefined;
function loadZones(): Promise<Zones> {
  zoneList ??= import("@atlas/time/zone-names").then((m) => ({
    options: m.zoneOptions(new Date()),
    search: m.searchZones,
  }));
  return zoneList;
}

const SHOWN = 60;

/**
 * Choose a time zone by typing a city, region or offset ("Kyiv", "europe", "+5:30"): the ARIA 1.2
 * combobox (an input with a listbox popup; arrows move, Enter picks, Escape closes). Options carry
 * current IANA names and offsets ("UTC+05:30 · Asia/Kolkata (Kolkata)"); `name` posts the zone.
 */
export function TimeZonePicker({
  id,
  name,
  value,
  label,
  onChange,
  "aria-describedby": describedBy,
  "aria-invalid": isInvalid,
}: {
  /** With aria-invalid and aria-describedby, as `fieldControlProps` gives them. */
  id: string;
  name: string;
  /** The zone chosen (an IANA name). */
  value: string;
  /** How the chosen zone is shown while the list is closed. */
  label: string;
  onChange: (option: ZoneOption) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [zones, setZones] = useState<Zones | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const isOpen = query !== null;

  const matches = zones && query !== null ? zones.search(zones.options, query).slice(0, SHOWN) : [];

  function open(text: string) {
    setQuery(text);
    setActive(0);
    if (!zones) void loadZones().then(setZones);
  }

  function pick(option: ZoneOption) {
    onChange(option);
    setQuery(null);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen) return open("");
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === "Enter" && isOpen) {
      event.preventDefault();
      const option = matches[active];
      if (option) pick(option);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  }

  const activeId = isOpen && matches[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="relative">
      <input type="hidden" name={name} value={value} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={isInvalid}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search a city, region or offset"
        className="control"
        value={query ?? label}
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => (isOpen ? undefined : open(""))}
        onChange={(event) => open(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Time zones"
        hidden={!isOpen}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
      >
        {!zones ? (
          <li role="presentation" className="px-3 py-2 text-muted-foreground">
            Loading time zones…
          </li>
        ) : matches.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-muted-foreground">
            No time zone matches “{query}”.
          </li>
        ) : (
          matches.map((option, index) => (
            <li
              key={option.zone}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option.zone === value}
              // Picked on mousedown so the input's blur does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseMove={() => setActive(index)}
              className={cn(
                "cursor-pointer px-3 py-1.5 whitespace-nowrap",
                index === active && "bg-muted",
                option.zone === value && "font-medium",
              )}
              ref={
                index === active ? (node) => node?.scrollIntoView({ block: "nearest" }) : undefined
              }
            >
              {option.label}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
