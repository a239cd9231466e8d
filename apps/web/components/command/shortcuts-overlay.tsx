"use client";

import { Button } from "@atlas/ui";
import { Modal } from "@atlas/ui/modal";
import { useId } from "react";

/** Every keyboard shortcut in the app; single keys never fire while typing in a field. */
function shortcuts(modifier: string): [string, [string[], string][]][] {
  return [
    [
      "Anywhere",
      [
        [[modifier, "K"], "Search, jump to a page or item, add a task, habit or goal"],
        [["?"], "Show these shortcuts"],
      ],
    ],
    [
      "In the search box",
      [
        [["↑", "↓"], "Move through the results"],
        [["Enter"], "Choose the highlighted result"],
        [["Esc"], "Close"],
      ],
    ],
    [
      "Today",
      [
        [["j"], "Next row"],
        [["k"], "Previous row"],
        [["x"], "Check in the row (a measurable habit: type the amount)"],
        [["u"], "Undo the row's last check-in or skip"],
        [["s"], "Skip the habit today"],
        [["e"], "Edit the task's title and due date (Enter too)"],
      ],
    ],
    [
      "Editing a task's title or date",
      [
        [["Enter"], "Save"],
        [["Esc"], "Cancel"],
      ],
    ],
  ];
}

/** The "?" overlay: the list of shortcuts, by where they work. */
export function ShortcutsOverlay({ modifier, onClose }: { modifier: string; onClose: () => void }) {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose}>
      {(close) => (
        <div className="flex flex-col gap-4 p-5">
          <div className="flex items-center justify-between gap-3">
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Keyboard shortcuts
            </h2>
            <Button type="button" variant="ghost" size="sm" data-autofocus onClick={close}>
              Close
            </Button>
          </div>
          {shortcuts(modifier).map(([where, list]) => (
            <section key={where} aria-labelledby={`${id}-${where}`} className="flex flex-col gap-2">
              <h3 id={`${id}-${where}`} className="text-sm font-semibold text-muted-foreground">
                {where}
              </h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
                {list.map(([keys, what]) => (
                  <div key={what} className="contents">
                    <dt className="flex gap-1">
                      {keys.map((key) => (
                        <kbd
                          key={key}
                          className="min-w-6 rounded border border-border bg-muted px-1.5 text-center font-sans text-xs leading-5"
                        >
                          {key}
                        </kbd>
                      ))}
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </Modal>
  );
}
