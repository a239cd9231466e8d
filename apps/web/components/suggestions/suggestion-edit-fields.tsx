"use client";

import { DateField, Field, Input, NativeSelect, fieldControlProps } from "@atlas/ui";
import type { EditField, EditForm } from "./suggestion-review.tsx";

const LABEL: Record<EditField, string> = {
  title: "Title",
  estimateMinutes: "Estimate (minutes)",
  priority: "Priority",
  durationMinutes: "Minutes",
  targetValue: "Target",
  localDate: "Day",
};

/**
 * An item's "Edit before accepting" fields (`fields`, as its kind allows), in a chunk of their
 * own: empty fields change nothing. `name` prefixes the fields' ids.
 */
export function SuggestionEditFields({
  name,
  fields,
  edit,
  onChange,
}: {
  name: string;
  fields: EditField[];
  edit: EditForm;
  onChange: (edit: EditForm) => void;
}) {
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-3">
      {fields.map((field) => {
        const id = `${name}-${field}`;
        const value = edit[field] ?? "";
        const set = (v: string) => onChange({ ...edit, [field]: v });
        return (
          <Field key={field} id={id} label={LABEL[field]}>
            {field === "priority" ? (
              <NativeSelect
                {...fieldControlProps(id, {})}
                value={value}
                onChange={(e) => set(e.target.value)}
                options={[
                  { value: "", label: "As proposed" },
                  { value: "low", label: "Low" },
                  { value: "medium", label: "Medium" },
                  { value: "high", label: "High" },
                ]}
              />
            ) : field === "localDate" ? (
              <DateField {...fieldControlProps(id, {})} value={value} onChange={set} />
            ) : (
              <Input
                {...fieldControlProps(id, {})}
                type={field === "title" ? "text" : "number"}
                min={field === "title" ? undefined : 0}
                value={value}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
