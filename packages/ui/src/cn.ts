import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. It merges nothing: a caller's utilities win over a component's own classes
 * because those sit in the components layer (styles.css), not because of their order.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
