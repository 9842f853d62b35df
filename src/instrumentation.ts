// Next.js calls this once when a server instance starts: it joins the job queue (every
// instance does; the queue runs each scheduled job once across them) and leaves it cleanly on
// SIGTERM/SIGINT (see joinJobQueue).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SCHEDULER === "off") return;
  const { joinJobQueue } = await import("./server/jobs/queue");
  await joinJobQueue();
}
