"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { describeLookers, HEARTBEAT_SECONDS } from "@/domain/disputes/presence";
import { useTRPC } from "@/lib/trpc";

/** Sends the page's heartbeat while it is open and says who else has this dispute open. */
export function PresenceIndicator({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const [others, setOthers] = useState<string[]>([]);
  const { mutate } = useMutation(trpc.disputes.presence.mutationOptions({ onSuccess: (r) => setOthers(r.others) }));
  useEffect(() => {
    const beat = () => {
      if (document.visibilityState === "visible") mutate({ disputeId });
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_SECONDS * 1_000);
    return () => clearInterval(timer);
  }, [disputeId, mutate]);
  if (others.length === 0) return null;
  return (
    <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="presence">
      {describeLookers(others)}.
    </p>
  );
}
