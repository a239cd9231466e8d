export { cn } from "./cn.ts";
export { Button, buttonVariants, type ButtonProps } from "./button.tsx";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card.tsx";
export { Input, fieldClasses } from "./input.tsx";
export { Label } from "./label.tsx";
export { NativeSelect, type NativeSelectProps, type SelectOption } from "./select.tsx";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
