// Next.js calls this once when a server instance starts: it starts the scheduler.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SCHEDULER === "off") return;
  const { startScheduler } = await import("./server/jobs/scheduler");
  startScheduler();
}
