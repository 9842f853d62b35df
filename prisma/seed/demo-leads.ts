// Inbound leads (lead_qualified) for Umbrella Health, which sells occupational-health plans
// to employers. Acme's AI takes each web inquiry through enrichment, a qualification call and
// booking a meeting with an account executive; a lead bills only if it is in a served
// region, big enough, has budget, and the meeting is booked within the 7-day window.
import { AttemptTimeline, type DemoAttempt } from "./demo-events";
import { DAY, HOUR, MINUTE, type Rng } from "./demo-random";
import { FIRST_NAMES } from "./demo-support-texts";

const SCENARIOS = { qualified: 74, tooSmall: 8, noBudget: 7, noMeeting: 6, outOfRegion: 5 } as const;

const COMPANIES = [
  "Northwind Logistics",
  "Contoso Manufacturing",
  "Fabrikam Foods",
  "Tailspin Aviation",
  "Wingtip Hotels",
  "Litware Systems",
  "Proseware Labs",
  "Adventure Works Outdoor",
  "Blue Yonder Airlines",
  "Alpine Ski House",
  "Coho Winery",
  "Lucerne Publishing",
  "Trey Research",
  "Woodgrove Bank",
  "Fourth Coffee",
  "Humongous Insurance",
  "Relecloud",
  "VanArsdel Retail",
  "Wide World Importers",
  "Southridge Video",
] as const;

const TITLES = ["HR Director", "Head of People", "Benefits Manager", "COO", "Office Manager", "VP Operations"];
const SOURCES = { "website form": 6, "webinar sign-up": 2, "partner referral": 1, "pricing page chat": 2 } as const;
const SERVED = { NA: 5, EU: 3, UK: 2 } as const;
const UNSERVED = ["APAC", "LATAM", "MEA"] as const;
const NEEDS = [
  "We have about {size} employees across {sites} sites and want to set up annual health checks.",
  "Looking for an occupational health provider for our warehouse staff ({size} people), ideally starting next quarter.",
  "Our current EAP contract ends in {month}. We'd like a quote for {size} employees.",
  "We need pre-employment medicals and flu vaccinations for roughly {size} staff.",
  "Interested in your mental-health support plan for a team of {size}.",
];
const NO_BUDGET = [
  "Budget for benefits is frozen until the next fiscal year; asked us to follow up in Q2.",
  "Exploring options only: no budget allocated, the decision sits with the parent company.",
  "Price expectation well below our lowest tier; no budget beyond the current provider.",
];
const MONTHS = ["January", "February", "March", "April", "June", "September"];

export function umbrellaLeads(rng: Rng, times: readonly Date[], now: Date): DemoAttempt[] {
  return times.flatMap((t0, i) => lead(rng, i + 1, t0, now) ?? []);
}

function lead(rng: Rng, n: number, t0: Date, now: Date): DemoAttempt | null {
  const scenario = rng.weighted(SCENARIOS);
  const contact = `${rng.pick(FIRST_NAMES)} ${rng.pick(["Miller", "Schmidt", "Nguyen", "Kowalski", "Haddad", "Brown"])}`;
  const company = rng.pick(COMPANIES);
  const region = scenario === "outOfRegion" ? rng.pick(UNSERVED) : rng.weighted(SERVED);
  const size = scenario === "tooSmall" ? rng.int(6, 45) : rng.pick([rng.int(50, 250), rng.int(250, 2_500)]);
  const subject = `lead-${30_000 + n}`;
  const timeline = new AttemptTimeline(
    { customer: "umbrella", definition: "lead_qualified", windowHours: 168 },
    n,
    subject,
  );
  let clock = t0.getTime();
  const after = (min: number, max: number) => {
    clock += rng.int(min, max);
    return new Date(clock);
  };
  // Every event must fall inside the 7-day window, or it would count although it came too late.
  const built = () => {
    if (clock - t0.getTime() > 168 * HOUR) throw new Error(`Demo lead ${n} runs past its 7-day window.`);
    return timeline.build(now);
  };
  // Calls happen while both sides are at work (13:00–21:00 UTC overlaps London and New York).
  const duringOfficeHours = (at: Date) => {
    const hour = at.getUTCHours();
    if (hour >= 13 && hour < 21) return at;
    clock += (((13 - hour + 24) % 24) + rng.float(0, 6)) * HOUR;
    return new Date(clock);
  };
  const need = rng
    .pick(NEEDS)
    .replace("{size}", String(size))
    .replace("{sites}", String(rng.int(2, 9)))
    .replace("{month}", rng.pick(MONTHS));

  // 1. The inquiry arrives and lands in the CRM.
  timeline.event({
    attributes: { source: rng.weighted(SOURCES), region, company },
    aiShare: 1,
    cost: rng.cost(0.001, 0.004),
    evidence: [
      {
        at: new Date(clock),
        kind: "message",
        actor: "customer",
        title: `Inquiry from ${contact}, ${rng.pick(TITLES)} at ${company}`,
        body: need,
      },
      { at: after(MINUTE / 2, 2 * MINUTE), kind: "status", actor: "system", title: "Lead created in CRM" },
    ],
  });

  // 2. Enrichment: firmographics from a data vendor, and the AI's fit score.
  const score = scenario === "tooSmall" || scenario === "outOfRegion" ? rng.int(18, 45) : rng.int(62, 96);
  timeline.event({
    attributes: {
      companySize: size,
      industry: rng.pick(["logistics", "manufacturing", "hospitality", "retail", "finance"]),
    },
    cost: rng.cost(0.02, 0.06),
    evidence: [
      {
        at: after(2 * MINUTE, 10 * MINUTE),
        kind: "metric",
        actor: "system",
        title: `Company size: ${size.toLocaleString("en-US")} employees`,
        body: `Enriched from the firmographics provider; headquarters region ${region}.`,
      },
      { at: after(MINUTE / 4, MINUTE), kind: "note", actor: "ai", title: `Fit score ${score}/100` },
    ],
  });
  if (scenario === "tooSmall" || scenario === "outOfRegion") {
    // Disqualified early: the AI routes the lead to self-serve and stops.
    timeline.event({
      attributes: { disqualified: true },
      evidence: [
        {
          at: after(MINUTE, 5 * MINUTE),
          kind: "status",
          actor: "ai",
          title:
            scenario === "tooSmall"
              ? "Routed to the self-serve plan (under 50 employees)"
              : "Routed to a partner (region not served)",
        },
      ],
    });
    return built();
  }

  // 3. The AI's qualification call, within a few days.
  const budget = scenario !== "noBudget";
  timeline.event({
    attributes: { budgetConfirmed: budget, callMinutes: rng.int(6, 22) },
    cost: rng.cost(0.08, 0.25),
    evidence: [
      {
        at: duringOfficeHours(after(4 * HOUR, 2 * DAY)),
        kind: "note",
        actor: "ai",
        title: "Qualification call notes",
        body: budget
          ? `Spoke with ${contact}. Budget approved for this year (about $${rng.int(20, 180)}k), decision by ${contact.split(" ")[0]} and the CFO, timeline ${rng.pick(["this quarter", "within 60 days", "before renewal"])}.`
          : `Spoke with ${contact}. ${rng.pick(NO_BUDGET)}`,
      },
    ],
  });
  if (scenario === "noBudget") return built();
  if (scenario === "noMeeting") {
    timeline.event({
      evidence: [
        {
          at: duringOfficeHours(after(12 * HOUR, DAY)),
          kind: "message",
          actor: "ai",
          title: "Follow-up e-mail sent: proposed three meeting slots",
        },
        { at: after(DAY, 30 * HOUR), kind: "note", actor: "ai", title: "No reply after two follow-ups" },
      ],
    });
    return built();
  }

  // 4. The meeting is booked with an account executive.
  timeline.event({
    attributes: { meetingBooked: true },
    cost: rng.cost(0.002, 0.01),
    evidence: [
      {
        at: after(HOUR, 2 * DAY),
        kind: "status",
        actor: "ai",
        title: `Meeting booked with ${rng.pick(["Dana Whitfield", "Marcus Lee", "Ingrid Holm"])} (account executive)`,
        url: `https://crm.example.com/umbrella/leads/${subject}`,
      },
    ],
  });
  return built();
}
