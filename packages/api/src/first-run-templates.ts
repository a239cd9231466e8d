/**
 * The starter habit catalog of the first-run guide (docs/domain.md "First run") lives in
 * @atlas/core as data; the apps read it from here, as they read the permission table.
 */
export {
  HABIT_TEMPLATES,
  TEMPLATE_AREAS,
  type HabitTemplate,
  type TemplateArea,
} from "@atlas/core/first-run/templates";
