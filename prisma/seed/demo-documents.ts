// Processed documents (document_processed) for Umbrella Health: claims, referrals and lab
// reports arrive by fax, SFTP or the member portal; the AI extracts the fields, and they are
// validated against Umbrella's registries. A document bills only when the AI got it right on
// its own: confident extraction, every field valid, no human corrections.
import { AttemptTimeline, type DemoAttempt } from "./demo-events";
import { MINUTE, type Rng } from "./demo-random";

const SCENARIOS = { clean: 78, lowConfidence: 7, corrected: 7, invalid: 6, unreadable: 2 } as const;

const DOC_TYPES = [
  {
    name: "Insurance claim form",
    fields: ["member ID", "date of service", "CPT codes", "diagnosis codes", "billed amount"],
  },
  { name: "Referral letter", fields: ["patient name", "referring physician", "specialty", "reason for referral"] },
  { name: "Lab report", fields: ["patient ID", "test panel", "result values", "reference ranges", "collection date"] },
  { name: "Patient intake form", fields: ["name", "date of birth", "insurance", "allergies", "medications"] },
  { name: "Prior authorization request", fields: ["member ID", "procedure code", "clinical justification"] },
  { name: "Clinic invoice", fields: ["invoice number", "provider NPI", "line items", "total"] },
  { name: "Discharge summary", fields: ["admission date", "discharge date", "diagnoses", "follow-up plan"] },
  { name: "Vaccination record", fields: ["patient name", "vaccine", "lot number", "date administered"] },
] as const;
const CHANNELS = { "fax gateway": 3, "SFTP drop": 4, "member portal upload": 2, "claims inbox": 2 } as const;
const INVALID = [
  "member ID not found in the member registry",
  "date of service is after the submission date",
  "billed total does not match the sum of the line items",
  "provider NPI fails its checksum",
  "policy was not active on the date of service",
];
const REVIEWERS = ["Priya Shah", "Tom Becker", "Aisha Bello"] as const;
const WHY_LOW = ["handwritten entries", "a skewed fax scan", "low-resolution photo", "stamps over the form fields"];

export function umbrellaDocuments(rng: Rng, times: readonly Date[], now: Date): DemoAttempt[] {
  return times.flatMap((t0, i) => document(rng, i + 1, t0, now) ?? []);
}

function document(rng: Rng, n: number, t0: Date, now: Date): DemoAttempt | null {
  const scenario = rng.weighted(SCENARIOS);
  const type = rng.pick(DOC_TYPES);
  const subject = `DOC-${600_000 + n}`;
  const pages = scenario === "unreadable" ? 0 : Number(rng.weighted({ "1": 5, "2": 3, "3": 2, "5": 1, "12": 0.3 }));
  const fields = type.fields.length + rng.int(6, 24);
  const month = `${t0.getUTCFullYear()}/${String(t0.getUTCMonth() + 1).padStart(2, "0")}`;
  const timeline = new AttemptTimeline(
    { customer: "umbrella", definition: "document_processed", windowHours: 24 },
    n,
    subject,
  );
  let clock = t0.getTime();
  const after = (min: number, max: number) => {
    clock += rng.int(min, max);
    return new Date(clock);
  };

  // 1. Received and stored: the link is what a customer opens to check the AI's work.
  const channel = rng.weighted(CHANNELS);
  timeline.event({
    attributes: { docType: type.name, channel, pages },
    evidence: [
      {
        at: new Date(clock),
        kind: "status",
        actor: "system",
        title: `${type.name} received via ${channel} (${pages} ${pages === 1 ? "page" : "pages"})`,
      },
      {
        at: after(1_000, 5_000),
        kind: "link",
        actor: "system",
        title: "Stored document",
        url: `https://docs.example.com/umbrella/${month}/${subject}.pdf`,
      },
    ],
  });
  if (scenario === "unreadable") {
    timeline.event({
      attributes: { fieldsValidated: false },
      aiShare: 1,
      cost: rng.cost(0.001, 0.003),
      evidence: [
        {
          at: after(10_000, 60_000),
          kind: "status",
          actor: "ai",
          title: "Extraction skipped: the file has no readable pages",
          body: "The PDF is empty or password-protected; the sender was asked to resend it.",
        },
      ],
    });
    return timeline.build(now);
  }

  // 2. OCR and field extraction by the AI.
  const lowConfidence = scenario === "lowConfidence";
  const confidence = lowConfidence ? rng.int(620, 940) / 1000 : rng.int(951, 998) / 1000;
  timeline.event({
    attributes: { extractionConfidence: confidence, fieldsExtracted: fields },
    aiShare: 1,
    cost: rng.cost(0.004 * pages, 0.012 * pages),
    evidence: [
      {
        at: after(20_000, 3 * MINUTE),
        kind: "metric",
        actor: "ai",
        title: `Extraction confidence ${confidence.toFixed(3)}`,
        body: `Extracted ${fields} fields, including ${type.fields.join(", ")}.${lowConfidence ? ` Low confidence: ${rng.pick(WHY_LOW)}.` : ""}`,
      },
    ],
  });

  // 3. Validation against Umbrella's registries; a reviewer steps in when needed.
  const reviewer = rng.pick(REVIEWERS);
  const corrections = lowConfidence ? rng.int(3, 7) : scenario === "corrected" ? rng.int(1, 2) : 0;
  const first = rng.int(0, type.fields.length - 1);
  const corrected = type.fields.filter((_, i) => (i - first + type.fields.length) % type.fields.length < corrections);
  const invalid = scenario === "invalid";
  timeline.event({
    attributes: { fieldsValidated: !invalid, humanCorrections: corrections },
    ...(corrections > 0 ? { aiShare: rng.share(0.7, 0.92) } : {}),
    evidence: [
      ...(corrections > 0
        ? [
            {
              at: after(5 * MINUTE, 90 * MINUTE),
              kind: "note" as const,
              actor: "human" as const,
              title: `${reviewer} corrected ${corrections} ${corrections === 1 ? "field" : "fields"}`,
              body: `Corrected in manual review: ${corrected.join(", ")}${corrections > corrected.length ? " and others" : ""}.`,
            },
          ]
        : []),
      {
        at: after(MINUTE, 10 * MINUTE),
        kind: "status",
        actor: "system",
        title: invalid ? `Validation failed: ${rng.pick(INVALID)}` : `All ${fields} fields validated`,
      },
      ...(invalid
        ? []
        : [
            {
              at: after(10_000, MINUTE),
              kind: "status" as const,
              actor: "ai" as const,
              title: "Exported to the claims system",
            },
          ]),
    ],
  });
  return timeline.build(now);
}
