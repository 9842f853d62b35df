import { z } from "zod";
import { AddInternalNoteInput, addInternalNote } from "@/server/services/disputes/add-internal-note";
import { AssignInput, assignDispute } from "@/server/services/disputes/assign-dispute";
import { AssignManyInput, assignDisputesInBulk } from "@/server/services/disputes/assign-disputes-in-bulk";
import { DecideInput, decideDisputedOutcomes } from "@/server/services/disputes/decide-disputed-outcomes";
import { DecideManyInput, decideDisputesInBulk } from "@/server/services/disputes/decide-disputes-in-bulk";
import { DeleteQueueViewInput, deleteQueueView } from "@/server/services/disputes/delete-queue-view";
import { DisputeScope } from "@/server/services/disputes/dispute-scope";
import { summarizeDisputes } from "@/server/services/disputes/dispute-summary";
import {
  CustomerDisputesQuery,
  creditedOutcomesOnDraft,
  DisputeOutcomesQuery,
  disputesOfOutcome,
  getDispute,
  listAssignableReviewers,
  listCustomerDisputes,
  listDisputeOutcomes,
  listReviewQueue,
  QueueQuery,
  reviewQueueCounters,
} from "@/server/services/disputes/find-disputes";
import { listInternalNotes } from "@/server/services/disputes/list-internal-notes";
import { listQueueViews } from "@/server/services/disputes/list-queue-views";
import { OpenDisputeInput, openDispute, previewDispute } from "@/server/services/disputes/open-dispute";
import { PreviewDecisionInput, previewDecision } from "@/server/services/disputes/preview-decision";
import { PresenceInput, recordPresence } from "@/server/services/disputes/record-presence";
import { ReplyInput, replyToDispute } from "@/server/services/disputes/reply-to-dispute";
import { SaveQueueViewInput, saveQueueView } from "@/server/services/disputes/save-queue-view";
import { WithdrawInput, withdrawDispute } from "@/server/services/disputes/withdraw-dispute";
import { authedProcedure, financeProcedure, portalProcedure, providerProcedure, router } from "../init";

export const disputesRouter = router({
  // Customer side: finance users dispute, reply and withdraw; viewers (and staff) read.
  /** What disputing this scope would cover: how many outcomes, the amount at stake, and which cannot be disputed and why. */
  preview: financeProcedure
    .input(z.object({ scope: DisputeScope }))
    .query(({ ctx, input }) => previewDispute({ actor: ctx.actor, customerId: ctx.customerId, scope: input.scope })),
  open: financeProcedure
    .input(OpenDisputeInput)
    .mutation(({ ctx, input }) => openDispute({ actor: ctx.actor, customerId: ctx.customerId, input })),
  withdraw: financeProcedure
    .input(WithdrawInput)
    .mutation(({ ctx, input }) => withdrawDispute({ actor: ctx.actor, customerId: ctx.customerId, input })),
  /** The disputes of the customer the portal shows. */
  list: portalProcedure
    .input(CustomerDisputesQuery)
    .query(({ ctx, input }) => listCustomerDisputes({ customerId: ctx.customerId, query: input })),
  /** The dashboard's figures: open disputes, what is at stake, what decisions credited. */
  summary: portalProcedure.query(({ ctx }) => summarizeDisputes({ customerId: ctx.customerId })),
  byId: authedProcedure
    .input(z.object({ disputeId: z.uuid() }))
    .query(({ ctx, input }) => getDispute({ actor: ctx.actor, disputeId: input.disputeId })),
  outcomes: authedProcedure
    .input(DisputeOutcomesQuery)
    .query(({ ctx, input }) => listDisputeOutcomes({ actor: ctx.actor, query: input })),
  /** The disputes one outcome is part of (for its evidence trail). */
  ofOutcome: authedProcedure
    .input(z.object({ attemptId: z.uuid() }))
    .query(({ ctx, input }) => disputesOfOutcome({ actor: ctx.actor, attemptId: input.attemptId })),
  /** The outcomes a draft invoice's dispute credit line takes off. */
  creditedOnDraft: authedProcedure
    .input(z.object({ invoiceId: z.uuid() }))
    .query(({ ctx, input }) => creditedOutcomesOnDraft({ actor: ctx.actor, invoiceId: input.invoiceId })),
  /** Customer finance users and provider staff write in the thread (the use case checks the role). */
  reply: authedProcedure.input(ReplyInput).mutation(({ ctx, input }) => replyToDispute({ actor: ctx.actor, input })),

  // Provider side: reviewers and admins.
  queue: providerProcedure
    .input(QueueQuery)
    .query(({ ctx, input }) => listReviewQueue({ actor: ctx.actor, query: input })),
  counters: providerProcedure.query(({ ctx }) => reviewQueueCounters({ actor: ctx.actor })),
  reviewers: providerProcedure.query(() => listAssignableReviewers()),
  assign: providerProcedure.input(AssignInput).mutation(({ ctx, input }) => assignDispute({ actor: ctx.actor, input })),
  decide: providerProcedure
    .input(DecideInput)
    .mutation(({ ctx, input }) => decideDisputedOutcomes({ actor: ctx.actor, input })),
  /** Bulk actions from the queue: each dispute through the single action's use case, reported per dispute. */
  /** The queue's saved views: each reviewer's own, named, one of them the default. */
  views: providerProcedure.query(({ ctx }) => listQueueViews({ actor: ctx.actor })),
  saveView: providerProcedure
    .input(SaveQueueViewInput)
    .mutation(({ ctx, input }) => saveQueueView({ actor: ctx.actor, input })),
  deleteView: providerProcedure
    .input(DeleteQueueViewInput)
    .mutation(({ ctx, input }) => deleteQueueView({ actor: ctx.actor, input })),
  /** Internal notes: provider staff only, never in anything a customer reads. */
  internalNotes: providerProcedure
    .input(z.object({ disputeId: z.uuid() }))
    .query(({ ctx, input }) => listInternalNotes({ actor: ctx.actor, disputeId: input.disputeId })),
  addInternalNote: providerProcedure
    .input(AddInternalNoteInput)
    .mutation(({ ctx, input }) => addInternalNote({ actor: ctx.actor, input })),
  /** The review page's heartbeat; answers who else has it open. */
  presence: providerProcedure
    .input(PresenceInput)
    .mutation(({ ctx, input }) => recordPresence({ actor: ctx.actor, input })),
  /** What a decision would credit and where (a dry run of the decision's own path), for its button. */
  previewDecision: providerProcedure.input(PreviewDecisionInput).query(({ input }) => previewDecision({ input })),
  assignMany: providerProcedure
    .input(AssignManyInput)
    .mutation(({ ctx, input }) => assignDisputesInBulk({ actor: ctx.actor, input })),
  decideMany: providerProcedure
    .input(DecideManyInput)
    .mutation(({ ctx, input }) => decideDisputesInBulk({ actor: ctx.actor, input })),
});
