// "Someone else is looking at this": who opened a dispute's review page lately. The page sends
// a heartbeat every HEARTBEAT_SECONDS; a reviewer counts as looking for PRESENCE_MINUTES after
// the last one, so a closed tab stops showing within a couple of minutes.
export const HEARTBEAT_SECONDS = 30;
export const PRESENCE_MINUTES = 2;

/** The earliest heartbeat that still counts as looking at `now`. */
export function presentSince(now: Date): Date {
  return new Date(now.getTime() - PRESENCE_MINUTES * 60_000);
}

/** "Ana is also looking at this", "Ana and Ben are also looking at this"; "" for nobody. */
export function describeLookers(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 0) return "";
  const who = unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
  return `${who} ${unique.length === 1 ? "is" : "are"} also looking at this`;
}
