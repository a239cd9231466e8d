import { Skeleton } from "@atlas/ui";

/** A placeholder block: its classes (height, width), or a row of blocks laid out by `className`. */
export type SkeletonBlock = string | { className: string; blocks: readonly string[] };

/**
 * A page while it loads: the same blocks at the same heights as the page, so nothing moves when
 * it arrives. With `title`, the page's heading (and under it a line of `subtitleWidth`, if
 * given); without, a plan's page: its back link and title.
 */
export function PageSkeleton({
  title,
  subtitleWidth,
  blocks,
}: {
  title?: string;
  subtitleWidth?: string;
  blocks: readonly SkeletonBlock[];
}) {
  const heading = title ? <h1 className="text-2xl font-semibold tracking-tight">{title}</h1> : null;
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      {heading === null ? (
        <>
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-9 w-64" />
        </>
      ) : subtitleWidth ? (
        <div>
          {heading}
          <Skeleton className={`mt-2 h-4 ${subtitleWidth}`} />
        </div>
      ) : (
        heading
      )}
      {blocks.map((block, i) =>
        typeof block === "string" ? (
          <Skeleton key={i} className={block} />
        ) : (
          <div key={i} className={block.className}>
            {block.blocks.map((className, j) => (
              <Skeleton key={j} className={className} />
            ))}
          </div>
        ),
      )}
    </div>
  );
}
