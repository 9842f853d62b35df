import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/navigation";
import { currentActor } from "@/server/auth/current-actor";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor.role) : "/sign-in");
}
