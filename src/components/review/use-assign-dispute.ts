"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "@/lib/trpc";

export interface AssignableDispute {
  id: string;
  number: string;
}

/**
 * Assigning a dispute (null: to nobody), then refreshing the page and the navigation's counters.
 * `onNotice` receives one sentence for a live region: what happened, or why not.
 */
export function useAssignDispute({
  me,
  reviewers,
  onNotice,
}: {
  me: string;
  reviewers: { id: string; name: string }[];
  onNotice: (message: string) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.disputes.assign.mutationOptions({
      onSuccess: () => {
        router.refresh();
        queryClient.invalidateQueries({ queryKey: trpc.disputes.counters.queryKey() });
      },
    }),
  );
  function assign(dispute: AssignableDispute, assigneeId: string | null) {
    const name = assigneeId === me ? "you" : (reviewers.find((r) => r.id === assigneeId)?.name ?? "that reviewer");
    onNotice(`Assigning ${dispute.number}…`);
    mutation.mutate(
      { disputeId: dispute.id, assigneeId },
      {
        onSuccess: (result) =>
          onNotice(
            assigneeId === null
              ? `${dispute.number} is unassigned.`
              : result.changed
                ? `${dispute.number} is now assigned to ${name}.`
                : `${dispute.number} was already assigned to ${name}.`,
          ),
        onError: (error) => onNotice(`${dispute.number}: ${errorMessage(error)}`),
      },
    );
  }
  return { assign, pending: mutation.isPending };
}
