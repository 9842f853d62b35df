// Initech sells expense-reporting software: its tickets are about accounts, billing and
// integrations. Same shape and placeholders as demo-texts-globex.ts.
import type { SupportTopic } from "./demo-support-texts";

export const INITECH_TOPICS: readonly SupportTopic[] = [
  {
    key: "password_reset",
    title: "Can't reset my password",
    openers: [
      "The password reset e-mail never arrives. My login is {email}.",
      "I'm locked out: the reset link says it expired as soon as I click it.",
    ],
    answer:
      "Hi {name}, the reset links to {email} were being caught by your company's spam filter. I've sent a fresh link that is valid for 60 minutes; you can also sign in with SSO from the login page.",
    backOffice: "reset the password from the admin console and cleared the lockout",
  },
  {
    key: "mfa_locked",
    title: "Lost access to my MFA device",
    openers: [
      "I got a new phone and can't generate MFA codes anymore. How do I get back in?",
      "My authenticator app was wiped. I have a report due on {due}.",
    ],
    answer:
      "Hi {name}, I've verified your identity through your workspace admin and removed the old authenticator. Sign in with your password and you'll be asked to enroll the new phone.",
    backOffice: "verified the identity on a call and removed the MFA factor in the admin console",
  },
  {
    key: "double_charge",
    title: "Charged twice this month",
    openers: [
      "We were charged {amount} twice for invoice {invoice}. Please refund one of them.",
      "Our card ending {last4} shows two identical charges of {amount} on {date}.",
    ],
    answer:
      "You're right, {name}: the renewal on {date} was captured twice because of a payment retry. I've refunded the duplicate {amount} to the card ending {last4}; it shows within 5 business days.",
    backOffice: "voided the duplicate charge by hand in the billing system",
  },
  {
    key: "invoice_copy",
    title: "Need a copy of invoice {invoice}",
    openers: [
      "Our finance team needs a PDF of invoice {invoice} with our PO number on it.",
      "Can you resend invoice {invoice}? Accounts payable lost it.",
    ],
    answer:
      "Here you go, {name}: I've re-issued invoice {invoice} with your PO number and sent the PDF to {email}. You can also download every invoice under Settings → Billing.",
    backOffice: "re-issued the invoice with the PO number by hand in the billing system",
  },
  {
    key: "vat_id",
    title: "Add our VAT number to invoices",
    openers: [
      "Please add our VAT ID to future invoices, and to {invoice} if possible.",
      "Our invoices are missing the tax ID, which our auditors need.",
    ],
    answer:
      "Done, {name}: your VAT ID is on the account now and invoice {invoice} has been re-issued with it. Future invoices will show it automatically.",
    backOffice: "validated the VAT number in the EU registry and corrected the invoice manually",
  },
  {
    key: "add_seats",
    title: "Add {seats} seats",
    openers: [
      "We're onboarding a new team. Can we add {seats} seats to our plan?",
      "How do I add {seats} more users? The admin page says we're at the limit.",
    ],
    answer:
      "Hi {name}, I've added {seats} seats to your workspace. The prorated charge of {amount} will appear on your next invoice, and you can invite the new users right away.",
    backOffice: "raised the seat limit by hand because the workspace was on a legacy contract",
  },
  {
    key: "sso_error",
    title: "SSO login fails with SAML error",
    openers: [
      "After rotating our IdP certificate, everyone gets 'SAML response signature invalid'.",
      "Okta login to Initech fails since this morning with an invalid signature error.",
    ],
    answer:
      "Hi {name}, Initech still had your old IdP certificate. Upload the new one under Settings → Security → SSO, or I can do it if you reply with the metadata URL. Here's the step-by-step guide.",
    backOffice: "uploaded the new IdP certificate from the admin console",
  },
  {
    key: "csv_export",
    title: "Export expense reports to CSV",
    openers: [
      "How do I export all expense reports from last quarter to CSV for our auditors?",
      "The export button only gives me PDF. We need CSV by {due}.",
    ],
    answer:
      "Hi {name}, go to Reports → All reports, filter by date, then choose Export → CSV (the PDF button exports one report at a time). I've also e-mailed you a CSV of last quarter to {email}.",
    backOffice: "ran the export from the database because the workspace exceeded the export limit",
  },
  {
    key: "api_rate_limit",
    title: "API returns 429 errors",
    openers: [
      "Our nightly sync is failing with HTTP 429 Too Many Requests since {date}.",
      "We're hitting rate limits on the reports API. Can you raise them?",
    ],
    answer:
      "Hi {name}, your sync sends about 40 requests per second; the limit is 20. Use the bulk endpoint (/v2/reports:batch, 500 reports per call) or spread the sync over 30 minutes.",
    backOffice: "raised the API rate limit temporarily in the gateway configuration",
  },
  {
    key: "report_stuck",
    title: "TPS report stuck in approval",
    openers: [
      "My TPS report has been 'pending approval' for a week and my manager says he approved it.",
      "Expense report for {date} won't move past approval. Reimbursement is late.",
    ],
    answer:
      "Hi {name}, the approval was recorded against an old manager assignment. I've re-routed the report to your current approver, and it shows as approved now.",
    backOffice: "fixed the approval chain in the database and re-ran the approval workflow",
  },
  {
    key: "downgrade",
    title: "Downgrade our plan",
    openers: [
      "We'd like to move from Business to Team at renewal. What do we lose?",
      "Please downgrade us to the Team plan, we only need {seats} seats now.",
    ],
    answer:
      "Hi {name}, I've scheduled the switch to Team at your renewal on {due}. You keep all data; approval workflows over two levels and the audit export are Business-only.",
    backOffice: "applied the downgrade by hand because the account had a custom discount",
  },
  {
    key: "slack_integration",
    title: "Slack notifications stopped",
    openers: [
      "Approval notifications stopped showing up in our Slack channel.",
      "The Slack integration says 'connected' but nothing is posted since {date}.",
    ],
    answer:
      "Hi {name}, Slack revoked the token when your workspace owner changed. Reconnect under Settings → Integrations → Slack; notifications resume immediately.",
    backOffice: "re-issued the integration token from the admin console",
  },
  {
    key: "owner_change",
    title: "Transfer account ownership",
    openers: [
      "Our account owner left the company. Please make {email} the new owner.",
      "We need to change the billing owner of our workspace to {email}.",
    ],
    answer:
      "Done, {name}: after confirming with your finance contact, {email} is now the workspace owner and receives billing e-mails.",
    backOffice: "verified the request with the finance team and transferred ownership by hand",
  },
  {
    key: "unused_seats",
    title: "Refund for unused seats",
    openers: [
      "We paid for {seats} seats annually but only use half. Can we get a partial refund?",
      "Can we reduce our seat count mid-term and get credit for {seats} seats?",
    ],
    answer:
      "Hi {name}, per your contract seats can be reduced at renewal, but I've applied a one-time credit of {amount} for the {seats} unused seats to your next invoice.",
    backOffice: "got finance approval and applied the credit by hand",
  },
];
