import { Children, cloneElement, isValidElement, type ComponentProps } from "react";
import { buttonVariants, type ButtonSize, type ButtonVariant } from "./button-variants.ts";
import { cn } from "./cn.ts";

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child (a link, say) with the button's styles instead of a <button>. */
  asChild?: boolean;
}

export function Button({
  className,
  variant,
  size,
  asChild = false,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), className);
  if (!asChild) {
    return (
      <button className={classes} {...props}>
        {children}
      </button>
    );
  }
  const child = Children.only(children);
  if (!isValidElement<{ className?: string }>(child)) {
    throw new Error("Button asChild needs a single element child.");
  }
  return cloneElement(child, { ...props, className: cn(classes, child.props.className) });
}
