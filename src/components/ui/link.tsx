import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The portal's link: next/link without prefetching as links scroll into view. Every page is
 * rendered per request, so a prefetch renders a page the reader may never open: a dashboard
 * with a dozen links cost a dozen server renders and as many payloads parsed on the phone's
 * main thread while the page was starting (Lighthouse's total blocking time). Navigation
 * fetches on click instead; a link that should prefetch says `prefetch`.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
