export {
  addDays,
  diffDays,
  isLocalDate,
  isoWeekday,
  isoWeekStart,
  toLocalDate,
  type LocalDate,
} from "./calendar.ts";
export * from "./day-key.ts";
export * from "./clock.ts";
export * from "./time-setting.ts";
export * from "./zone-names.ts";
