export { cn } from "./cn.ts";
export { Button, type ButtonProps } from "./button.tsx";
export { buttonVariants } from "./button-variants.ts";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card.tsx";
export { Input } from "./input.tsx";
export { Label } from "./label.tsx";
export { NativeSelect, type NativeSelectProps, type SelectOption } from "./select.tsx";
export { Field, fieldControlProps } from "./field.tsx";
export { ScrollRegion } from "./scroll-region.tsx";
export { DevSignIn, type DevSignInUser } from "./dev-sign-in.tsx";
export { Badge } from "./badge.tsx";
export { ProgressBar } from "./progress-bar.tsx";
export { Skeleton } from "./skeleton.tsx";
export { Textarea } from "./textarea.tsx";
export { Sparkline, type SparklinePoint } from "./sparkline.tsx";
export { ScoreCard } from "./score-card.tsx";
export { LoadCard } from "./load-card.tsx";
export { AtRiskCard } from "./at-risk-card.tsx";
export { StrengthList } from "./strength-list.tsx";
export { Heatmap } from "./heatmap.tsx";
export { ChartFrame, DataTable, tickLabel, type ChartSize } from "./chart-frame.tsx";
export {
  SUGGESTION_STATUS_LABEL,
  SUGGESTION_TYPE_LABEL,
  SuggestionPreviewBody,
  suggestionActionText,
} from "./suggestions.tsx";
export type * from "./view-types.ts";
export { HeaderMenu } from "./header-menu.tsx";
export { ThemeSelect } from "./theme-select.tsx";
export { DateField } from "./date-field.tsx";
