import { Field, NativeSelect, fieldControlProps } from "@atlas/ui";

export interface GoalOption {
  id: string;
  title: string;
}

/** A plan's goal in its form: one of the member's goals, or none (""). */
export function GoalField({
  id,
  goals,
  value,
  error,
  onChange,
}: {
  id: string;
  goals: GoalOption[];
  value: string;
  error: string | null;
  onChange: (goalId: string) => void;
}) {
  return (
    <Field id={id} label="Goal" error={error}>
      <NativeSelect
        {...fieldControlProps(id, { error })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={[
          { value: "", label: "No goal" },
          ...goals.map((g) => ({ value: g.id, label: g.title })),
        ]}
      />
    </Field>
  );
}
